/**
 * The floor of `bench:day`'s morning notices: emails sent straight through the email channel (the worker's own
 * code, nodemailer) from the bench process to the same SMTP server, as many lanes at once as a worker runs
 * activities (100), under the same rate. No Temporal, no store, no templates: what is left is the channel and the
 * server. Measured on a sample (at most `sample` emails) and scaled to `count`.
 */
import { createEmailChannel } from '../../activities/notifications/email-channel';
import { createRateLimiter } from '../../activities/notifications/rate-limiter';
import { type OutboxMessage } from '../../activities/store/store';

/** What the baseline measured. */
export interface EmailBaseline {
  readonly count: number;
  readonly lanes: number;
  /** Seconds for `count` emails (the sample's time scaled). */
  readonly seconds: number;
}

export async function measureEmailBaseline(o: {
  readonly host: string;
  readonly port: number;
  readonly count: number;
  readonly perSecond: number;
  readonly sample?: number;
  readonly say: (line: string) => void;
}): Promise<EmailBaseline> {
  const lanes = 100;
  const n = Math.min(o.count, o.sample ?? 5_000);
  const channel = createEmailChannel({
    host: o.host,
    port: o.port,
    from: 'baseline <noreply@jakarta.go.id>',
  });
  const limiter = o.perSecond > 0 ? createRateLimiter({ perSecond: o.perSecond }) : undefined;
  const body = 'Yth. Pegawai,\n\nJadwal kerja Anda hari ini: WFH. '.padEnd(900, '.');
  let next = 0;
  const started = performance.now();
  const lane = async (): Promise<void> => {
    while (next < n) {
      const i = next++;
      await limiter?.acquire();
      const m = {
        key: `baseline/day/${i}/baseline/0/email`,
        nip: String(i),
        recipient: `pegawai.${i}@jakarta.go.id`,
        subject: 'Jadwal kerja hari ini',
        body,
      } as OutboxMessage;
      await channel.send(m);
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
  const sampleSeconds = (performance.now() - started) / 1000;
  await channel.close?.();
  o.say(`baseline: ${n} emails through the email channel in ${sampleSeconds.toFixed(1)} s`);
  return { count: o.count, lanes, seconds: (sampleSeconds * o.count) / n };
}
