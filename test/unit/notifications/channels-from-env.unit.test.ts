import { channelsFromEnv } from '../../../activities/notifications/channels-from-env';

const HOOK = { EDARAN_WEBHOOK_URL: 'http://127.0.0.1:1/send', EDARAN_WEBHOOK_SECRET: 'a-secret-of-16-chars' };

describe('channelsFromEnv: the webhook after a crash mid-send', () => {
  it('holds an interrupted webhook as uncertain by default (at most once)', () => {
    expect(channelsFromEnv({ ...HOOK, EDARAN_OUTBOX_DIR: '/tmp/x' }).webhook?.onUncertain).toBe('hold');
    expect(
      channelsFromEnv({ ...HOOK, EDARAN_OUTBOX_DIR: '/tmp/x', EDARAN_WEBHOOK_RESEND_UNCERTAIN: '0' }).webhook
        ?.onUncertain,
    ).toBe('hold');
  });

  it('resends with the same key only when EDARAN_WEBHOOK_RESEND_UNCERTAIN=1 declares a deduplicating gateway', () => {
    expect(
      channelsFromEnv({ ...HOOK, EDARAN_OUTBOX_DIR: '/tmp/x', EDARAN_WEBHOOK_RESEND_UNCERTAIN: '1' }).webhook
        ?.onUncertain,
    ).toBe('resend');
  });

  it('refuses a value it does not understand, naming the variable', () => {
    expect(() =>
      channelsFromEnv({ ...HOOK, EDARAN_OUTBOX_DIR: '/tmp/x', EDARAN_WEBHOOK_RESEND_UNCERTAIN: 'yes' }),
    ).toThrow(/EDARAN_WEBHOOK_RESEND_UNCERTAIN: expected 1 or 0/);
  });
});
