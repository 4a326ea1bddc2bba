import { isLoopbackHost, plaintextWarning, requestFailure } from './transport';

describe('loopback hosts', () => {
  it('are 127.0.0.0/8, ::1 and localhost, as URL writes them', () => {
    const host = (url: string) => new URL(url).hostname;
    for (const url of [
      'http://127.0.0.1:3000',
      'http://127.9.8.7',
      'http://127.1',
      'http://[::1]:3000',
      'http://[0:0:0:0:0:0:0:1]',
      'http://[::ffff:127.0.0.1]',
      'http://LOCALHOST',
      'http://localhost.',
    ])
      expect([url, isLoopbackHost(host(url))]).toEqual([url, true]);
    for (const url of [
      'http://128.0.0.1',
      'http://10.0.0.5',
      'http://[::2]',
      'http://[::ffff:10.0.0.1]',
      'http://localhost.example.com',
      'http://127.0.0.1.example.com',
      'http://tcpfleet.example.com',
    ])
      expect([url, isLoopbackHost(host(url))]).toEqual([url, false]);
  });
});

describe('the plain http warning', () => {
  it('names a non-loopback http server and what travels unencrypted', () => {
    expect(plaintextWarning('http://tcpfleet.example.com:8080')).toMatch(
      /plain http at http:\/\/tcpfleet.example.com:8080: the host token and every snapshot travel unencrypted/,
    );
  });

  it('stays quiet for https and for loopback', () => {
    expect(plaintextWarning('https://tcpfleet.example.com')).toBeUndefined();
    expect(plaintextWarning('http://127.0.0.1:3000')).toBeUndefined();
    expect(plaintextWarning('http://localhost:3000')).toBeUndefined();
  });
});

describe('a failed request', () => {
  it('names certificate verification and the CAs it was checked against', () => {
    const error = Object.assign(new Error('self-signed certificate'), {
      code: 'DEPTH_ZERO_SELF_SIGNED_CERT',
    });
    expect(requestFailure(error, undefined)).toMatch(
      /^TLS certificate verification failed \(DEPTH_ZERO_SELF_SIGNED_CERT: self-signed certificate\); checked against Node's bundled CAs \(pin .* --ca-file/,
    );
    expect(requestFailure(error, { path: '/etc/tcpfleet-agent/ca.pem', certificates: [] })).toMatch(
      /checked against the CA file \/etc\/tcpfleet-agent\/ca.pem$/,
    );
  });

  it('passes other errors through', () => {
    const error = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    expect(requestFailure(error, undefined)).toBe('connect ECONNREFUSED 127.0.0.1:1');
  });
});
