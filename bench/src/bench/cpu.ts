import { readdirSync, readFileSync } from 'node:fs';

/** CPU seconds (user + system) spent by the parts of an ingestion run. */
export interface CpuSeconds {
  api: number;
  postgres: number;
  /** This process: the simulated agents and their HTTP clients. */
  agents: number;
}

// proc(5), /proc/<pid>/stat: utime and stime are fields 14 and 15, in clock ticks. USER_HZ is 100
// on every Linux architecture Node runs on (include/asm-generic/param.h).
const TICKS_PER_SECOND = 100;

/** utime + stime of a process in seconds, or 0 once it is gone. */
function cpuOf(pid: number | string): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count fields after it.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** Every PostgreSQL server process this user can see: postmaster, backends and background workers. */
function postgresCpu(): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres') total += cpuOf(entry);
    } catch {
      // gone since the listing
    }
  }
  return total;
}

/**
 * A reading of the CPU time spent so far; `since` gives what was spent between two readings. A
 * backend that exits between the readings takes its time with it: the API keeps its pool open
 * during the run, so its backends are all counted.
 */
export function readCpu(apiPid: number): CpuSeconds {
  const own = process.cpuUsage();
  return { api: cpuOf(apiPid), postgres: postgresCpu(), agents: (own.user + own.system) / 1e6 };
}

export function cpuSince(before: CpuSeconds, after: CpuSeconds): CpuSeconds {
  return {
    api: after.api - before.api,
    postgres: after.postgres - before.postgres,
    agents: after.agents - before.agents,
  };
}
