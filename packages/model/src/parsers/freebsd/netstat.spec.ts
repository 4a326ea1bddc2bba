import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { TcpState } from '../../states/tcp-state';
import { parseFreebsdNetstat } from './netstat';
import { MAX_WARNINGS } from './report';
import { itFindsNothingInJunk, itNeverThrows } from '../../../test/support/parser-checks';

const fixture = (name: string) =>
  readFileSync(join(__dirname, '../../../test/fixtures/freebsd', name), 'latin1');

describe('parseFreebsdNetstat on FreeBSD 12 captures', () => {
  it('reads netstat -an: 4 TCP sockets, UDP and UNIX sections skipped', () => {
    const result = parseFreebsdNetstat(fixture('freebsd12-netstat-an.jc.txt'));
    expect(result.warnings).toEqual([]);
    expect(result.sockets).toEqual([
      {
        family: 'ipv4',
        localAddress: '192.168.71.163',
        localPort: 22,
        remoteAddress: '192.168.71.1',
        remotePort: 56321,
        state: TcpState.ESTABLISHED,
        rawState: 'ESTABLISHED',
        recvQueue: 0,
        sendQueue: 0,
      },
      expect.objectContaining({ localAddress: '127.0.0.1', localPort: 25, state: TcpState.LISTEN }),
      expect.objectContaining({ family: 'ipv4', localAddress: '0.0.0.0', localPort: 22, remotePort: 0 }),
      expect.objectContaining({ family: 'ipv6', localAddress: '::', localPort: 22, remoteAddress: '::' }),
    ]);
  });

  it('reads netstat -AanP past the Tcpcb and Log ID columns', () => {
    const result = parseFreebsdNetstat(fixture('freebsd12-netstat-AanP.jc.txt'));
    expect(result.sockets.map((s) => `${s.localAddress}.${s.localPort} ${s.state}`)).toEqual([
      '192.168.71.163.22 ESTABLISHED',
      '127.0.0.1.25 LISTEN',
      '0.0.0.0.22 LISTEN',
      '::.22 LISTEN',
    ]);
    // "192.168.71.1.64330" fills the 18 columns of -A exactly: it may be whole or cut.
    expect(result.warnings).toEqual([
      {
        line: 3,
        message: 'address "192.168.71.1.64330" fills its column and may have been cut by netstat (use -W)',
      },
    ]);
  });

  it('refuses netstat -Aax (names, no state column) row by row', () => {
    const result = parseFreebsdNetstat(fixture('freebsd12-netstat-Aax.jc.txt'));
    expect(result.sockets).toEqual([]);
    expect(result.warnings.map((w) => w.line)).toEqual([2, 3, 4, 5, 6]);
    expect(result.warnings[0]?.message).toContain('no (state) column');
  });
});

describe('parseFreebsdNetstat on the not-ok set', () => {
  it('keeps good rows around a truncated one', () => {
    const result = parseFreebsdNetstat(fixture('not-ok/truncated-rows.txt'));
    expect(result.sockets.map((s) => s.state)).toEqual([TcpState.ESTABLISHED, TcpState.LISTEN]);
    expect(result.warnings).toEqual([{ line: 4, message: 'truncated row: 4 fields, expected at least 6' }]);
  });

  it('keeps SYN_RECEIVED (not a FreeBSD word) raw and warns on a bad address', () => {
    const result = parseFreebsdNetstat(fixture('not-ok/wrong-columns.txt'));
    expect(result.sockets[1]).toMatchObject({ state: TcpState.UNKNOWN, rawState: 'SYN_RECEIVED' });
    expect(result.warnings.map((w) => w.line)).toEqual([4, 5]);
  });

  it('reads CRLF text', () => {
    expect(parseFreebsdNetstat(fixture('not-ok/crlf.txt')).sockets).toHaveLength(2);
  });

  itFindsNothingInJunk(parseFreebsdNetstat, 'freebsd', 'freebsd-netstat');

  it('bounds the warnings of a huge garbage paste', () => {
    const result = parseFreebsdNetstat('garbage line\n'.repeat(5000));
    expect(result.warnings).toHaveLength(MAX_WARNINGS + 1);
    expect(result.warnings.at(-1)).toEqual({ line: 0, message: '4000 further warnings not shown' });
  });
});

describe('parseFreebsdNetstat properties', () => {
  itNeverThrows(parseFreebsdNetstat, 'freebsd-netstat');

  it('reads back generated IPv6 rows', () => {
    fc.assert(
      fc.property(fc.ipV6(), fc.integer({ min: 1, max: 65535 }), (address, port) => {
        const row = `tcp6       0      0 ${address}.${port} *.*                    LISTEN`;
        const [socket] = parseFreebsdNetstat(row).sockets;
        return socket?.localPort === port && socket.family === 'ipv6' && socket.remoteAddress === '::';
      }),
    );
  });
});
