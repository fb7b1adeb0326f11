import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadConfig, temporalConnectionOptions } from '../../../client/config';
import { CLIENT_CN, makeTestPki, SERVER_NAME } from './tls-certs';

/** The mTLS variables of client/config.ts, with real certificates made by openssl. */
describe('mTLS settings (TEMPORAL_TLS_*)', () => {
  const pki = makeTestPki();
  const env = {
    TEMPORAL_ADDRESS: 'temporal:7233',
    TEMPORAL_TLS_CERT_PATH: pki.clientCert,
    TEMPORAL_TLS_KEY_PATH: pki.clientKey,
    TEMPORAL_TLS_CA_PATH: pki.caCert,
    TEMPORAL_TLS_SERVER_NAME: SERVER_NAME,
  };

  it('generates a client certificate the CA really signed', () => {
    const ca = new X509Certificate(readFileSync(pki.caCert));
    const client = new X509Certificate(readFileSync(pki.clientCert));
    expect(client.verify(ca.publicKey)).toBe(true);
    expect(client.subject).toBe(`CN=${CLIENT_CN}`);
    expect(new X509Certificate(readFileSync(pki.strangerCert)).verify(ca.publicKey)).toBe(false);
  });

  it('turns the files into the tls option of the client and worker connections', () => {
    const options = temporalConnectionOptions(loadConfig(env), 'temporal:7233');
    expect(options).toEqual({
      address: 'temporal:7233',
      tls: {
        clientCertPair: { crt: readFileSync(pki.clientCert), key: readFileSync(pki.clientKey) },
        serverRootCACertificate: readFileSync(pki.caCert),
        serverNameOverride: SERVER_NAME,
      },
    });
    expect(options).not.toHaveProperty('apiKey');
  });

  it('leaves CA and server name out when unset (system roots, as for Temporal Cloud)', () => {
    const { TEMPORAL_TLS_CA_PATH: _ca, TEMPORAL_TLS_SERVER_NAME: _name, ...cloud } = env;
    const options = temporalConnectionOptions(loadConfig(cloud), 'ns.acct.tmprl.cloud:7233');
    expect('tls' in options ? options.tls : undefined).toEqual({
      clientCertPair: { crt: readFileSync(pki.clientCert), key: readFileSync(pki.clientKey) },
    });
  });

  it('refuses a certificate without its key (and the reverse), naming both variables', () => {
    const { TEMPORAL_TLS_KEY_PATH: _k, ...certOnly } = env;
    expect(() => loadConfig(certOnly)).toThrow(/TEMPORAL_TLS_CERT_PATH and TEMPORAL_TLS_KEY_PATH: set both/);
    const { TEMPORAL_TLS_CERT_PATH: _c, ...keyOnly } = env;
    expect(() => loadConfig(keyOnly)).toThrow(/set both or neither/);
  });
});
