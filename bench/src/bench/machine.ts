import { cpus, release, totalmem, type } from 'node:os';
import { serverVersion } from './database';

export interface Machine {
  cores: number;
  cpu: string;
  memoryBytes: number;
  os: string;
  node: string;
  postgres: string;
}

export async function machineOf(serverUrl: string): Promise<Machine> {
  const cores = cpus();
  return {
    cores: cores.length,
    cpu: cores[0]?.model.trim() ?? 'unknown',
    memoryBytes: totalmem(),
    os: `${type()} ${release()}`,
    node: process.version,
    postgres: await serverVersion(serverUrl),
  };
}
