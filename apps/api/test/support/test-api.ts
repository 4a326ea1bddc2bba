import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export const ENROLL_SECRET = 'test-enroll-secret-0123456789';
export const ADMIN_KEY = 'test-admin-key-0123456789abcdef';

const MAIN = join(__dirname, '../../src/main.ts');
const REGISTER = join(__dirname, 'swc-register.js');

export interface TestApi {
  url: string;
  engine: 'pglite' | 'postgres';
  dataDir: string;
  env: Record<string, string>;
  stop(): Promise<void>;
}

/** Runs `tcpfleet-api <args>` from source in a child process; resolves with its exit code and output. */
export function runCli(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-r', REGISTER, MAIN, ...args], {
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('exit', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/**
 * `tcpfleet-api serve` on port 0 in its own process, against a fresh store: a PostgreSQL database with a
 * random name when TCPFLEET_TEST_PG_URL is set (dropped at the end), else PGlite in a temporary directory.
 */
export async function startTestApi(extraEnv: Record<string, string> = {}): Promise<TestApi> {
  const serverUrl = process.env.TCPFLEET_TEST_PG_URL;
  const dataDir = mkdtempSync(join(tmpdir(), 'tcpfleet-api-test-'));
  let dropDatabase = async (): Promise<void> => undefined;
  let databaseUrl = '';
  if (serverUrl) {
    const name = `tcpfleet_test_${randomBytes(6).toString('hex')}`;
    await admin(serverUrl, `create database ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    dropDatabase = () => admin(serverUrl, `drop database if exists ${name} with (force)`);
  }
  const env = {
    PORT: '0',
    HOST: '127.0.0.1',
    TCPFLEET_DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    TCPFLEET_ENROLL_SECRET: ENROLL_SECRET,
    TCPFLEET_ADMIN_KEY: ADMIN_KEY,
    ...extraEnv,
  };
  const child = serve(env);
  const cleanUp = async (): Promise<void> => {
    await stopChild(child);
    await dropDatabase();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const port = await listeningPort(child);
    return {
      url: `http://127.0.0.1:${port}`,
      engine: serverUrl ? 'postgres' : 'pglite',
      dataDir,
      env,
      stop: cleanUp,
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}

function serve(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['-r', REGISTER, MAIN, 'serve'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

/** A second `tcpfleet-api serve` on the same PostgreSQL database as `api`, as a replica behind a balancer. */
export async function startReplica(api: TestApi): Promise<{ url: string; stop(): Promise<void> }> {
  if (api.engine !== 'postgres')
    throw new Error('replicas share a PostgreSQL database; PGlite has one process');
  const child = serve({
    ...api.env,
    TCPFLEET_DATA_DIR: mkdtempSync(join(tmpdir(), 'tcpfleet-api-replica-')),
  });
  try {
    const port = await listeningPort(child);
    return { url: `http://127.0.0.1:${port}`, stop: () => stopChild(child) };
  } catch (error) {
    await stopChild(child);
    throw error;
  }
}

function listeningPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on [^\s]+:(\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`the API exited (${code}) before listening: ${output}`)));
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

async function admin(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
