import fc from 'fast-check';
import { keyDigest } from '../../../activities/notifications/channel';
import { messageIdFor } from '../../../activities/notifications/email-channel';
import { notificationKey, type KeyParts } from '../../../activities/notifications/idempotency-key';
import { CHANNEL_NAMES } from '../../../activities/store/store';

const parts = fc.record({
  policyId: fc.string({ minLength: 1 }),
  day: fc.string({ minLength: 1 }),
  nip: fc.string({ minLength: 1 }),
  kind: fc.string({ minLength: 1 }),
  level: fc.nat(5),
  channel: fc.constantFrom(...CHANNEL_NAMES),
});

describe('notificationKey', () => {
  it('is readable for ordinary parts', () => {
    const key = notificationKey({
      policyId: 'kukar-2021',
      day: '2021-01-27',
      nip: '198502022010011002',
      kind: 'escalation',
      level: 2,
      channel: 'email',
    });
    expect(key).toBe('kukar-2021/2021-01-27/198502022010011002/escalation/2/email');
  });

  it('is injective: different parts never share a key, even with "/" inside a part', () => {
    fc.assert(
      fc.property(parts, parts, (a: KeyParts, b: KeyParts) => {
        const same = JSON.stringify(a) === JSON.stringify(b);
        return same === (notificationKey(a) === notificationKey(b));
      }),
    );
    const a = { policyId: 'a/b', day: 'c', nip: 'n', kind: 'k', level: 0, channel: 'email' as const };
    const b = { policyId: 'a', day: 'b/c', nip: 'n', kind: 'k', level: 0, channel: 'email' as const };
    expect(notificationKey(a)).not.toBe(notificationKey(b));
  });

  it('names the unit of a recap, and only of a recap: other kinds keep their keys', () => {
    const base = {
      policyId: 'kukar-2021',
      day: '2021-01-27',
      nip: '197001011995031001',
      kind: 'hr-recap',
      level: 0,
      channel: 'email' as const,
    };
    const dinkes = notificationKey({ ...base, unit: 'dinkes' });
    const bkpsdm = notificationKey({ ...base, unit: 'bkpsdm' });
    expect(dinkes).toBe('kukar-2021/2021-01-27/197001011995031001/hr-recap/0/unit:dinkes/email');
    expect(dinkes).not.toBe(bkpsdm);
    expect(notificationKey({ ...base, kind: 'late-notice' })).toBe(
      'kukar-2021/2021-01-27/197001011995031001/late-notice/0/email',
    );
    fc.assert(
      fc.property(parts, fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (p, u, v) => {
        return (u === v) === (notificationKey({ ...p, unit: u }) === notificationKey({ ...p, unit: v }));
      }),
    );
    expect(notificationKey({ ...base, unit: '' })).not.toBe(notificationKey(base));
  });

  it('derives a stable, RFC 5322-safe Message-ID from the key', () => {
    const id = messageIdFor('kukar-2021/2021-01-27/1/roster-notice/0/email', 'kukarkab.go.id');
    expect(id).toBe(messageIdFor('kukar-2021/2021-01-27/1/roster-notice/0/email', 'kukarkab.go.id'));
    expect(id).toMatch(/^<[0-9a-f]{32}@kukarkab\.go\.id>$/);
    expect(keyDigest('a')).not.toBe(keyDigest('b'));
  });
});
