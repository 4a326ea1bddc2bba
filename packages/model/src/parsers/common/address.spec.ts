import { formatIPv6, ipv6Groups, normaliseAddress, parsePort } from './address';

describe('IPv6 text form', () => {
  it('compresses the longest zero run and lower-cases', () => {
    expect(formatIPv6([0x2001, 0xdb8, 0, 0, 1, 0, 0, 1])).toBe('2001:db8::1:0:0:1');
    expect(formatIPv6([0, 0, 0, 0, 0, 0, 0, 0])).toBe('::');
    expect(formatIPv6([0, 0, 0, 0, 0, 0, 0, 1])).toBe('::1');
    expect(formatIPv6([0xfe80, 0, 0, 0, 0xabcd, 0, 0, 0])).toBe('fe80::abcd:0:0:0');
  });

  it('leaves a single zero group uncompressed', () => {
    expect(formatIPv6([0x2001, 0xdb8, 0, 1, 1, 1, 1, 1])).toBe('2001:db8:0:1:1:1:1:1');
  });

  it('writes IPv4-mapped addresses with a dotted tail', () => {
    expect(formatIPv6([0, 0, 0, 0, 0, 0xffff, 0x7f00, 0x0001])).toBe('::ffff:127.0.0.1');
  });

  it('expands text into groups', () => {
    expect(ipv6Groups('::ffff:10.0.0.1')).toEqual([0, 0, 0, 0, 0, 0xffff, 0x0a00, 0x0001]);
    expect(ipv6Groups('fe80::1')).toEqual([0xfe80, 0, 0, 0, 0, 0, 0, 1]);
    expect(ipv6Groups('not-an-address')).toBeUndefined();
  });
});

describe('normaliseAddress', () => {
  it('maps the wildcard to the family of the row', () => {
    expect(normaliseAddress('*', 'ipv4')).toEqual({ address: '0.0.0.0', family: 'ipv4' });
    expect(normaliseAddress('*', 'ipv6')).toEqual({ address: '::', family: 'ipv6' });
  });

  it('strips brackets, canonicalises and keeps a zone', () => {
    expect(normaliseAddress('[::FFFF:127.0.0.1]', 'ipv6')?.address).toBe('::ffff:127.0.0.1');
    expect(normaliseAddress('FE80:0:0:0:0:0:0:1%eth0', 'ipv6')?.address).toBe('fe80::1%eth0');
  });

  it('rejects text that is not an address', () => {
    expect(normaliseAddress('localhost', 'ipv4')).toBeUndefined();
  });
});

describe('parsePort', () => {
  it('accepts 0-65535 and the wildcard', () => {
    expect(parsePort('443')).toBe(443);
    expect(parsePort('*')).toBe(0);
    expect(parsePort('65536')).toBeUndefined();
    expect(parsePort('https')).toBeUndefined();
  });
});
