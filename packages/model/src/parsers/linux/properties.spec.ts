import fc from 'fast-check';
import type { AddressFamily, Parser, Socket } from '../../socket';
import { stateByCode } from '../../vocabularies';
import { linuxKernel } from '../../vocabularies/linux-kernel';
import { linuxNetstat } from '../../vocabularies/linux-netstat';
import { linuxSs } from '../../vocabularies/linux-ss';
import { normaliseAddress } from '../common/address';
import { fixture } from '../../../test/fixtures/linux/fixture';
import { PROC_HEADER, procLine } from '../../../test/fixtures/linux/proc-lines';
import { parseLinuxNetstat } from './netstat';
import { parseProcNetTcp } from './proc-net-tcp';
import { parseSs } from './ss';

const PARSERS: [string, Parser][] = [
  ['parseProcNetTcp', (text) => parseProcNetTcp(text)],
  ['parseSs', parseSs],
  ['parseLinuxNetstat', parseLinuxNetstat],
];

describe.each(PARSERS)('%s is total', (_name, parse) => {
  it('never throws on any string, and warns only about lines that exist', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary-ascii' })), (text) => {
        const { warnings } = parse(text);
        const lines = text.split('\n').length;
        return warnings.every((w) => w.line >= 0 && w.line <= lines);
      }),
    );
  });

  it('still reads every real row among garbage lines', () => {
    const real = [
      ...fixture('loopback-proc-net-tcp.txt').split('\n'),
      ...fixture('loopback-ss-tan.txt').split('\n'),
      ...fixture('loopback-netstat-tan.txt').split('\n'),
    ].filter((line) => line.trim() !== '');
    const alone = (line: string) => parse(line).sockets.length;
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...real), fc.string({ unit: 'binary-ascii' }))),
        (lines) => {
          const expected = lines.reduce((sum, line) => sum + alone(line), 0);
          return parse(lines.join('\n')).sockets.length === expected;
        },
      ),
    );
  });
});

const port = fc.integer({ min: 0, max: 65535 });
const u32 = fc.integer({ min: 0, max: 0xffffffff });
const canonical = (address: string) => normaliseAddress(address, 'ipv6')?.address ?? address;
const addresses = (family: AddressFamily) => (family === 'ipv4' ? fc.ipV4() : fc.ipV6().map(canonical));
const endpoints = fc
  .constantFrom<AddressFamily>('ipv4', 'ipv6')
  .chain((family) => fc.tuple(fc.constant(family), addresses(family), addresses(family)));

describe('parseProcNetTcp round trip', () => {
  const row = fc.record({
    endpoints,
    localPort: port,
    remotePort: port,
    state: fc.integer({ min: 1, max: 11 }),
    sendQueue: u32,
    recvQueue: u32,
    uid: u32,
    inode: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
    timewait: fc.boolean(),
  });

  it.each(['little', 'big'] as const)('gives back every generated row, %s-endian', (order) => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), (rows) => {
        const text = [PROC_HEADER, ...rows.map((r, i) => procLine(toProcRow(r), i, order))].join('\n');
        const { sockets, warnings } = parseProcNetTcp(text, { byteOrder: order });
        expect(warnings).toEqual([]);
        expect(sockets).toEqual(rows.map(expectedProcSocket));
      }),
    );
  });

  type Row = typeof row extends fc.Arbitrary<infer T> ? T : never;

  function toProcRow(r: Row) {
    const [, localAddress, remoteAddress] = r.endpoints;
    // get_timewait4_sock()/get_timewait6_sock() print both queues as 0.
    const queues = r.timewait ? { sendQueue: 0, recvQueue: 0 } : {};
    return { ...r, localAddress, remoteAddress, ...queues };
  }

  function expectedProcSocket(r: Row): Socket {
    const [family, localAddress, remoteAddress] = r.endpoints;
    // Timewait rows carry a placeholder uid and no inode.
    return {
      family,
      localAddress,
      localPort: r.localPort,
      remoteAddress,
      remotePort: r.remotePort,
      state: stateByCode(linuxKernel, r.state),
      rawState: r.state.toString(16).toUpperCase().padStart(2, '0'),
      recvQueue: r.timewait ? 0 : r.recvQueue,
      sendQueue: r.timewait ? 0 : r.sendQueue,
      uid: r.timewait ? undefined : r.uid,
      inode: r.timewait ? undefined : r.inode,
    };
  }
});

const owner = fc.record({
  pid: fc.integer({ min: 1, max: 4194304 }),
  process: fc.stringMatching(/^[A-Za-z0-9._-][A-Za-z0-9 ._:()-]{0,13}[A-Za-z0-9._)-]$/),
});
const socket = (names: readonly string[]) =>
  fc.record({
    endpoints,
    localPort: port,
    remotePort: port,
    rawState: fc.constantFrom(...names),
    recvQueue: u32,
    sendQueue: u32,
    owner: fc.option(owner, { nil: undefined }),
  });
type Generated = typeof socket extends (names: readonly string[]) => fc.Arbitrary<infer T> ? T : never;

function expectedSocket(g: Generated, state: (name: string) => Socket['state']): Socket {
  const [family, localAddress, remoteAddress] = g.endpoints;
  return {
    family,
    localAddress,
    localPort: g.localPort,
    remoteAddress,
    remotePort: g.remotePort,
    state: state(g.rawState),
    rawState: g.rawState,
    recvQueue: g.recvQueue,
    sendQueue: g.sendQueue,
    ...(g.owner ? { pid: g.owner.pid, process: g.owner.process } : {}),
  };
}

describe('parseSs round trip', () => {
  const names = linuxSs.entries.map((entry) => entry.name);
  const endpoint = (family: AddressFamily, address: string, p: number) =>
    `${family === 'ipv6' ? `[${address}]` : address}:${p === 0 ? '*' : p}`;

  function ssLine(g: Generated, netid: boolean): string {
    const [family, local, remote] = g.endpoints;
    const users = g.owner ? ` users:(("${g.owner.process}",pid=${g.owner.pid},fd=3))` : '';
    return (
      `${netid ? 'tcp   ' : ''}${g.rawState} ${g.recvQueue} ${g.sendQueue} ` +
      `${endpoint(family, local, g.localPort)} ${endpoint(family, remote, g.remotePort)}${users}`
    );
  }

  it('gives back every generated socket, with and without the Netid column', () => {
    fc.assert(
      fc.property(fc.array(socket(names), { maxLength: 30 }), fc.boolean(), (generated, netid) => {
        const text = ['State Recv-Q Send-Q Local Address:Port Peer Address:Port Process']
          .concat(generated.map((g) => ssLine(g, netid)))
          .join('\n');
        const { sockets, warnings } = parseSs(text);
        expect(warnings).toEqual([]);
        expect(sockets).toEqual(generated.map((g) => expectedSocket(g, (name) => stateOf(linuxSs, name))));
      }),
    );
  });
});

describe('parseLinuxNetstat round trip', () => {
  const names = linuxNetstat.entries.map((entry) => entry.name);
  // net-tools prints IPv6 bare and, through fix_v4_address(), IPv4-mapped addresses as IPv4.
  const address = (text: string) => (text.startsWith('::ffff:') && text.includes('.') ? text.slice(7) : text);

  function netstatLine(g: Generated): string {
    const [family, local, remote] = g.endpoints;
    const program = g.owner ? `${g.owner.pid}/${g.owner.process}` : '-';
    return [
      family === 'ipv6' ? 'tcp6' : 'tcp',
      g.recvQueue,
      g.sendQueue,
      `${address(local)}:${g.localPort}`,
      `${address(remote)}:${g.remotePort === 0 ? '*' : g.remotePort}`,
      g.rawState,
      program,
    ].join('  ');
  }

  it('gives back every generated socket', () => {
    fc.assert(
      fc.property(fc.array(socket(names), { maxLength: 30 }), (generated) => {
        const text = ['Active Internet connections (servers and established)']
          .concat(generated.map(netstatLine))
          .join('\n');
        const { sockets, warnings } = parseLinuxNetstat(text);
        expect(warnings.filter((w) => !w.message.includes('23-column'))).toEqual([]);
        expect(sockets).toEqual(
          generated.map((g) => expectedSocket(g, (name) => stateOf(linuxNetstat, name))),
        );
      }),
    );
  });
});

function stateOf(vocabulary: typeof linuxSs, name: string): Socket['state'] {
  const entry = vocabulary.entries.find((e) => e.name === name);
  if (!entry) throw new Error(`no entry ${name}`);
  return entry.state;
}
