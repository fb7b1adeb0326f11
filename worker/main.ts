/** Standalone worker: `npm run worker` (payload encryption when EDARAN_CODEC_KEYS is set). */
import { serveWorker } from './serve';

serveWorker({ name: 'worker' }).catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
