/** The worker container's liveness file, shared by deploy/worker-main.ts and the docker-compose health check. */

/** Touched while the worker is RUNNING; the health check fails when it is older than {@link LIVENESS_MAX_AGE_MS}. */
export const LIVENESS_FILE = '/tmp/edaran-worker.alive';
/** How often the worker touches the file. */
export const LIVENESS_EVERY_MS = 10_000;
/** Age after which the health check reports the worker unhealthy (three missed touches). */
export const LIVENESS_MAX_AGE_MS = 30_000;
