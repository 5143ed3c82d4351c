import type { Generated } from 'kysely';

// The tables as both databases store them. Types are the lowest common denominator of SQLite and PostgreSQL, so one
// query reads the same values from either: times are ISO-8601 text (sessions and setup links: epoch milliseconds),
// flags are 0/1 integers, JSON is text, binary is a Buffer.

export interface UsersTable {
  id: string;
  email: string;
  display_name: string;
  organisation: string;
  password_hash: string;
  is_admin: number;
  created_at: string;
}

export interface SessionsTable {
  id_hash: string;
  user_id: string;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
  /** 'read-only' or 'read-write'; null for tokens made before scopes existed (read-write). */
  scope: string | null;
  expires_at: string | null;
}

export interface PartnershipsTable {
  id: string;
  name: string;
  area_name: string;
  area_code: string;
  template: string;
  created_by: string | null;
  created_at: string;
}

export interface MembershipsTable {
  partnership_id: string;
  user_id: string;
  role: string;
  organisation: string;
  is_voting: number;
  created_at: string;
}

export interface InvitationsTable {
  id: string;
  token_hash: string;
  partnership_id: string;
  role: string;
  organisation: string;
  is_voting: number;
  note: string;
  created_by: string;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
  accepted_by: string | null;
  revoked_at: string | null;
}

export interface SetupTokensTable {
  token_hash: string;
  expires_at: number;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  action: string;
  actor_id: string | null;
  partnership_id: string | null;
  target: string | null;
  details: string;
  ip: string | null;
}

export interface RoundsTable {
  id: string;
  partnership_id: string;
  title: string;
  question: string;
  method: string;
  settings: string;
  visibility: string;
  anonymous: number;
  eligibility: string;
  quorum: number;
  closes_at: string | null;
  state: string;
  version: Generated<number>;
  eligible_at_close: number | null;
  follow_up_of: string | null;
  created_by: string | null;
  created_at: string;
  opened_at: string | null;
  closed_at: string | null;
}

export interface RoundCandidatesTable {
  round_id: string;
  id: string;
  position: number;
  kind: string;
  ref_id: string;
  label: string;
}

export interface RoundSecretsTable {
  round_id: string;
  secret: Buffer;
}

export interface RoundVotersTable {
  round_id: string;
  voter_key: string;
  user_id: string | null;
  organisation: string;
  voted_at: string;
}

/** Who may vote in a round, and for which organisation: frozen when the round opens (migration step 7). */
export interface RoundElectorateTable {
  round_id: string;
  user_id: string;
  organisation: string;
}

export interface BallotsTable {
  id: string;
  round_id: string;
  ballot_key: string;
  organisation: string | null;
  content: string;
  /** SHA-256 (hex) of the receipt code given when the ballot was accepted; null for ballots from before receipts. */
  receipt_hash: string | null;
}

export interface DecisionsTable {
  id: string;
  round_id: string;
  partnership_id: string;
  priorities: string;
  statement: string;
  review_date: string;
  decided_by: string | null;
  decided_at: string;
}

export interface CommentThreadsTable {
  id: string;
  partnership_id: string;
  anchor: string;
  status: string;
  created_by: string | null;
  created_at: string;
  resolved_by: string | null;
  resolved_at: string | null;
}

export interface CommentsTable {
  id: string;
  thread_id: string;
  author_id: string | null;
  body: string;
  created_at: string;
}

export interface CommentMentionsTable {
  id: string;
  comment_id: string;
  user_id: string;
  read_at: string | null;
}

export interface ObservationBatchesTable {
  id: string;
  partnership_id: string;
  source: string;
  file_name: string;
  imported_by: string | null;
  imported_at: string;
  created: number;
  changed: number;
  unchanged: number;
}

export interface ObservationsTable {
  partnership_id: string;
  metric_id: string;
  area_code: string;
  area_name: string;
  period: string;
  period_key: number;
  category_type: string;
  category: string;
  value: number | null;
  lower_ci: number | null;
  upper_ci: number | null;
  count: number | null;
  denominator: number | null;
  note: string;
  source: string;
  imported_at: string;
  batch_id: string;
  /** Migration step 9: the 99.8% limits, the quintile among all areas of the type in the file, Fingertips' texts. */
  lower_ci_998: number | null;
  upper_ci_998: number | null;
  quintile: number | null;
  fingertips_vs_england: string | null;
  fingertips_vs_region: string | null;
}

/** The areas a partnership compares itself with, in the order chosen (migration step 9). */
export interface ComparatorAreasTable {
  partnership_id: string;
  area_code: string;
  area_name: string;
  position: number;
}

/** Every area an all-data import named, kept or not, to offer as comparators (migration step 9). */
export interface SeenAreasTable {
  partnership_id: string;
  area_code: string;
  area_name: string;
  area_type: string;
  seen_at: string;
}

/** Fingertips indicator metadata per partnership, as last imported (migration step 8). */
export interface IndicatorMetadataTable {
  partnership_id: string;
  fingertips_id: string;
  name: string;
  definition: string;
  rationale: string;
  unit: string;
  value_type_text: string;
  value_type: string | null;
  polarity_text: string;
  polarity: string | null;
  data_source: string;
  frequency: string;
  ci_method: string;
  comparison_method_text: string;
  comparison_method: string | null;
  imported_by: string | null;
  imported_at: string;
}

export interface MeetingsTable {
  id: string;
  partnership_id: string;
  title: string;
  starts_at: string;
  place: string;
  status: string;
  /** The agenda as the facilitator wrote it (JSON array of `AgendaItemInput` with ids). */
  agenda: string;
  /** Member user ids (JSON array). */
  attendee_ids: string;
  closed_at: string | null;
  version_id: string | null;
  created_by: string | null;
  created_at: string;
}

export interface BoardActionsTable {
  id: string;
  partnership_id: string;
  meeting_id: string | null;
  text: string;
  owner: string;
  due_date: string | null;
  status: string;
  link_kind: string | null;
  link_id: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  done_at: string | null;
}

export interface VersionsTable {
  id: string;
  partnership_id: string;
  label: string;
  reason_kind: string;
  reason_id: string | null;
  created_by: string | null;
  created_at: string;
  /** `Y.encodeStateAsUpdate` of the workspace doc when the version was taken. */
  doc_state: Buffer;
  /** `VersionFacts` as JSON. */
  facts: string;
  doc_bytes: number;
  facts_bytes: number;
}

export interface DocAuthorsTable {
  doc_name: string;
  client_id: number;
  user_id: string;
}

export interface DocUpdatesTable {
  seq: Generated<number>;
  doc_name: string;
  data: Buffer;
}

export interface DocSnapshotsTable {
  doc_name: string;
  data: Buffer;
  last_seq: number;
  updated_at: string;
}

export interface SchemaVersionTable {
  id: number;
  version: number;
  migrated_at: string;
}

export interface NetworksTable {
  id: string;
  name: string;
  is_demo: number;
  created_by: string | null;
  created_at: string;
}

export interface NetworkCoordinatorsTable {
  network_id: string;
  user_id: string;
  added_at: string;
}

export interface NetworkInvitationsTable {
  id: string;
  network_id: string;
  token_hash: string;
  email: string;
  created_by: string | null;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
  accepted_by: string | null;
}

export interface NetworkMembersTable {
  network_id: string;
  partnership_id: string;
  /** 'invited' or 'member' (checked on read). */
  state: string;
  /** JSON: what the partnership shares with the network (`Sharing`). */
  sharing: string;
  invited_by: string | null;
  invited_at: string;
  joined_at: string | null;
}

export interface NetworkTemplateVersionsTable {
  id: string;
  network_id: string;
  version: number;
  note: string;
  /** JSON: the settled changes (`TemplateChange[]`). */
  changes: string;
  published_by: string | null;
  published_at: string;
}

export interface NetworkTemplateChoicesTable {
  partnership_id: string;
  network_id: string;
  change_id: string;
  /** 'adopted' or 'declined' (checked on read). */
  choice: string;
  decided_by: string | null;
  decided_at: string;
}

/** Every message the app sends (migration step 13); kind and status are checked on read. */
export interface MailOutboxTable {
  id: string;
  to_user_id: string | null;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  kind: string;
  partnership_id: string | null;
  /** 'queued' | 'sent' | 'failed' | 'kept' (no SMTP) | 'held' (for a daily digest) | 'digested' (went in one). */
  status: string;
  attempts: number;
  last_error: string | null;
  next_attempt_at: string;
  created_at: string;
  sent_at: string | null;
  dedupe_key: string | null;
}

/** How each person wants to hear (migration step 13): 'immediately' | 'daily' | 'off', checked on read. */
export interface NotificationPreferencesTable {
  user_id: string;
  mode: string;
  unsubscribe_token_hash: string;
  updated_at: string;
  last_digest_at: string | null;
}

/** One row: the instance key unsubscribe links are derived from (migration step 13). */
export interface MailKeysTable {
  id: number;
  unsubscribe_key: string;
}

/** Every table, by name: the type Kysely checks each query against. */
export interface Tables {
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  partnerships: PartnershipsTable;
  memberships: MembershipsTable;
  invitations: InvitationsTable;
  setup_tokens: SetupTokensTable;
  audit_log: AuditLogTable;
  rounds: RoundsTable;
  round_candidates: RoundCandidatesTable;
  round_secrets: RoundSecretsTable;
  round_voters: RoundVotersTable;
  round_electorate: RoundElectorateTable;
  ballots: BallotsTable;
  decisions: DecisionsTable;
  comment_threads: CommentThreadsTable;
  comments: CommentsTable;
  comment_mentions: CommentMentionsTable;
  observation_batches: ObservationBatchesTable;
  observations: ObservationsTable;
  comparator_areas: ComparatorAreasTable;
  seen_areas: SeenAreasTable;
  indicator_metadata: IndicatorMetadataTable;
  meetings: MeetingsTable;
  board_actions: BoardActionsTable;
  versions: VersionsTable;
  doc_authors: DocAuthorsTable;
  networks: NetworksTable;
  network_coordinators: NetworkCoordinatorsTable;
  network_invitations: NetworkInvitationsTable;
  network_members: NetworkMembersTable;
  network_template_versions: NetworkTemplateVersionsTable;
  network_template_choices: NetworkTemplateChoicesTable;
  mail_outbox: MailOutboxTable;
  notification_preferences: NotificationPreferencesTable;
  mail_keys: MailKeysTable;
  doc_updates: DocUpdatesTable;
  doc_snapshots: DocSnapshotsTable;
  schema_version: SchemaVersionTable;
}

/** Tables in the order a copy must fill them (parents before children), for `db:copy` and its checks. */
export const tablesInCopyOrder = [
  'users',
  'sessions',
  'api_tokens',
  'partnerships',
  'memberships',
  'invitations',
  'setup_tokens',
  'audit_log',
  'rounds',
  'round_candidates',
  'round_secrets',
  'round_voters',
  'round_electorate',
  'ballots',
  'decisions',
  'comment_threads',
  'comments',
  'comment_mentions',
  'observation_batches',
  'observations',
  'comparator_areas',
  'seen_areas',
  'indicator_metadata',
  'versions',
  'meetings',
  'board_actions',
  'doc_authors',
  'networks',
  'network_coordinators',
  'network_invitations',
  'network_members',
  'network_template_versions',
  'network_template_choices',
  'mail_outbox',
  'notification_preferences',
  'mail_keys',
  'doc_snapshots',
  'doc_updates',
] as const satisfies readonly (keyof Tables)[];

/** One table that `db:copy` fills. */
export type CopiedTable = (typeof tablesInCopyOrder)[number];

/**
 * Each copied table's primary key, as the migrations declare it: the order a copy reads both sides in, so the rows
 * compare one by one (text sorts byte by byte on both databases: PostgreSQL collation "C", SQLite BINARY).
 */
export const primaryKeys: { [T in CopiedTable]: readonly (keyof Tables[T] & string)[] } = {
  users: ['id'],
  sessions: ['id_hash'],
  api_tokens: ['id'],
  partnerships: ['id'],
  memberships: ['partnership_id', 'user_id'],
  invitations: ['id'],
  setup_tokens: ['token_hash'],
  audit_log: ['id'],
  rounds: ['id'],
  round_candidates: ['round_id', 'id'],
  round_secrets: ['round_id'],
  round_voters: ['round_id', 'voter_key'],
  round_electorate: ['round_id', 'user_id'],
  ballots: ['id'],
  decisions: ['id'],
  comment_threads: ['id'],
  comments: ['id'],
  comment_mentions: ['id'],
  observation_batches: ['id'],
  observations: ['partnership_id', 'metric_id', 'area_code', 'period', 'category_type', 'category'],
  comparator_areas: ['partnership_id', 'area_code'],
  seen_areas: ['partnership_id', 'area_code'],
  indicator_metadata: ['partnership_id', 'fingertips_id'],
  versions: ['id'],
  meetings: ['id'],
  board_actions: ['id'],
  doc_authors: ['doc_name', 'client_id'],
  networks: ['id'],
  network_coordinators: ['network_id', 'user_id'],
  network_invitations: ['id'],
  network_members: ['network_id', 'partnership_id'],
  network_template_versions: ['id'],
  network_template_choices: ['partnership_id', 'change_id'],
  mail_outbox: ['id'],
  notification_preferences: ['user_id'],
  mail_keys: ['id'],
  doc_snapshots: ['doc_name'],
  doc_updates: ['seq'],
};
