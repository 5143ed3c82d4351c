import { roleDescriptions, type Role } from '../../shared/model/roles.ts';

/** My role in a partnership and, in plain words, what it lets me do. */
export function RoleSummary({ role, isAdmin }: { role: Role | null; isAdmin: boolean }) {
  if (role === null) {
    return (
      <p className="role-summary" data-testid="role-summary">
        {isAdmin ? (
          <>
            Your role: <strong className="role-tag">Administrator</strong>{' '}
            <span className="role-summary__what">
              You can see this partnership because you administer Common Ground, but you are not one of its members.
            </span>
          </>
        ) : (
          <strong>You are not a member of this partnership.</strong>
        )}
      </p>
    );
  }
  const { label, summary } = roleDescriptions[role];
  return (
    <p className="role-summary" data-testid="role-summary">
      Your role: <strong className="role-tag">{label}</strong> <span className="role-summary__what">{summary}</span>
    </p>
  );
}
