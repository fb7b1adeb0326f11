import { parseEventEnvelopes } from '../../../activities/store/event-envelope';
import { toPgPlaceholders } from '../../../activities/store/postgres-db';

const good = {
  eventId: 'e1',
  policyId: 'p',
  policyVersion: 1,
  type: 'ReportAccepted',
  day: '2023-12-04',
  nip: '198502022010011002',
  occurredAt: '2023-12-04T02:00:00.000Z',
  payload: { x: 1 },
};

describe('parseEventEnvelopes', () => {
  it('accepts well-formed envelopes, with or without the optional keys', () => {
    const { day: _day, nip: _nip, ...minimal } = good;
    expect(
      parseEventEnvelopes([good, { ...minimal, eventId: 'e2', occurredAt: '2023-12-04T09:00:00+07:00' }]),
    ).toHaveLength(2);
  });

  it.each([
    [{ ...good, eventId: '' }, /^events\[0\]\.eventId: /],
    [{ ...good, day: '4/12/2023' }, /^events\[0\]\.day: expected an ISO day/],
    [{ ...good, type: 'report accepted' }, /^events\[0\]\.type: expected a PascalCase/],
    [{ ...good, occurredAt: 'yesterday' }, /^events\[0\]\.occurredAt: expected an ISO-8601 instant/],
    [{ ...good, policyVersion: 1.5 }, /^events\[0\]\.policyVersion: /],
    [{ ...good, payload: 'x' }, /^events\[0\]\.payload: /],
  ])('rejects %o naming the field', (bad, message) => {
    expect(() => parseEventEnvelopes([bad])).toThrow(message);
  });
});

describe('toPgPlaceholders', () => {
  it('numbers each ? in order', () => {
    expect(toPgPlaceholders('SELECT * FROM t WHERE a = ? AND b IN (?, ?)')).toBe(
      'SELECT * FROM t WHERE a = $1 AND b IN ($2, $3)',
    );
  });
});
