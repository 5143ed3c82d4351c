import { scopeLabels } from '../../../../shared/model/framework/index.ts';
import type { Scope } from '../../../../shared/schemas/framework.ts';

/** "Core" or "Local" as a word in a bordered tag; the two differ in outline, never by colour alone. */
export function ScopeTag({ scope }: { scope: Scope }) {
  return (
    <span className={`framework-tag framework-tag--${scope}`} title={scopeHelp[scope]}>
      {scopeLabels[scope]}
    </span>
  );
}

const scopeHelp: Record<Scope, string> = {
  core: 'Part of the common core shared by most places',
  local: 'Added for this place',
};
