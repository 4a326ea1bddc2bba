import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TcpState, type Socket } from '@tcpfleet/model';
import { captureRecord, copyTree, linuxOptions, namespaceOf, PROC_TREE } from '../../test/fixtures';
import { linuxEphemeralRange } from './ephemeral_linux';
import { linuxHost } from './host_linux';
import { linuxSockets } from './sockets_linux';

const record = captureRecord();

function statesOn(sockets: readonly Socket[], port: number): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const s of sockets) {
    if (s.localPort === port || s.remotePort === port) counts[s.state] = (counts[s.state] ?? 0) + 1;
  }
  return counts;
}

describe('linuxSockets on a captured proc tree', () => {
  it('reads the host tables with the states the capture opened, untagged', async () => {
    const sockets = (await linuxSockets(linuxOptions(PROC_TREE)).collect()).sockets.all();
    const host = sockets.filter((s) => s.netns === undefined);
    expect(statesOn(host, record.hostPort)).toEqual(record.hostStates);
  });

  it('reads the container namespace once, though two processes live in it, and tags it', async () => {
    const sockets = (await linuxSockets(linuxOptions(PROC_TREE)).collect()).sockets.all();
    const netns = namespaceOf(PROC_TREE, record.containerPid);
    const inside = sockets.filter((s) => s.netns !== undefined);
    expect(inside.every((s) => s.netns === netns)).toBe(true);
    expect(statesOn(inside, record.containerPort)).toEqual(record.containerStates);
  });

  it('names the owner of every socket that has a descriptor, and of none in TIME_WAIT', async () => {
    const collection = await linuxSockets(linuxOptions(PROC_TREE)).collect();
    expect(collection.attribution).toBe('full');
    for (const socket of collection.sockets.all()) {
      if (socket.state === TcpState.TIME_WAIT) {
        expect(socket.pid).toBeUndefined();
        continue;
      }
      const expected =
        socket.netns === undefined ? [record.hostPid] : [record.containerPid, record.containerClientPid];
      expect(expected).toContain(socket.pid);
      expect(socket.process).toBe('node');
    }
    const listener = collection.sockets
      .all()
      .find((s) => s.state === TcpState.LISTEN && s.netns !== undefined);
    expect(listener?.pid).toBe(record.containerPid);
  });

  it('asks ss for backlogs only when a listener has connections waiting', async () => {
    const calls: string[] = [];
    const run = (command: string, args: readonly string[]) => {
      calls.push([command, ...args].join(' '));
      return Promise.reject(new Error('not on this host'));
    };
    const collection = await linuxSockets(linuxOptions(PROC_TREE, { run })).collect();
    // The capture's listeners had accepted everything: nothing queued, so no process started.
    expect(collection.sockets.queuedListeners()).toBe(0);
    expect(calls).toEqual([]);
    expect(collection.backlogs).toBeUndefined();
  });

  it('leaves owners out and says so when attribution is off', async () => {
    const collection = await linuxSockets(linuxOptions(PROC_TREE, { attribution: false })).collect();
    expect(collection.attribution).toBe('none');
    expect(collection.sockets.all().some((s) => s.pid !== undefined)).toBe(false);
  });

  it('fails when neither table can be read, rather than report an empty host', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'proc-'));
    try {
      await expect(linuxSockets(linuxOptions(empty)).collect()).rejects.toThrow(/cannot read/);
    } finally {
      rmSync(empty, { recursive: true });
    }
  });

  it('goes on with a warning when tcp6 is missing (IPv6 disabled)', async () => {
    const copy = copyTree();
    try {
      rmSync(join(copy, 'net', 'tcp6'));
      const collection = await linuxSockets(linuxOptions(copy)).collect();
      expect(collection.warnings.join('\n')).toMatch(/net\/tcp6/);
      expect(
        statesOn(
          collection.sockets.all().filter((s) => !s.netns),
          record.hostPort,
        ),
      ).toEqual(record.hostStates);
    } finally {
      rmSync(copy, { recursive: true });
    }
  });
});

describe('the Linux host facts', () => {
  it('reads the ephemeral range and kernel release under the proc root', async () => {
    const range = await linuxEphemeralRange(linuxOptions(PROC_TREE));
    expect(range.low).toBeLessThan(range.high);
    const text = `${range.low}\t${range.high}`;
    expect(text).toBe(readFileSync(join(PROC_TREE, 'sys/net/ipv4/ip_local_port_range'), 'utf8').trim());
    expect((await linuxHost(linuxOptions(PROC_TREE))).osVersion).toMatch(/^\d+\.\d+/);
  });
});
