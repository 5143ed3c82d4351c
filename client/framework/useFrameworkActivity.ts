import { useEffect } from 'react';
import { useWorkspaceDoc } from '../workspace/WorkspaceDocContext.ts';

/**
 * Tells others what this person is looking at (`framework`, `outcome:<id>`) while the screen is shown, and stops
 * saying so when they leave it, so nobody appears to be on an outcome they have left.
 */
export function useFrameworkActivity(viewing: string): void {
  const { setActivity } = useWorkspaceDoc();
  useEffect(() => {
    setActivity({ viewing, editing: undefined });
    return () => setActivity({ viewing: undefined, editing: undefined });
  }, [setActivity, viewing]);
}
