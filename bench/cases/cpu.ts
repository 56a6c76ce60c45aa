import fs from 'node:fs';

const TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) a process has used, from /proc (Linux). */
function cpuOf(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** Processes whose command line contains `needle` (PostgreSQL backends name their database). */
function pidsWith(needle: string): number[] {
  return fs
    .readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map(Number)
    .filter((pid) => {
      try {
        return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(needle);
      } catch {
        return false;
      }
    });
}

/**
 * CPU seconds used by the server process and by the PostgreSQL backends serving the database,
 * over what `measure` runs: the cost of the work, less sensitive to other load than throughput.
 */
export async function cpuSeconds<T>(
  serverPid: number,
  database: string,
  measure: () => Promise<T>,
): Promise<{ result: T; server: number; postgres: number }> {
  const before = new Map(pidsWith(database).map((pid) => [pid, cpuOf(pid)]));
  const serverBefore = cpuOf(serverPid);
  const result = await measure();
  const server = cpuOf(serverPid) - serverBefore;
  // Backends alive at the end; one that exited during the run (an idle pool connection) is not counted.
  let postgres = 0;
  for (const pid of pidsWith(database)) postgres += cpuOf(pid) - (before.get(pid) ?? 0);
  return { result, server, postgres };
}
