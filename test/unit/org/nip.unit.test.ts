import { checkNip, formatNip, formatNonAsnId, parseNonAsnId } from '../../../domain/org/nip';
import { parseIsoDate, type Ymd } from '../../../domain/org/dates';
import { emailProblem, phoneProblem } from '../../../domain/org/contact';

const asOf = parseIsoDate('2024-04-16') as Ymd;

describe('checkNip', () => {
  it('splits a valid NIP into birth date, appointment month, gender and sequence', () => {
    expect(checkNip('198503122010011002', asOf)).toEqual({
      ok: true,
      parts: { birthDate: '1985-03-12', appointmentMonth: '2010-01', gender: 'male', sequence: 2 },
    });
    expect(checkNip('199001012015032001', asOf)).toMatchObject({ ok: true, parts: { gender: 'female' } });
  });

  it.each([
    ['19850312201001100', /exactly 18 digits/],
    ['1985031220100110021', /exactly 18 digits/],
    ['19850312201001100a', /exactly 18 digits/],
    ['198513122010011002', /not a real birth date/],
    ['198502302010011002', /not a real birth date/],
    ['198503122010131002', /not an appointment month/],
    ['198503122010001002', /not an appointment month/],
    ['198503122010013002', /digit 15 \(gender\) must be 1 or 2, got "3"/],
    ['198503122010010002', /digit 15 \(gender\) must be 1 or 2, got "0"/],
    ['198503122010011000', /sequence\) must be 001-999/],
  ])('rejects %s', (nip, reason) => {
    const r = checkNip(nip, asOf);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });

  it('accepts 29 February only in leap years (2000 yes, 1900 and 1983 no)', () => {
    expect(checkNip('198402292010011001', asOf).ok).toBe(true);
    expect(checkNip('200002292020011001', asOf).ok).toBe(true);
    expect(checkNip('198302292010011001', asOf)).toMatchObject({ ok: false });
    const y1900 = checkNip('190002291925011001', parseIsoDate('1960-01-01') as Ymd);
    expect(y1900).toMatchObject({ ok: false, reason: expect.stringMatching(/not a real birth date/) });
  });

  it('requires the appointment no earlier than the month of the 18th birthday', () => {
    expect(checkNip('199005202008051001', asOf).ok).toBe(true);
    expect(checkNip('199005202008041001', asOf)).toMatchObject({
      ok: false,
      reason: 'appointment month 2008-04 is before the holder turned 18',
    });
  });

  it('rejects an appointment after the as-of month but accepts the as-of month itself', () => {
    expect(checkNip('199005202024041001', asOf).ok).toBe(true);
    expect(checkNip('199005202024051001', asOf)).toMatchObject({
      ok: false,
      reason: 'appointment month 2024-05 is after 2024-04-16',
    });
  });

  it('rejects a birth date after the as-of date', () => {
    expect(checkNip('202501012045011001', asOf)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/after/),
    });
  });

  it('formatNip builds what checkNip reads', () => {
    const nip = formatNip({ year: 1972, month: 2, day: 29 }, 1998, 3, 'female', 17);
    expect(nip).toBe('197202291998032017');
    expect(checkNip(nip, asOf)).toMatchObject({
      ok: true,
      parts: { birthDate: '1972-02-29', gender: 'female' },
    });
  });
});

describe('non-ASN ids', () => {
  it('round-trips NONASN-<unit>-<n>, also for dotted and hyphenated unit ids', () => {
    expect(formatNonAsnId('kemenpanrb.biro-hukum', 12)).toBe('NONASN-kemenpanrb.biro-hukum-12');
    expect(parseNonAsnId('NONASN-kemenpanrb.biro-hukum-12')).toEqual({
      unitId: 'kemenpanrb.biro-hukum',
      n: 12,
    });
  });

  it.each([
    'NONASN-dinkes',
    'NONASN-dinkes-0',
    'NONASN-dinkes-07',
    'nonasn-dinkes-1',
    'NONASN--1',
    'X-dinkes-1',
  ])('rejects %s', (id) => expect(parseNonAsnId(id)).toBeUndefined());
});

describe('contacts', () => {
  it.each(['081234567890', '+6281234567890', '0812-3456-7890', '+62 812 3456 7890', '0287381234'])(
    'accepts phone %s',
    (p) => expect(phoneProblem(p)).toBeUndefined(),
  );
  it.each(['6281234567890', '81234567890', '+6181234567890', '0812', '08123456789012345', '0812abc45678'])(
    'rejects phone %s',
    (p) => expect(phoneProblem(p)).toMatch(/not an Indonesian phone number/),
  );
  it('checks email shape', () => {
    expect(emailProblem('budi.santoso@kebumenkab.go.id')).toBeUndefined();
    expect(emailProblem('budi santoso@kebumenkab.go.id')).toMatch(/not a well-formed email/);
    expect(emailProblem('budi@localhost')).toMatch(/not a well-formed email/);
  });
});
