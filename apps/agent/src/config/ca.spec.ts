import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeCertificates } from '../../test/support/certs';
import { caFile } from './ca';
import { loadSettings, SettingError } from './load';
import { ValueError } from './values';

describe('the CA file setting', () => {
  const certs = makeCertificates();
  const dir = mkdtempSync(join(tmpdir(), 'ca-file-'));
  const file = (name: string, content: string) => {
    writeFileSync(join(dir, name), content);
    return join(dir, name);
  };

  it('takes every certificate of a PEM bundle', () => {
    const bundle = file(
      'bundle.pem',
      `${readFileSync(certs.caPem, 'utf8')}\n${readFileSync(certs.otherCaPem, 'utf8')}`,
    );
    const ca = caFile(bundle);
    expect(ca.path).toBe(bundle);
    expect(ca.certificates).toHaveLength(2);
    expect(ca.certificates[0]).toMatch(/^-----BEGIN CERTIFICATE-----\n[\s\S]+\n-----END CERTIFICATE-----$/);
  });

  it('refuses a file that is missing or cannot be read', () => {
    expect(() => caFile(join(dir, 'missing.pem'))).toThrow(/cannot read .*missing.pem: ENOENT/);
    expect(() => caFile(dir)).toThrow(/cannot read .*: EISDIR/);
    expect(() => caFile('')).toThrow(ValueError);
  });

  it('refuses a file with no PEM certificate, such as a private key', () => {
    expect(() => caFile(file('key.pem', certs.serverKey))).toThrow(/key.pem holds no PEM certificate/);
    expect(() => caFile(file('empty.pem', ''))).toThrow(/holds no PEM certificate/);
  });

  it('refuses a bundle in which one certificate does not parse', () => {
    const good = readFileSync(certs.caPem, 'utf8');
    const broken = good.replace(/\n[A-Za-z0-9+/]{20}/, '\nAAAAAAAAAAAAAAAAAAAA');
    expect(() => caFile(file('broken.pem', `${good}${broken}`))).toThrow(
      /certificate 2 of 2 in .*broken.pem does not parse/,
    );
  });

  it('names where a bad CA file came from', () => {
    const missing = join(dir, 'missing.pem');
    const refused = (load: () => unknown) => {
      expect(load).toThrow(SettingError);
      try {
        load();
      } catch (error) {
        return (error as Error).message;
      }
    };
    expect(refused(() => loadSettings({ 'ca-file': missing }, {}))).toMatch(
      /^bad setting --ca-file: cannot read/,
    );
    expect(refused(() => loadSettings({}, { TCPFLEET_CA_FILE: missing }))).toMatch(
      /^bad setting TCPFLEET_CA_FILE: cannot read/,
    );
    const config = file('agent.json', JSON.stringify({ caFile: missing }));
    expect(refused(() => loadSettings({ config }, {}))).toMatch(
      /^bad setting .*agent.json: caFile: cannot read/,
    );
    expect(loadSettings({}, { TCPFLEET_CA_FILE: certs.caPem }).caFile?.certificates).toHaveLength(1);
    expect(loadSettings({}, {}).caFile).toBeUndefined();
  });
});
