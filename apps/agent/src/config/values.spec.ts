import { duration, hostname, labels, serverUrl, ValueError } from './values';

describe('setting values', () => {
  it('reads durations with units, a bare number as seconds', () => {
    expect([duration('15s'), duration('500ms'), duration('2m'), duration('30'), duration(1.5)]).toEqual([
      15_000, 500, 120_000, 30_000, 1500,
    ]);
    expect(() => duration('soon')).toThrow(ValueError);
  });

  it('takes labels as k=v lists, comma-separated text or an object', () => {
    expect(labels(['tier=edge', 'dc=fra1'])).toEqual({ tier: 'edge', dc: 'fra1' });
    expect(labels('tier=edge, dc=fra1')).toEqual({ tier: 'edge', dc: 'fra1' });
    expect(labels({ 'team/owner': 'net' })).toEqual({ 'team/owner': 'net' });
    expect(() => labels('tier')).toThrow(/not a k=v pair/);
    expect(() => labels('-bad=1')).toThrow(/label key "-bad"/);
    expect(() => labels({ tier: 'edge\u001b[31m' })).toThrow(/label "tier" holds a control character/);
  });

  it('accepts http(s) servers and drops a trailing slash', () => {
    expect(serverUrl('https://fleet.example.com/')).toBe('https://fleet.example.com');
    expect(() => serverUrl('ftp://fleet')).toThrow(/http/);
    expect(() => serverUrl('fleet')).toThrow(/not a URL/);
  });

  it('holds host names to the API rule', () => {
    expect(hostname('web-1.example.net')).toBe('web-1.example.net');
    expect(() => hostname('web 1')).toThrow(/letters, digits/);
  });
});
