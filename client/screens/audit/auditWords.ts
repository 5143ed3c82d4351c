import type { AuditAction, AuditEntry } from '../../../shared/schemas/audit.ts';
import { RoleSchema, roleDescriptions } from '../../../shared/model/roles.ts';

/** Each recorded action in the words a board chair would use. */
export const auditActionWords: Record<AuditAction, string> = {
  'auth.login': 'Signed in',
  'auth.login_failed': 'Failed to sign in',
  'auth.logout': 'Signed out',
  'auth.logout_everywhere': 'Signed out on every device',
  'auth.password_changed': 'Changed their password',
  'account.created': 'Created an account',
  'admin.created': 'Set up Common Ground as administrator',
  'partnership.created': 'Created the partnership',
  'invitation.created': 'Invited someone',
  'invitation.accepted': 'Accepted an invitation',
  'invitation.revoked': 'Revoked an invitation',
  'member.updated': 'Changed a membership',
  'member.removed': 'Removed a member',
  'token.created': 'Created an API token',
  'token.revoked': 'Revoked an API token',
};

const keyWords: Record<string, string> = {
  role: 'Role',
  organisation: 'Organisation',
  isVotingMember: 'Voting member',
  note: 'For',
  email: 'Email',
  name: 'Name',
  reason: 'Reason',
  from: 'From',
  to: 'To',
};

function words(key: string): string {
  if (keyWords[key]) return keyWords[key];
  // camelCase or snake_case → "Sentence case"
  const spaced = key
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

function valueWords(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'string') {
    const role = RoleSchema.safeParse(value);
    return role.success ? roleDescriptions[role.data].label : value;
  }
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map(valueWords).join(', ');
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    // A change recorded as { from, to } reads as "Viewer → Editor".
    if ('from' in record && 'to' in record) return `${valueWords(record.from)} → ${valueWords(record.to)}`;
    return Object.entries(record)
      .map(([key, inner]) => `${words(key)}: ${valueWords(inner)}`)
      .join('; ');
  }
  return '';
}

/** The details of an entry as label–value pairs, for display. */
export function auditDetails(entry: AuditEntry): { label: string; value: string }[] {
  return Object.entries(entry.details).map(([key, value]) => ({ label: words(key), value: valueWords(value) }));
}
