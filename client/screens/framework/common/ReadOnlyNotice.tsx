import { useWorkspaceDoc } from '../../../workspace/WorkspaceDocContext.ts';

/** Why the controls on this page are disabled, in words, for commenters, viewers and lost connections. */
export function ReadOnlyNotice() {
  const { readOnlyReason } = useWorkspaceDoc();
  if (readOnlyReason === null) return null;
  return (
    <p className="notice notice--info" data-testid="read-only-notice">
      <strong>Read only.</strong> {readOnlyReason}
    </p>
  );
}
