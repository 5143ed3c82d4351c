import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

/** CPU time and memory of one process, read from /proc (Linux only). */
export interface ProcSample {
  /** When the sample was taken (performance.now(), ms). */
  at: number;
  /** User plus system CPU time of every thread of the process, in milliseconds. */
  cpuMs: number;
  /** Resident set size, in bytes. */
  rssBytes: number;
  /** Peak resident set size since the process started (VmHWM), in bytes. */
  peakRssBytes: number;
}

const clockTicksPerSecond = readClockTicks();

function readClockTicks(): number {
  try {
    const ticks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    return Number.isFinite(ticks) && ticks > 0 ? ticks : 100;
  } catch {
    return 100;
  }
}

/** Reads CPU time and RSS of `pid`; throws if the process is gone. */
export function sampleProcess(pid: number): ProcSample {
  const at = performance.now();
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) is in parentheses and may contain spaces: split after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 14 and 15 of the file (utime, stime) are at indices 11 and 12 once fields 1 and 2 are gone.
  const ticks = Number(fields[11]) + Number(fields[12]);
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return {
    at,
    cpuMs: (ticks * 1000) / clockTicksPerSecond,
    rssBytes: readStatusKb(status, 'VmRSS') * 1024,
    peakRssBytes: readStatusKb(status, 'VmHWM') * 1024,
  };
}

function readStatusKb(status: string, field: string): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  return match ? Number(match[1]) : Number.NaN;
}

/** CPU use between two samples, as a percentage of one core. */
export function cpuPercent(from: ProcSample, to: ProcSample): number {
  const wallMs = to.at - from.at;
  return wallMs > 0 ? ((to.cpuMs - from.cpuMs) / wallMs) * 100 : Number.NaN;
}

/** Samples RSS every `intervalMs` until stopped; reports the highest value seen. */
export class PeakRssSampler {
  readonly #pid: number;
  readonly #timer: NodeJS.Timeout;
  #peak = 0;

  constructor(pid: number, intervalMs = 25) {
    this.#pid = pid;
    this.#take();
    this.#timer = setInterval(() => this.#take(), intervalMs);
  }

  /** Stops sampling and returns the peak RSS in bytes. */
  stop(): number {
    clearInterval(this.#timer);
    this.#take();
    return this.#peak;
  }

  #take(): void {
    try {
      this.#peak = Math.max(this.#peak, sampleProcess(this.#pid).rssBytes);
    } catch {
      // The process exited; the peak so far stands and the caller notices the exit elsewhere.
    }
  }
}

/** Load-generator CPU between two `process.cpuUsage()` readings, as a percentage of one core. */
export function ownCpuPercent(from: NodeJS.CpuUsage, fromAt: number, to: NodeJS.CpuUsage, toAt: number): number {
  const cpuMs = (to.user - from.user + to.system - from.system) / 1000;
  return toAt > fromAt ? (cpuMs / (toAt - fromAt)) * 100 : Number.NaN;
}

/** Busy CPU time of the whole machine (all cores, from /proc/stat), in milliseconds, at a moment. */
export interface MachineSample {
  at: number;
  busyMs: number;
}

export function sampleMachine(): MachineSample {
  const at = performance.now();
  const line = fs.readFileSync('/proc/stat', 'utf8').split('\n', 1)[0] ?? '';
  // cpu user nice system idle iowait irq softirq steal ...: busy is everything but idle and iowait.
  const ticks = line.trim().split(/\s+/).slice(1).map(Number);
  const busy = ticks.reduce((sum, value, index) => (index === 3 || index === 4 ? sum : sum + value), 0);
  return { at, busyMs: (busy * 1000) / clockTicksPerSecond };
}

/**
 * CPU used by processes other than the server and the load generator between two machine samples, as a
 * percentage of one core: the bench cannot stop other work on a shared machine, but it can see and report it.
 */
export function foreignCpuPercent(
  from: MachineSample,
  to: MachineSample,
  serverCpuPercent: number,
  loadGeneratorCpuPercent: number,
): number {
  const wallMs = to.at - from.at;
  if (wallMs <= 0) return Number.NaN;
  const machinePercent = ((to.busyMs - from.busyMs) / wallMs) * 100;
  return Math.max(0, machinePercent - serverCpuPercent - loadGeneratorCpuPercent);
}

/** CPU use over an interval: the server's, this process's, and everything else's (percent of one core each). */
export interface CpuShares {
  serverPercent: number;
  ownPercent: number;
  foreignPercent: number;
}

/** Starts measuring CPU shares now; `stop` returns them for the interval. */
export function watchCpu(serverSample: () => ProcSample): { stop(): CpuShares } {
  const server = serverSample();
  const machine = sampleMachine();
  const own = process.cpuUsage();
  return {
    stop() {
      const serverAfter = serverSample();
      const machineAfter = sampleMachine();
      const ownAfter = process.cpuUsage();
      const serverPercent = cpuPercent(server, serverAfter);
      const ownPercent = ownCpuPercent(own, machine.at, ownAfter, machineAfter.at);
      return {
        serverPercent,
        ownPercent,
        foreignPercent: foreignCpuPercent(machine, machineAfter, serverPercent, ownPercent),
      };
    },
  };
}

/** Command names of the shared services a cluster leans on (Redis, PostgreSQL and its backends). */
const infrastructureCommands = new Set(['redis-server', 'postgres']);

/**
 * CPU time of every Redis and PostgreSQL process on the machine, summed (Linux /proc). On a shared machine this
 * includes other users of those services; a backend that exits between two samples takes its time with it.
 */
export function sampleInfrastructure(): ProcSample {
  const at = performance.now();
  let ticks = 0;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      if (!infrastructureCommands.has(name)) continue;
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // Gone between the listing and the read.
    }
  }
  return { at, cpuMs: (ticks * 1000) / clockTicksPerSecond, rssBytes: Number.NaN, peakRssBytes: Number.NaN };
}
