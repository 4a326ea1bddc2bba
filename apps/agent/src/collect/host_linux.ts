import { readFileSync } from 'node:fs';
import { release } from 'node:os';
import type { CollectorOptions, HostInfo } from './collector';
import { readProc } from './proc_linux';

/** systemd's machine identity (machine-id(5)); D-Bus keeps a copy where systemd is absent. */
const MACHINE_ID_FILES = ['/etc/machine-id', '/var/lib/dbus/machine-id'];

/** Kernel release from the proc root (the same string as `uname -r`) and the machine id. */
export async function linuxHost(options: CollectorOptions): Promise<HostInfo> {
  let osVersion: string;
  try {
    osVersion = readProc(options.procRoot, 'sys', 'kernel', 'osrelease').trim();
  } catch {
    osVersion = release();
  }
  const machineId = MACHINE_ID_FILES.map(readId).find((id) => id !== undefined);
  return machineId === undefined ? { osVersion } : { osVersion, machineId };
}

function readId(path: string): string | undefined {
  try {
    const id = readFileSync(path, 'utf8').trim();
    return /^[0-9a-f]{32}$/.test(id) ? id : undefined;
  } catch {
    return undefined;
  }
}
