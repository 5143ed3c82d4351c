import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');

/** The packages whose versions decide what was measured. */
const measuredPackages = [
  'yjs',
  'y-protocols',
  'ws',
  'better-sqlite3',
  '@hocuspocus/server',
  '@hocuspocus/extension-sqlite',
  'sqlite3',
  '@y/websocket-server',
] as const;

function installedVersion(name: string): string {
  try {
    const manifest = fs.readFileSync(path.join(repoRoot, 'node_modules', name, 'package.json'), 'utf8');
    const parsed: unknown = JSON.parse(manifest);
    return typeof parsed === 'object' && parsed !== null && 'version' in parsed ? String(parsed.version) : '?';
  } catch {
    return 'not installed';
  }
}

/** Markdown lines describing the machine and the software measured. */
export function describeMachine(pinned: boolean, raisedPriority: boolean): string[] {
  const cpus = os.cpus();
  return [
    // os.cpus(), not nproc or availableParallelism: those see only the core this pinned process may use.
    `- Machine: ${cpus.length} cores, ${cpus[0]?.model ?? 'unknown CPU'}, ` +
      `${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB RAM, Linux ${os.release()}`,
    `- Node ${process.version}; ` +
      (pinned
        ? 'servers pinned to core 0 and the load generator to core 1 with `taskset`'
        : '**not pinned** (`taskset` missing): server and load generator shared both cores') +
      (raisedPriority ? ', both at `nice -10` so other work on the machine disturbs them less' : ''),
    `- Packages: ${measuredPackages.map((name) => `${name} ${installedVersion(name)}`).join(', ')}`,
  ];
}
