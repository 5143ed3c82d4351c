import type { AuditAction, AuditEntry } from '../../../shared/schemas/audit.ts';
import { RoleSchema, roleDescriptions } from '../../../shared/model/roles.ts';
import { TemplateIdSchema, type TemplateId } from '../../../shared/schemas/partnerships.ts';

const templateWords: Record<TemplateId, string> = {
  'common-outcomes': 'Family hubs common outcomes framework',
  blank: 'Blank',
};

/** Each kind of entry (an action's part before the dot), for the audit log's filter. */
export const auditCategoryWords: Readonly<Record<string, string>> = {
  auth: 'Signing in and out',
  account: 'Accounts',
  admin: 'Administration',
  partnership: 'The partnership',
  invitation: 'Invitations',
  member: 'Memberships',
  token: 'API tokens',
  round: 'Prioritisation rounds',
  ballot: 'Ballots',
  decision: 'Decisions',
  comment: 'Comments',
  framework: 'Framework imports',
  observations: 'Evidence imports',
  indicator_metadata: 'Indicator metadata imports',
  comparator_areas: 'Comparator areas',
  data_mapping: 'Data mapping imports',
  version: 'Versions',
  meeting: 'Meetings',
  action: 'Actions log',
  network: 'Networks',
};

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
  'partnership.area_changed': 'Corrected the area or its ONS code',
  'invitation.created': 'Invited someone',
  'invitation.accepted': 'Accepted an invitation',
  'invitation.revoked': 'Revoked an invitation',
  'member.updated': 'Changed a membership',
  'member.removed': 'Removed a member',
  'token.created': 'Created an API token',
  'token.revoked': 'Revoked an API token',
  'round.created': 'Created a prioritisation round',
  'round.updated': 'Changed a draft prioritisation round',
  'round.deleted': 'Deleted a draft prioritisation round',
  'round.opened': 'Opened a prioritisation round for voting',
  'round.closed': 'Closed a prioritisation round',
  'round.reopened': 'Reopened a prioritisation round',
  'ballot.cast': 'Cast or changed a ballot',
  'decision.recorded': 'Recorded the agreed priorities',
  'comment.thread_created': 'Started a comment thread',
  'comment.replied': 'Replied in a comment thread',
  'comment.resolved': 'Resolved a comment thread',
  'comment.reopened': 'Reopened a comment thread',
  'framework.imported': 'Imported the outcomes framework from a spreadsheet',
  'observations.imported': 'Imported observations (evidence) from a file',
  'indicator_metadata.imported': 'Imported Fingertips indicator metadata',
  'comparator_areas.changed': 'Changed the comparator areas',
  'data_mapping.imported': 'Imported the data mapping from a spreadsheet',
  'version.taken': 'Took a version of the partnership',
  'version.copied': 'Made a new partnership from a version',
  'meeting.created': 'Scheduled a board meeting',
  'meeting.updated': 'Changed a board meeting',
  'meeting.closed': 'Closed a board meeting',
  'action.created': 'Added an action to the actions log',
  'action.updated': 'Changed an action in the actions log',
  'network.created': 'Created a network of places',
  'network.coordinator_invited': 'Invited a network coordinator',
  'network.coordinator_added': 'Became a network coordinator',
  'network.invited': 'Was invited to join a network',
  'network.joined': 'Joined a network',
  'network.declined': 'Declined an invitation to join a network',
  'network.left': 'Left a network',
  'network.removed': 'Was removed from a network by its coordinator',
  'network.sharing_changed': 'Changed what the partnership shares with a network',
  'network.version_published': 'Published a network template version',
  'network.change_adopted': 'Adopted a change from the network template',
  'network.change_declined': 'Declined a change from the network template',
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
  areaCodes: 'Comparator areas',
  network: 'Network',
  sharing: 'Shares',
  change: 'Change',
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
    if (role.success) return roleDescriptions[role.data].label;
    const template = TemplateIdSchema.safeParse(value);
    return template.success ? templateWords[template.data] : value;
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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface AuditDetail {
  label: string;
  value: string;
}

/**
 * The details of an entry as label–value pairs, for display. A change recorded as `{ before, after }` lists only
 * what changed ("Role: Viewer → Editor"); the person affected comes first, by name where we know it.
 */
export function auditDetails(entry: AuditEntry, memberNames: ReadonlyMap<string, string>): AuditDetail[] {
  const details: AuditDetail[] = [];
  const who = targetWords(entry, memberNames);
  if (who) details.push(who);
  const { before, after, ...rest } = entry.details;
  if (isRecord(before) && isRecord(after)) {
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      if (JSON.stringify(before[key]) === JSON.stringify(after[key])) continue;
      details.push({ label: words(key), value: `${valueWords(before[key])} → ${valueWords(after[key])}` });
    }
  } else {
    if (before !== undefined) rest.before = before;
    if (after !== undefined) rest.after = after;
  }
  for (const [key, value] of Object.entries(rest)) details.push({ label: words(key), value: valueWords(value) });
  return details;
}

// Targets are ids; only people (by name) and email addresses mean anything to a reader.
function targetWords(entry: AuditEntry, memberNames: ReadonlyMap<string, string>): AuditDetail | null {
  const { target, action } = entry;
  if (!target) return null;
  if (action === 'member.updated' || action === 'member.removed') {
    return { label: 'Member', value: memberNames.get(target) ?? 'A former member' };
  }
  if (target.includes('@')) return { label: 'Email', value: target };
  return null;
}
