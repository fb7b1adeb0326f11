/** Test helper: a throwaway CA with a server and a client certificate, made with the openssl CLI. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Paths of the generated PEM files. */
export interface TestPki {
  readonly dir: string;
  readonly caCert: string;
  readonly serverCert: string;
  readonly serverKey: string;
  readonly clientCert: string;
  readonly clientKey: string;
  /** A second CA's client pair, which the server must reject. */
  readonly strangerCert: string;
  readonly strangerKey: string;
}

/** The DNS name in the server certificate (not the address the test connects to: serverNameOverride bridges). */
export const SERVER_NAME = 'temporal.edaran.internal';
/** Common name of the client certificate. */
export const CLIENT_CN = 'edaran-worker';

export function makeTestPki(): TestPki {
  const dir = mkdtempSync(join(tmpdir(), 'edaran-pki-'));
  const f = (name: string): string => join(dir, name);
  const openssl = (...args: string[]): void => {
    execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  };
  const ca = (name: string): void =>
    openssl(
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-days',
      '2',
      '-subj',
      `/CN=${name}`,
      '-keyout',
      f(`${name}.key`),
      '-out',
      f(`${name}.pem`),
    );
  const leaf = (caName: string, name: string, cn: string, ext: string): void => {
    writeFileSync(f(`${name}.ext`), ext);
    openssl(
      'req',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-subj',
      `/CN=${cn}`,
      '-keyout',
      f(`${name}.key`),
      '-out',
      f(`${name}.csr`),
    );
    openssl(
      'x509',
      '-req',
      '-in',
      f(`${name}.csr`),
      '-CA',
      f(`${caName}.pem`),
      '-CAkey',
      f(`${caName}.key`),
      '-CAcreateserial',
      '-days',
      '2',
      '-extfile',
      f(`${name}.ext`),
      '-out',
      f(`${name}.pem`),
    );
  };
  ca('ca');
  ca('stranger-ca');
  leaf('ca', 'server', SERVER_NAME, `subjectAltName=DNS:${SERVER_NAME}\nextendedKeyUsage=serverAuth\n`);
  leaf('ca', 'client', CLIENT_CN, 'extendedKeyUsage=clientAuth\n');
  leaf('stranger-ca', 'stranger', 'intruder', 'extendedKeyUsage=clientAuth\n');
  return {
    dir,
    caCert: f('ca.pem'),
    serverCert: f('server.pem'),
    serverKey: f('server.key'),
    clientCert: f('client.pem'),
    clientKey: f('client.key'),
    strangerCert: f('stranger.pem'),
    strangerKey: f('stranger.key'),
  };
}
