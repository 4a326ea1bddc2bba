import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { TcpState } from '../../states/tcp-state';
import { parsePowershellTable } from './powershell-table';
import { itNeverThrows } from '../../../test/support/parser-checks';

const fixture = (name: string) =>
  readFileSync(join(__dirname, '../../../test/fixtures/windows', name), 'utf8');

describe('parsePowershellTable on the real Get-NetTCPConnection snippets', () => {
  const result = parsePowershellTable(fixture('windows-powershell-get-nettcpconnection.snippets.txt'));

  it('reads all three tables, whatever their column widths', () => {
    expect(result.sockets).toHaveLength(17);
    expect(result.sockets.map((s) => s.state)).toEqual([
      ...[TcpState.LISTEN, TcpState.LISTEN, TcpState.BOUND, TcpState.BOUND, TcpState.BOUND],
      ...[TcpState.CLOSE_WAIT, TcpState.ESTABLISHED, TcpState.ESTABLISHED],
      ...[TcpState.ESTABLISHED, TcpState.LISTEN, TcpState.ESTABLISHED, TcpState.TIME_WAIT],
      ...[TcpState.LISTEN, TcpState.TIME_WAIT, TcpState.LISTEN, TcpState.LISTEN, TcpState.LISTEN],
    ]);
  });

  it('reads rows whose AppliedSetting is empty and tables without OwningProcess', () => {
    expect(result.sockets[0]).toEqual({
      family: 'ipv6',
      localAddress: '::',
      localPort: 445,
      remoteAddress: '::',
      remotePort: 0,
      state: TcpState.LISTEN,
      rawState: 'Listen',
    });
    expect(result.sockets[5]).toMatchObject({
      localAddress: '192.168.1.121',
      remotePort: 443,
      rawState: 'CloseWait',
    });
    expect(result.sockets[9]).toMatchObject({ localPort: 65001, remoteAddress: '0.0.0.0', pid: 636 });
    expect(result.sockets[11]).toMatchObject({ state: TcpState.TIME_WAIT, pid: 0 });
  });

  it('warns about the annotation lines between the tables, by line number', () => {
    expect(result.warnings.map((w) => w.line)).toEqual([1, 13, 21]);
  });
});

describe('parsePowershellTable on the not-ok set', () => {
  it('warns about rows with no header above them', () => {
    const result = parsePowershellTable(fixture('not-ok/powershell-table-no-header.txt'));
    expect(result.sockets).toEqual([]);
    expect(result.warnings.map((w) => w.line)).toEqual([1, 2]);
  });

  it('refuses a table of another cmdlet and reads the next one, warning on a cut address and a bad state', () => {
    const result = parsePowershellTable(fixture('not-ok/powershell-table-wrong-columns.txt'));
    expect(result.sockets.map((s) => [s.localPort, s.state, s.rawState])).toEqual([
      [445, TcpState.LISTEN, 'Listen'],
      [65144, TcpState.UNKNOWN, 'Floating'],
    ]);
    expect(result.warnings.map((w) => w.line)).toEqual([1, 3, 7, 8]);
  });

  it('reads -AutoSize tables with right-aligned numbers and rows pasted with collapsed spaces', () => {
    const text = [
      'LocalAddress LocalPort RemoteAddress RemotePort       State OwningProcess',
      '------------ --------- ------------- ----------       ----- -------------',
      '10.0.0.5         50000 10.0.0.9             443 Established          4242',
      '10.0.0.5 50001 10.0.0.9 443 Established 4242',
    ].join('\r\n');
    const result = parsePowershellTable(text);
    expect(result.warnings).toEqual([]);
    expect(result.sockets.map((s) => [s.localPort, s.pid])).toEqual([
      [50000, 4242],
      [50001, 4242],
    ]);
  });
});

describe('parsePowershellTable properties', () => {
  itNeverThrows(parsePowershellTable, 'powershell-table');

  it('reads back generated rows', () => {
    const state = fc.constantFrom('Listen', 'Established', 'CloseWait', 'TimeWait', 'Bound', 'SynSent');
    fc.assert(
      fc.property(
        fc.ipV4(),
        fc.nat(65535),
        fc.ipV4(),
        fc.nat(65535),
        state,
        fc.nat(99999),
        (la, lp, ra, rp, st, pid) => {
          const row = [
            la.padEnd(16),
            String(lp).padEnd(10),
            ra.padEnd(16),
            String(rp).padEnd(11),
            st.padEnd(12),
            ''.padEnd(15),
            pid,
          ].join('');
          const text = [
            'LocalAddress    LocalPort RemoteAddress   RemotePort State       AppliedSetting OwningProcess',
            '------------    --------- -------------   ---------- -----       -------------- -------------',
            row,
          ].join('\n');
          const [socket] = parsePowershellTable(text).sockets;
          return (
            socket?.localAddress === la &&
            socket.localPort === lp &&
            socket.remotePort === rp &&
            socket.rawState === st &&
            socket.pid === pid
          );
        },
      ),
    );
  });
});
