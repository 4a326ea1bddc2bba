// Captures a procfs fixture tree for the Linux collector's tests from sockets opened on purpose:
// a host process with a listener and connections in known states, and a "container" (a new network
// namespace from unshare(1)) with a listener and a second process sharing the namespace. Only the
// files the collector reads are copied, and the host tables only keep the rows of our own ports.
// Run as root on Linux: node apps/agent/scripts/capture-proc-tree.mjs <output dir>
import { spawn } from 'node:child_process';
import {
  mkdirSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { join } from 'node:path';
import { setInterval } from 'node:timers';

const role = process.argv[2];
if (role === 'host') await host();
else if (role === 'container') await container();
else if (role === 'client') client(Number(process.argv[3]));
else await capture(process.argv[2]);

function until(emitter, event) {
  return new Promise((resolve) => emitter.once(event, resolve));
}

async function connect(port, host = '127.0.0.1') {
  const socket = createConnection({ port, host });
  await until(socket, 'connect');
  return socket;
}

// LISTEN, ESTABLISHED x2 (both ends), CLOSE_WAIT + FIN_WAIT_2 (a half-closed pair), TIME_WAIT.
async function host() {
  const held = [];
  const server = createServer({ allowHalfOpen: true }, (socket) => held.push(socket));
  server.listen(0, '127.0.0.1');
  await until(server, 'listening');
  const port = server.address().port;
  const established = await connect(port);
  const halfClosed = await connect(port);
  halfClosed.end();
  const closer = await connect(port);
  closer.on('end', () => closer.destroy());
  await new Promise((resolve) => setTimeout(resolve, 200));
  // The peer ends its side when it sees our FIN; we closed first, so ours goes to TIME_WAIT.
  for (const socket of held) socket.on('end', () => socket.end());
  closer.end();
  await new Promise((resolve) => setTimeout(resolve, 300));
  process.stdout.write(`${JSON.stringify({ pid: process.pid, port, established: established.localPort })}\n`);
  await new Promise(() => {});
}

async function container() {
  const server = createServer(() => {});
  server.listen(5432, '::');
  await until(server, 'listening');
  const child = spawn(process.execPath, [process.argv[1], 'client', '5432'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  process.on('SIGTERM', () => {
    child.kill();
    process.exit(0);
  });
  await until(child.stdout, 'data');
  process.stdout.write(`${JSON.stringify({ pid: process.pid, clientPid: child.pid, port: 5432 })}\n`);
  await new Promise(() => {});
}

function client(port) {
  connect(port).then(() => process.stdout.write('connected\n'));
  setInterval(() => {}, 1 << 30);
}

function start(command, args) {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  return until(child.stdout, 'data').then((data) => ({ child, ...JSON.parse(String(data)) }));
}

function copyProcess(out, pid) {
  const dir = join(out, String(pid));
  mkdirSync(join(dir, 'fd'), { recursive: true });
  mkdirSync(join(dir, 'ns'), { recursive: true });
  writeFileSync(join(dir, 'comm'), readFileSync(`/proc/${pid}/comm`));
  symlinkSync(readlinkSync(`/proc/${pid}/ns/net`), join(dir, 'ns', 'net'));
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    let target = '';
    try {
      target = readlinkSync(`/proc/${pid}/fd/${fd}`);
    } catch {
      // the descriptor readdir itself used, closed by now
    }
    if (target.startsWith('socket:[')) symlinkSync(target, join(dir, 'fd', fd));
  }
  return dir;
}

function tableRows(text, ports) {
  const [header, ...rows] = text.split('\n').filter((line) => line.trim() !== '');
  const hex = new Set(ports.map((port) => port.toString(16).toUpperCase().padStart(4, '0')));
  const kept = rows.filter((row) => {
    const [, local, remote] = row.trim().split(/\s+/);
    return hex.has(local.split(':')[1]) || hex.has(remote.split(':')[1]);
  });
  return `${[header, ...kept].join('\n')}\n`;
}

async function capture(out) {
  if (!out) throw new Error('usage: capture-proc-tree.mjs <output dir>');
  const script = process.argv[1];
  const hostSide = await start(process.execPath, [script, 'host']);
  const box = await start('unshare', [
    '-n',
    'sh',
    '-c',
    `ip link set lo up && exec ${process.execPath} ${script} container`,
  ]);
  try {
    copyTree(out, hostSide, box);
  } finally {
    hostSide.child.kill();
    box.child.kill();
  }
}

function copyTree(out, hostSide, box) {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'net'), { recursive: true });
  for (const file of ['tcp', 'tcp6']) {
    writeFileSync(
      join(out, 'net', file),
      tableRows(readFileSync(`/proc/net/${file}`, 'utf8'), [hostSide.port]),
    );
  }
  copyProcess(out, hostSide.pid);
  for (const pid of [box.pid, box.clientPid]) {
    const dir = copyProcess(out, pid);
    mkdirSync(join(dir, 'net'));
    for (const file of ['tcp', 'tcp6'])
      writeFileSync(join(dir, 'net', file), readFileSync(`/proc/${pid}/net/${file}`));
  }
  copyProcess(out, process.pid);
  symlinkSync(String(process.pid), join(out, 'self'));
  mkdirSync(join(out, 'sys', 'net', 'ipv4'), { recursive: true });
  mkdirSync(join(out, 'sys', 'kernel'), { recursive: true });
  writeFileSync(
    join(out, 'sys', 'net', 'ipv4', 'ip_local_port_range'),
    readFileSync('/proc/sys/net/ipv4/ip_local_port_range'),
  );
  writeFileSync(join(out, 'sys', 'kernel', 'osrelease'), readFileSync('/proc/sys/kernel/osrelease'));
  const record = {
    hostPid: hostSide.pid,
    hostPort: hostSide.port,
    // What host() opened: the states the host table must show on hostPort.
    hostStates: { LISTEN: 1, ESTABLISHED: 2, FIN_WAIT_2: 1, CLOSE_WAIT: 1, TIME_WAIT: 1 },
    containerPid: box.pid,
    containerClientPid: box.clientPid,
    containerPort: box.port,
    // What container() opened: a listener and one connection to it, both ends inside the namespace.
    containerStates: { LISTEN: 1, ESTABLISHED: 2 },
  };
  writeFileSync(join(out, 'capture.json'), `${JSON.stringify(record, null, 2)}\n`);
}
