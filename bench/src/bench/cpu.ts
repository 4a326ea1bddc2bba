import { readdirSync, readFileSync } from 'node:fs';

/** CPU seconds (user + system) spent by the parts of an ingestion run. */
export interface CpuSeconds {
  api: number;
  /** The server's postmaster and its children (backends, WAL writer, checkpointer); null if not local. */
  postgres: number | null;
  /** This process: the simulated agents and their HTTP clients. */
  agents: number;
}

/** CPU seconds used so far, per process. */
export interface CpuReading {
  api: number;
  postgres: Map<number, number> | null;
  agents: number;
}

// proc(5), /proc/<pid>/stat: ppid is field 4, utime and stime fields 14 and 15, in clock ticks.
// USER_HZ is 100 on every Linux architecture Node runs on (include/asm-generic/param.h).
const TICKS_PER_SECOND = 100;

interface Stat {
  ppid: number;
  seconds: number;
}

function statOf(pid: number | string): Stat | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count fields after it.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(fields[1]), seconds: (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND };
  } catch {
    return null;
  }
}

/** The postmaster and every process it started, by pid. */
function postgresCpu(postmasterPid: number): Map<number, number> {
  const seconds = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = statOf(entry);
    if (stat && (Number(entry) === postmasterPid || stat.ppid === postmasterPid))
      seconds.set(Number(entry), stat.seconds);
  }
  return seconds;
}

/**
 * A reading of the CPU time spent so far. `postmasterPid` is the PostgreSQL server's main process
 * (the parent of a backend's pid), or null when the server is not on this machine.
 */
export function readCpu(apiPid: number, postmasterPid: number | null): CpuReading {
  const own = process.cpuUsage();
  return {
    api: statOf(apiPid)?.seconds ?? 0,
    postgres: postmasterPid === null ? null : postgresCpu(postmasterPid),
    agents: (own.user + own.system) / 1e6,
  };
}

/**
 * What was spent between two readings. A server process started in between counts whole; one that
 * exited takes its time with it (the API keeps its pool open through a run, so its backends stay).
 */
export function cpuSince(before: CpuReading, after: CpuReading): CpuSeconds {
  let postgres: number | null = null;
  if (before.postgres && after.postgres) {
    postgres = 0;
    for (const [pid, seconds] of after.postgres) postgres += seconds - (before.postgres.get(pid) ?? 0);
  }
  return { api: after.api - before.api, postgres, agents: after.agents - before.agents };
}

/** The pid of the postmaster of the server a client is connected to, when it runs on this machine. */
export function postmasterOf(backendPid: number): number | null {
  const stat = statOf(backendPid);
  return stat ? stat.ppid : null;
}
