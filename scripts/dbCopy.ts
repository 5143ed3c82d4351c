import { parseArgs } from 'node:util';
import { copySqliteToPostgres } from '../server/store/copyStore.ts';
import { maskPassword } from '../server/store/openStore.ts';

// npm run db:copy -- --from <data dir>/common-ground.sqlite --to postgres://user:password@host:5432/database
// Copies a stopped installation's SQLite store into an empty PostgreSQL database and verifies the copy.

const usage = `usage: npm run db:copy -- --from <common-ground.sqlite> --to <postgres://user:password@host:port/database>

Copies every table and document of a SQLite store into an empty PostgreSQL database, in one transaction, then
checks both hold the same rows and documents. Stop the app first; afterwards start it with DATABASE_URL set to
the --to URL. The target must hold no Common Ground data: a target that does is refused and left unchanged.`;

function fail(problem: string, code: number): never {
  process.stderr.write(`db:copy: ${maskPassword(problem)}\n`);
  if (code === 2) process.stderr.write(`\n${usage}\n`);
  process.exit(code);
}

let from: string | undefined;
let to: string | undefined;
try {
  const { values } = parseArgs({
    options: { from: { type: 'string' }, to: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  }
  ({ from, to } = values);
} catch (error) {
  fail(error instanceof Error ? error.message : String(error), 2);
}
if (!from) fail('--from is missing: the SQLite file to copy (common-ground.sqlite in the data directory)', 2);
if (!to) fail('--to is missing: the PostgreSQL database to copy into', 2);
if (!/^postgres(ql)?:\/\//.test(to)) fail(`--to must be a postgres:// URL, not "${to}"`, 2);

try {
  await copySqliteToPostgres({ from, to, log: (line) => process.stdout.write(`${line}\n`) });
  process.exit(0);
} catch (error) {
  // An operator's problem, told in one line: never a stack trace.
  fail(error instanceof Error ? error.message.split('\n')[0]! : String(error), 1);
}
