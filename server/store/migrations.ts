import type { Database } from 'better-sqlite3';
import { migrateDocTables } from './SqliteDocStore.ts';

/**
 * Schema changes in order; each runs once, in a transaction, and bumps `PRAGMA user_version`.
 * Never edit a released step: add a new one.
 */
const steps: readonly string[] = [
  `
  CREATE TABLE users (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    organisation TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    is_admin INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
  );
  CREATE TABLE sessions (
    id_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
  );
  CREATE INDEX sessions_by_user ON sessions (user_id);
  CREATE TABLE api_tokens (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    last_used_at TEXT,
    revoked_at TEXT
  );
  CREATE TABLE partnerships (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    area_name TEXT NOT NULL,
    area_code TEXT NOT NULL,
    template TEXT NOT NULL,
    created_by TEXT REFERENCES users(id),
    created_at TEXT NOT NULL
  );
  CREATE TABLE memberships (
    partnership_id TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('facilitator', 'editor', 'commenter', 'viewer')),
    organisation TEXT NOT NULL,
    is_voting INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    PRIMARY KEY (partnership_id, user_id)
  );
  CREATE INDEX memberships_by_user ON memberships (user_id);
  CREATE TABLE invitations (
    id TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    partnership_id TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    organisation TEXT NOT NULL,
    is_voting INTEGER NOT NULL,
    note TEXT NOT NULL,
    created_by TEXT NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    accepted_at TEXT,
    accepted_by TEXT REFERENCES users(id),
    revoked_at TEXT
  );
  CREATE INDEX invitations_by_partnership ON invitations (partnership_id);
  CREATE TABLE setup_tokens (
    token_hash TEXT PRIMARY KEY,
    expires_at INTEGER NOT NULL
  );
  CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    action TEXT NOT NULL,
    actor_id TEXT,
    partnership_id TEXT,
    target TEXT,
    details TEXT NOT NULL,
    ip TEXT
  );
  CREATE INDEX audit_by_partnership ON audit_log (partnership_id, id);
  -- The audit log is append-only: the database itself refuses changes and deletions.
  CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
  CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
  `,
  // Prioritisation rounds. Ballots are keyed so that, in anonymous rounds, nobody can link a person to a ballot
  // once the round's secret is deleted at close: random primary key, no timestamps, no row order (WITHOUT ROWID).
  `
  CREATE TABLE rounds (
    id TEXT PRIMARY KEY,
    partnership_id TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    question TEXT NOT NULL,
    method TEXT NOT NULL CHECK (method IN ('dots', 'scores', 'ranking', 'matrix')),
    settings TEXT NOT NULL,
    visibility TEXT NOT NULL CHECK (visibility IN ('live', 'after-vote', 'after-close')),
    anonymous INTEGER NOT NULL,
    eligibility TEXT NOT NULL CHECK (eligibility IN ('voting-members', 'one-per-organisation')),
    quorum REAL NOT NULL,
    closes_at TEXT,
    state TEXT NOT NULL CHECK (state IN ('draft', 'open', 'closed')),
    version INTEGER NOT NULL DEFAULT 0,
    eligible_at_close INTEGER,
    follow_up_of TEXT REFERENCES rounds(id) ON DELETE SET NULL,
    created_by TEXT REFERENCES users(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    opened_at TEXT,
    closed_at TEXT
  );
  CREATE INDEX rounds_by_partnership ON rounds (partnership_id, created_at);
  CREATE INDEX rounds_open ON rounds (state) WHERE state = 'open';
  CREATE TABLE round_candidates (
    round_id TEXT NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL,
    ref_id TEXT NOT NULL,
    label TEXT NOT NULL,
    PRIMARY KEY (round_id, id)
  );
  CREATE TABLE round_secrets (
    round_id TEXT PRIMARY KEY REFERENCES rounds(id) ON DELETE CASCADE,
    secret BLOB NOT NULL
  );
  CREATE TABLE round_voters (
    round_id TEXT NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
    voter_key TEXT NOT NULL,
    user_id TEXT REFERENCES users(id) ON DELETE SET NULL,
    organisation TEXT NOT NULL,
    voted_at TEXT NOT NULL,
    PRIMARY KEY (round_id, voter_key)
  );
  CREATE TABLE ballots (
    id TEXT PRIMARY KEY,
    round_id TEXT NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
    ballot_key TEXT NOT NULL,
    organisation TEXT,
    content TEXT NOT NULL,
    UNIQUE (round_id, ballot_key)
  ) WITHOUT ROWID;
  CREATE TABLE decisions (
    id TEXT PRIMARY KEY,
    round_id TEXT NOT NULL UNIQUE REFERENCES rounds(id) ON DELETE CASCADE,
    partnership_id TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    priorities TEXT NOT NULL,
    statement TEXT NOT NULL,
    review_date TEXT NOT NULL,
    decided_by TEXT REFERENCES users(id) ON DELETE SET NULL,
    decided_at TEXT NOT NULL
  );
  CREATE INDEX decisions_by_partnership ON decisions (partnership_id, decided_at);
  `,
  // Comment threads on the needs assessment and the framework; comments and mentions (the mentions inbox).
  `
  CREATE TABLE comment_threads (
    id TEXT PRIMARY KEY,
    partnership_id TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    anchor TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open', 'resolved')),
    created_by TEXT REFERENCES users(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    resolved_by TEXT REFERENCES users(id) ON DELETE SET NULL,
    resolved_at TEXT
  );
  CREATE INDEX comment_threads_by_partnership ON comment_threads (partnership_id, created_at);
  CREATE TABLE comments (
    id TEXT PRIMARY KEY,
    thread_id TEXT NOT NULL REFERENCES comment_threads(id) ON DELETE CASCADE,
    author_id TEXT REFERENCES users(id) ON DELETE SET NULL,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE INDEX comments_by_thread ON comments (thread_id, created_at);
  CREATE TABLE comment_mentions (
    id TEXT PRIMARY KEY,
    comment_id TEXT NOT NULL REFERENCES comments(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    read_at TEXT,
    UNIQUE (comment_id, user_id)
  );
  CREATE INDEX comment_mentions_by_user ON comment_mentions (user_id, read_at);
  `,
  // Evidence: observations per metric, area, period and breakdown, imported in batches (Fingertips, local, samples).
  `
  CREATE TABLE observation_batches (
    id TEXT PRIMARY KEY,
    partnership_id TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    source TEXT NOT NULL CHECK (source IN ('fingertips', 'local', 'sample')),
    file_name TEXT NOT NULL,
    imported_by TEXT REFERENCES users(id) ON DELETE SET NULL,
    imported_at TEXT NOT NULL,
    created INTEGER NOT NULL,
    changed INTEGER NOT NULL,
    unchanged INTEGER NOT NULL
  );
  CREATE INDEX observation_batches_by_partnership ON observation_batches (partnership_id, imported_at);
  CREATE TABLE observations (
    partnership_id TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    metric_id TEXT NOT NULL,
    area_code TEXT NOT NULL,
    area_name TEXT NOT NULL,
    period TEXT NOT NULL,
    period_key INTEGER NOT NULL,
    category_type TEXT NOT NULL DEFAULT '',
    category TEXT NOT NULL DEFAULT '',
    value REAL,
    lower_ci REAL,
    upper_ci REAL,
    count REAL,
    denominator REAL,
    note TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL CHECK (source IN ('fingertips', 'local', 'sample')),
    imported_at TEXT NOT NULL,
    batch_id TEXT NOT NULL REFERENCES observation_batches(id),
    PRIMARY KEY (partnership_id, metric_id, area_code, period, category_type, category)
  ) WITHOUT ROWID;
  `,
];

/** Brings the database schema up to date. Safe to call on every start. */
export function migrate(db: Database): void {
  migrateDocTables(db);
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let version = current; version < steps.length; version++) {
    db.transaction(() => {
      db.exec(steps[version]!);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}
