import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** PEM files made at test time with the openssl command line, in one fresh directory. */
export interface TestCertificates {
  dir: string;
  /** A private CA, and the key and certificate it signed for 127.0.0.1 and localhost. */
  caPem: string;
  serverKey: string;
  serverCert: string;
  /** A second CA that signed nothing the server shows. */
  otherCaPem: string;
  /** A certificate for 127.0.0.1 and localhost that signs itself, and its key. */
  selfSignedKey: string;
  selfSignedCert: string;
}

const KEY = '-newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes';
const SERVER_NAMES = 'subjectAltName=IP:127.0.0.1,DNS:localhost';

/** Runs openssl in `dir`; `command` is split on spaces, so no argument holds one. */
function openssl(dir: string, command: string): void {
  execFileSync('openssl', command.split(' '), { cwd: dir, stdio: 'pipe' });
}

function makeCa(dir: string, name: string): void {
  openssl(
    dir,
    `req -x509 ${KEY} -keyout ${name}.key -out ${name}.pem -days 2 -subj /CN=tcpfleet-test-${name} ` +
      '-addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign',
  );
}

export function makeCertificates(): TestCertificates {
  const dir = mkdtempSync(join(tmpdir(), 'certs-'));
  makeCa(dir, 'ca');
  makeCa(dir, 'other-ca');
  openssl(dir, `req ${KEY} -keyout server.key -out server.csr -subj /CN=127.0.0.1`);
  writeFileSync(
    join(dir, 'server.ext'),
    `${SERVER_NAMES}\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n`,
  );
  openssl(
    dir,
    `x509 -req -in server.csr -CA ca.pem -CAkey ca.key -days 2 -set_serial 0x${Date.now().toString(16)} ` +
      '-extfile server.ext -out server.pem',
  );
  openssl(
    dir,
    `req -x509 ${KEY} -keyout self.key -out self.pem -days 2 -subj /CN=127.0.0.1 -addext ${SERVER_NAMES}`,
  );
  const read = (name: string) => readFileSync(join(dir, name), 'utf8');
  return {
    dir,
    caPem: join(dir, 'ca.pem'),
    serverKey: read('server.key'),
    serverCert: read('server.pem'),
    otherCaPem: join(dir, 'other-ca.pem'),
    selfSignedKey: read('self.key'),
    selfSignedCert: read('self.pem'),
  };
}
