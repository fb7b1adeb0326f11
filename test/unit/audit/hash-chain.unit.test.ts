import fc from 'fast-check';
import { buildAuditChain, canonicalJson, GENESIS, lineHash, verifyAuditChain } from '../../../client/audit';

const events = [1, 2, 3, 4].map((seq) => ({
  seq,
  eventId: `e${seq}`,
  policyId: 'se-kebumen-2023',
  policyVersion: 1,
  type: seq === 1 ? 'PolicyIssued' : 'ReportAccepted',
  nip: '198502022010011002',
  occurredAt: `2023-12-0${seq}T02:00:00.000Z`,
  payload: { text: `Laporan hari ke-${seq}` },
}));
const exported = buildAuditChain('se-kebumen-2023', events, '2026-11-25T10:00:00.000Z');
const lines = exported.text.trimEnd().split('\n');
const join = (ls: readonly string[]): string => `${ls.join('\n')}\n`;

describe('canonicalJson', () => {
  it('sorts keys at every depth, drops undefined members, and is independent of key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 'x', null], c: true }, u: undefined })).toBe(
      '{"a":{"c":true,"d":[1,"x",null]},"b":1}',
    );
    expect(canonicalJson({ x: 1, y: 2 })).toBe(canonicalJson({ y: 2, x: 1 }));
  });
  it('refuses values JSON cannot carry', () => {
    expect(() => canonicalJson({ n: NaN })).toThrow(/NaN/);
    expect(() => canonicalJson(BigInt(1))).toThrow(/bigint/);
  });
  it('parses back to the same value (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => canonicalJson(JSON.parse(canonicalJson(v))) === canonicalJson(v)),
    );
  });
});

describe('audit hash chain', () => {
  it('has a header, one line per event and an end line, each chained to the previous hash', () => {
    expect(lines).toHaveLength(6);
    const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(parsed[0]).toMatchObject({
      kind: 'header',
      policyId: 'se-kebumen-2023',
      events: 4,
      prev: GENESIS,
    });
    expect(parsed[1]).toMatchObject({ kind: 'event', event: events[0] });
    expect(parsed[5]).toMatchObject({ kind: 'end', events: 4, hash: exported.head });
    for (let i = 1; i < parsed.length; i++) expect(parsed[i]?.prev).toBe(parsed[i - 1]?.hash);
    const { prev, hash, ...body } = parsed[2] as Record<string, unknown>;
    expect(hash).toBe(lineHash(prev as string, body));
  });

  it('verifies an intact file and reports its head', () => {
    expect(verifyAuditChain(exported.text)).toEqual({
      ok: true,
      policyId: 'se-kebumen-2023',
      events: 4,
      head: exported.head,
    });
    expect(verifyAuditChain(exported.text, exported.head).ok).toBe(true);
  });

  it('detects an edited line (even one space-free change in the payload) at that line', () => {
    const edited = [...lines];
    edited[2] = (edited[2] ?? '').replace('hari ke-2', 'hari ke-9');
    expect(verifyAuditChain(join(edited))).toEqual({
      ok: false,
      line: 3,
      reason: expect.stringMatching(/edited/),
    });
  });

  it('detects an edited line whose hash was recomputed, at the next line', () => {
    const edited = [...lines];
    const line = JSON.parse(edited[2] ?? '') as Record<string, unknown> & { event: { nip: string } };
    line.event.nip = '199001012015031001';
    const { prev, hash: _old, ...body } = line;
    edited[2] = JSON.stringify({ ...body, prev, hash: lineHash(prev as string, body) });
    expect(verifyAuditChain(join(edited))).toMatchObject({
      ok: false,
      line: 4,
      reason: expect.stringMatching(/prev/),
    });
  });

  it('detects a deleted, an inserted (duplicated) and a reordered line', () => {
    expect(verifyAuditChain(join(lines.filter((_, i) => i !== 3)))).toMatchObject({ ok: false, line: 4 });
    expect(verifyAuditChain(join([...lines.slice(0, 3), lines[2] ?? '', ...lines.slice(3)]))).toMatchObject({
      ok: false,
      line: 4,
    });
    const swapped = [...lines];
    [swapped[1], swapped[2]] = [swapped[2] ?? '', swapped[1] ?? ''];
    expect(verifyAuditChain(join(swapped))).toMatchObject({ ok: false, line: 2 });
  });

  it('detects truncation: whole lines cut off, a line cut in half, and an empty file', () => {
    expect(verifyAuditChain(join(lines.slice(0, 4)))).toEqual({
      ok: false,
      line: 4,
      reason: expect.stringMatching(/truncated/),
    });
    expect(verifyAuditChain(exported.text.slice(0, -40))).toMatchObject({ ok: false, line: 6 });
    expect(verifyAuditChain(exported.text.slice(0, -1))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/newline/),
    });
    expect(verifyAuditChain('')).toMatchObject({ ok: false, line: 1, reason: 'empty file' });
  });

  it('detects lines appended after the end, and a rebuilt chain when the head is known', () => {
    expect(verifyAuditChain(`${exported.text}${lines[1]}\n`)).toMatchObject({ ok: false, line: 7 });
    const rebuilt = buildAuditChain('se-kebumen-2023', events.slice(0, 3), '2026-11-25T10:00:00.000Z');
    expect(verifyAuditChain(rebuilt.text).ok).toBe(true);
    expect(verifyAuditChain(rebuilt.text, exported.head)).toMatchObject({
      ok: false,
      line: 5,
      reason: expect.stringMatching(/rebuilt/),
    });
  });

  it('detects any single-character change anywhere in the file (property)', () => {
    fc.assert(
      fc.property(fc.nat(exported.text.length - 2), fc.constantFrom('0', 'a', ' ', '}', '"'), (at, ch) => {
        fc.pre(exported.text[at] !== ch && exported.text[at] !== '\n');
        const changed = exported.text.slice(0, at) + ch + exported.text.slice(at + 1);
        return verifyAuditChain(changed).ok === false;
      }),
    );
  });
});
