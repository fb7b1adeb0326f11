/**
 * The worker of docker-compose.yml: the standard worker (worker/serve.ts, payload encryption when
 * EDARAN_CODEC_KEYS is set) plus a liveness file for the container health check, touched while it is RUNNING.
 */
import { serveWorker } from '../worker/serve';
import { LIVENESS_EVERY_MS, LIVENESS_FILE } from './liveness';

// The worker signs the personal links in messages: with the API's key, or the links would not open.
if (!process.env.EDARAN_JWT_SECRET?.trim()) {
  console.error(
    '[worker] EDARAN_JWT_SECRET: required (the same value as the API: it signs the links in messages)',
  );
  process.exit(1);
}

serveWorker({ name: 'worker', liveness: { file: LIVENESS_FILE, everyMs: LIVENESS_EVERY_MS } }).catch(
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
