import { hostPort, workerEnvFrom } from '../../worker/worker-env';

describe("the worker's operational settings", () => {
  it('defaults to no metrics endpoints and a 30 s shutdown grace time', () => {
    expect(workerEnvFrom({})).toEqual({ EDARAN_SHUTDOWN_GRACE_SECONDS: 30 });
    expect(workerEnvFrom({ EDARAN_WORKER_METRICS_ADDRESS: '' })).toEqual({
      EDARAN_SHUTDOWN_GRACE_SECONDS: 30,
    });
  });

  it('reads both metrics addresses and the grace time', () => {
    expect(
      workerEnvFrom({
        EDARAN_WORKER_METRICS_ADDRESS: '0.0.0.0:9464',
        EDARAN_TEMPORAL_METRICS_ADDRESS: '0.0.0.0:9465',
        EDARAN_SHUTDOWN_GRACE_SECONDS: '45',
      }),
    ).toEqual({
      EDARAN_WORKER_METRICS_ADDRESS: '0.0.0.0:9464',
      EDARAN_TEMPORAL_METRICS_ADDRESS: '0.0.0.0:9465',
      EDARAN_SHUTDOWN_GRACE_SECONDS: 45,
    });
    expect(hostPort('0.0.0.0:9464')).toEqual({ host: '0.0.0.0', port: 9464 });
  });

  it('refuses bad values, naming the variable and the reason', () => {
    expect(() => workerEnvFrom({ EDARAN_WORKER_METRICS_ADDRESS: '9464' })).toThrow(
      /^EDARAN_WORKER_METRICS_ADDRESS: must be host:port/,
    );
    expect(() => workerEnvFrom({ EDARAN_TEMPORAL_METRICS_ADDRESS: 'http://x:1' })).toThrow(
      /EDARAN_TEMPORAL_METRICS_ADDRESS: must be host:port/,
    );
    expect(() => workerEnvFrom({ EDARAN_SHUTDOWN_GRACE_SECONDS: '-1' })).toThrow(
      /EDARAN_SHUTDOWN_GRACE_SECONDS: must be 0 or more/,
    );
  });
});
