import { readFileSync } from 'node:fs';
import { createSecureServer, type Http2SecureServer, type ServerHttp2Stream } from 'node:http2';
import { type TLSSocket } from 'node:tls';
import { Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { loadConfig, temporalConnectionOptions } from '../../../client/config';
import { CLIENT_CN, makeTestPki, SERVER_NAME } from '../../unit/compose/tls-certs';

/**
 * The dev server cannot serve mTLS, so this stands in for a Temporal frontend: a gRPC-over-HTTP/2 endpoint that
 * requires a client certificate signed by our CA and answers every call with an empty message (a valid
 * GetSystemInfoResponse). The SDK's own connections (client and worker) connect to it with the options built from
 * TEMPORAL_TLS_*; the endpoint records which client certificate each call came with.
 */
describe('mTLS handshake of the SDK connections with the options from TEMPORAL_TLS_*', () => {
  const pki = makeTestPki();
  const peers: string[] = [];
  let server: Http2SecureServer;
  let address: string;

  beforeAll(async () => {
    server = createSecureServer({
      cert: readFileSync(pki.serverCert),
      key: readFileSync(pki.serverKey),
      ca: readFileSync(pki.caCert),
      requestCert: true,
      rejectUnauthorized: true,
      allowHTTP1: false,
    });
    server.on('stream', (stream: ServerHttp2Stream) => {
      const socket = stream.session?.socket as TLSSocket | undefined;
      peers.push(String(socket?.getPeerCertificate().subject?.CN ?? ''));
      stream.respond({ ':status': 200, 'content-type': 'application/grpc' }, { waitForTrailers: true });
      stream.on('wantTrailers', () => stream.sendTrailers({ 'grpc-status': '0', 'grpc-message': '' }));
      stream.resume();
      stream.on('end', () => stream.end(Buffer.from([0, 0, 0, 0, 0])));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const addr = server.address();
    address = `127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  const config = () =>
    loadConfig({
      TEMPORAL_ADDRESS: address,
      TEMPORAL_TLS_CERT_PATH: pki.clientCert,
      TEMPORAL_TLS_KEY_PATH: pki.clientKey,
      TEMPORAL_TLS_CA_PATH: pki.caCert,
      TEMPORAL_TLS_SERVER_NAME: SERVER_NAME,
    });

  it('client Connection presents the client certificate and verifies the server against the CA', async () => {
    peers.length = 0;
    const connection = await Connection.connect({
      ...temporalConnectionOptions(config(), address),
      connectTimeout: 5000,
    });
    try {
      await connection.workflowService.getSystemInfo({});
      expect(peers.length).toBeGreaterThan(0);
      expect(new Set(peers)).toEqual(new Set([CLIENT_CN]));
    } finally {
      await connection.close();
    }
  });

  it('worker NativeConnection (Rust core) does the same', async () => {
    peers.length = 0;
    const connection = await NativeConnection.connect(temporalConnectionOptions(config(), address));
    try {
      expect(peers).toContain(CLIENT_CN);
    } finally {
      await connection.close();
    }
  });

  it('fails without the client certificate, with a certificate of another CA, or with the wrong server name', async () => {
    const base = temporalConnectionOptions(config(), address);
    const tls = ('tls' in base ? base.tls : undefined) as Record<string, unknown>;
    expect(tls).toHaveProperty('clientCertPair');
    const attempt = (t: object) => Connection.connect({ address, tls: t, connectTimeout: 3000 });
    // Control: the same helper with the unchanged options connects.
    await (await attempt({ ...tls })).close();
    await expect(
      attempt({ serverRootCACertificate: tls.serverRootCACertificate, serverNameOverride: SERVER_NAME }),
    ).rejects.toThrow();
    await expect(
      attempt({
        ...tls,
        clientCertPair: { crt: readFileSync(pki.strangerCert), key: readFileSync(pki.strangerKey) },
      }),
    ).rejects.toThrow();
    await expect(attempt({ ...tls, serverNameOverride: 'other.example' })).rejects.toThrow();
  });
});
