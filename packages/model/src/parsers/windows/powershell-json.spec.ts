import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { TcpState } from '../../states/tcp-state';
import { MAX_JSON_DEPTH, parsePowershellJson } from './powershell-json';

const fixture = (name: string) =>
  readFileSync(join(__dirname, '../../../test/fixtures/windows', name), 'utf8');

describe('parsePowershellJson (hand-built samples shaped like ConvertTo-Json)', () => {
  it('reads an array with numeric states (PowerShell 5.1)', () => {
    const result = parsePowershellJson(
      fixture('powershell-get-nettcpconnection-convertto-json.handbuilt.json'),
    );
    expect(result.warnings).toEqual([]);
    expect(result.sockets.map((s) => [s.state, s.rawState, s.pid])).toEqual([
      [TcpState.ESTABLISHED, '5', 636],
      [TcpState.LISTEN, '2', 636],
      [TcpState.ESTABLISHED, '5', 15240],
      [TcpState.TIME_WAIT, '11', 0],
      [TcpState.LISTEN, '2', 4],
      [TcpState.LISTEN, '2', 4],
      [TcpState.BOUND, '100', 2868],
      [TcpState.CLOSE_WAIT, '8', 2868],
    ]);
    expect(result.sockets[5]).toMatchObject({
      family: 'ipv6',
      localAddress: 'fe80::1c2d:3e4f:5a6b:7c8d%12',
      localPort: 139,
    });
  });

  it('reads a single object with -EnumsAsStrings', () => {
    expect(
      parsePowershellJson(fixture('powershell-get-nettcpconnection-enumsasstrings-single.handbuilt.json')),
    ).toEqual({
      format: 'powershell-json',
      warnings: [],
      sockets: [
        {
          family: 'ipv4',
          localAddress: '10.10.178.209',
          localPort: 3389,
          remoteAddress: '10.10.14.2',
          remotePort: 51234,
          state: TcpState.ESTABLISHED,
          rawState: 'Established',
          pid: 980,
        },
      ],
    });
  });

  it('reads the { value: [...] } wrapper and a byte-order mark', () => {
    const text =
      '\uFEFF{"value":[{"LocalAddress":"::","LocalPort":"445","RemoteAddress":"::","RemotePort":0,"State":"2"}],"Count":1}';
    expect(parsePowershellJson(text).sockets[0]).toMatchObject({
      localPort: 445,
      state: TcpState.LISTEN,
      rawState: '2',
    });
  });
});

describe('parsePowershellJson on the not-ok set', () => {
  it('reports invalid JSON at the line of the error', () => {
    const result = parsePowershellJson(fixture('not-ok/powershell-not-json.json'));
    expect(result.sockets).toEqual([]);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]?.line).toBe(3);
    expect(result.warnings[0]?.message).toMatch(/^not valid JSON/);
  });

  it('warns about each element that is not a TCP connection, at the line it starts', () => {
    const result = parsePowershellJson(fixture('not-ok/powershell-not-tcp.json'));
    expect(result.sockets.map((s) => [s.localPort, s.state])).toEqual([
      [445, TcpState.LISTEN],
      [135, TcpState.UNKNOWN],
    ]);
    expect(result.warnings).toEqual([
      {
        line: 2,
        message: 'not a TCP connection: needs LocalAddress, LocalPort, RemoteAddress, RemotePort and State',
      },
      { line: 7, message: 'element is not an object' },
      { line: 16, message: 'unknown TCP state code 77 (kept as UNKNOWN)' },
    ]);
  });

  it('refuses deep nesting before parsing it', () => {
    expect(parsePowershellJson(fixture('not-ok/powershell-deep.json')).warnings).toEqual([
      { line: 1, message: `JSON nested deeper than ${MAX_JSON_DEPTH} levels is not read` },
    ]);
    const huge = '['.repeat(1_000_000) + ']'.repeat(1_000_000);
    expect(parsePowershellJson(huge).sockets).toEqual([]);
  });

  it('says so for empty input', () => {
    expect(parsePowershellJson(fixture('not-ok/powershell-empty.json')).warnings).toEqual([
      { line: 0, message: 'empty input' },
    ]);
  });
});

describe('parsePowershellJson properties', () => {
  it('never throws, on text or on any JSON value', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 300 }),
        (text) => parsePowershellJson(text).format === 'powershell-json',
      ),
    );
    fc.assert(
      fc.property(fc.jsonValue(), (value) =>
        Array.isArray(parsePowershellJson(JSON.stringify(value)).sockets),
      ),
    );
  });

  it('reads back generated connections', () => {
    const connection = fc.record({
      LocalAddress: fc.oneof(fc.ipV4(), fc.ipV6()),
      LocalPort: fc.nat(65535),
      RemoteAddress: fc.ipV4(),
      RemotePort: fc.nat(65535),
      State: fc.constantFrom(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 100),
      OwningProcess: fc.nat(99999),
    });
    fc.assert(
      fc.property(fc.array(connection, { maxLength: 20 }), (items) => {
        const result = parsePowershellJson(JSON.stringify(items, null, 2));
        return (
          result.warnings.length === 0 &&
          result.sockets.length === items.length &&
          result.sockets.every(
            (s, i) =>
              s.localPort === items[i]?.LocalPort &&
              s.pid === items[i]?.OwningProcess &&
              s.rawState === String(items[i]?.State),
          )
        );
      }),
    );
  });
});
