import fc from 'fast-check';
import { SignJWT } from 'jose';
import { keyRing, signingKey } from '../../../client/auth/keys';
import { linkUrl, mintLink, readLink } from '../../../client/auth/links';
import { coversPolicy } from '../../../client/auth/principal';
import { mintToken, readToken, signToken, verifyToken } from '../../../client/auth/tokens';

const SECRET = 'unit-secret-0123456789abcdef0123456789';
const OLD = 'old-secret-0123456789abcdef0123456789ab';
const NOW = Date.UTC(2026, 10, 25, 2, 0, 0);

describe('tokens (jose, HS256 with a kid)', () => {
  it('round-trips any claims, and any change to header, payload or signature is refused', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.jsonValue()),
        fc.nat(2),
        async (claims, part) => {
          const token = await signToken(SECRET, 'api', claims, NOW, 60);
          expect((await verifyToken(SECRET, 'api', token, NOW)).ok).toBe(true);
          const parts = token.split('.');
          parts[part] = `${parts[part]!.slice(0, -2)}${parts[part]!.endsWith('AA') ? 'BB' : 'AA'}`;
          expect((await verifyToken(SECRET, 'api', parts.join('.'), NOW)).ok).toBe(false);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('names the key in the header; refuses another key, alg none, a missing exp, expiry and another use', async () => {
    const token = await signToken(SECRET, 'api', { a: 1 }, NOW, 60);
    const header = JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString()) as Record<
      string,
      unknown
    >;
    expect(header).toEqual({ alg: 'HS256', kid: signingKey(SECRET).kid, typ: 'JWT' });
    expect(await verifyToken('another-secret-another-secret-12345', 'api', token, NOW)).toEqual({
      ok: false,
      failure: 'unknown-key',
    });
    expect(await verifyToken(SECRET, 'api', token, NOW + 61_000)).toEqual({ ok: false, failure: 'expired' });
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', kid: header.kid })).toString('base64url')}.${token.split('.')[1]!}.`;
    expect((await verifyToken(SECRET, 'api', none, NOW)).ok).toBe(false);
    expect(await verifyToken(SECRET, 'api', 'a.b', NOW)).toEqual({ ok: false, failure: 'malformed' });
    // Signed with the right key and kid, but without `exp`: never accepted.
    const forever = await new SignJWT({ role: 'secretariat', sub: 'ops' })
      .setProtectedHeader({ alg: 'HS256', kid: signingKey(SECRET).kid })
      .setIssuer('edaran')
      .setAudience('edaran:api')
      .setIssuedAt(NOW / 1000)
      .sign(signingKey(SECRET).key);
    expect(await readToken(forever, SECRET, NOW)).toEqual({ ok: false, failure: 'missing-exp' });
    // A personal link is not a service token, nor a session.
    const link = await signToken(SECRET, 'link', { role: 'secretariat', sub: 'ops' }, NOW, 60);
    expect(await readToken(link, SECRET, NOW)).toEqual({ ok: false, failure: 'wrong-use' });
  });

  it('rotates: tokens of the previous key stay good, the new key signs, a dropped key is refused', async () => {
    const before = await mintToken({ role: 'secretariat', sub: 'ops' }, keyRing(OLD), NOW, 3600);
    const rotated = keyRing(SECRET, [OLD]);
    expect((await readToken(before, rotated, NOW)).ok).toBe(true);
    const after = await mintToken({ role: 'secretariat', sub: 'ops' }, rotated, NOW, 3600);
    const kid = (JSON.parse(Buffer.from(after.split('.')[0]!, 'base64url').toString()) as { kid: string })
      .kid;
    expect(kid).toBe(rotated.current.kid);
    expect(await readToken(before, keyRing(SECRET), NOW)).toEqual({ ok: false, failure: 'unknown-key' });
    expect(() => keyRing('short')).toThrow(/EDARAN_JWT_SECRET: must be at least 32 characters/);
  });

  it('mints principals with an expiry and refuses tokens whose claims are not a principal', async () => {
    const t = await mintToken({ role: 'employee', sub: '198412142010011001' }, SECRET, NOW, 3600);
    expect(await readToken(t, SECRET, NOW)).toEqual({
      ok: true,
      principal: { role: 'employee', sub: '198412142010011001' },
    });
    expect(await readToken(t, SECRET, NOW + 3601_000)).toEqual({ ok: false, failure: 'expired' });
    const mayor = await signToken(SECRET, 'api', { role: 'mayor', sub: 'x' }, NOW, 60);
    expect(await readToken(mayor, SECRET, NOW)).toEqual({ ok: false, failure: 'bad-claims' });
    const hr = await signToken(SECRET, 'api', { role: 'hr', sub: 'x' }, NOW, 60);
    expect(await readToken(hr, SECRET, NOW)).toEqual({ ok: false, failure: 'bad-claims' });
    await expect(mintToken({ role: 'hr', sub: 'x' }, SECRET, NOW)).rejects.toThrow(/unit: required/);
  });

  it('scopes HR tokens to named letters: a bare unit id (it repeats across jurisdictions) is refused', async () => {
    const bare = await signToken(SECRET, 'api', { role: 'hr', sub: 'x', unit: 'setda' }, NOW, 60);
    expect(await readToken(bare, SECRET, NOW)).toEqual({ ok: false, failure: 'bad-claims' });
    await expect(mintToken({ role: 'hr', sub: 'x', unit: 'setda' }, SECRET, NOW)).rejects.toThrow(
      /policies: required for role hr/,
    );
    const t = await mintToken(
      { role: 'hr', sub: 'x', unit: 'setda', policies: ['kebumen-2023'] },
      SECRET,
      NOW,
    );
    const read = await readToken(t, SECRET, NOW);
    expect(read).toEqual({
      ok: true,
      principal: { role: 'hr', sub: 'x', unit: 'setda', policies: ['kebumen-2023'] },
    });
    if (!read.ok) throw new Error('unreachable');
    expect(coversPolicy(read.principal, 'kebumen-2023')).toBe(true);
    expect(coversPolicy(read.principal, 'kukar-2021')).toBe(false);
    expect(coversPolicy({ role: 'evaluator', sub: 'e' }, 'kukar-2021')).toBe(true);
    expect(coversPolicy({ role: 'evaluator', sub: 'e', policies: ['dki-2023'] }, 'kukar-2021')).toBe(false);
    await expect(
      mintToken({ role: 'evaluator', sub: 'e', policies: ['Not An Id'] }, SECRET, NOW),
    ).rejects.toThrow(/policies.0: must be a policy id/);
  });
});

describe('personal links', () => {
  const ring = keyRing(SECRET);
  const link = {
    purpose: 'report',
    nip: '198412142010011001',
    policyId: 'kebumen-2023',
    day: '2026-12-07',
  } as const;

  it('read back while fresh; once expired they still name their person (for a fresh link), and nothing else', async () => {
    const t = await mintLink(ring, link, NOW, 600);
    expect(await readLink(ring, t, NOW)).toEqual({ ok: true, link });
    expect(await readLink(ring, t, NOW + 601_000)).toEqual({
      ok: false,
      failure: 'expired',
      expiredLink: link,
    });
    expect((await readLink(keyRing(OLD), t, NOW)).ok).toBe(false);
    // A link is not a service token.
    expect((await readToken(t, ring, NOW)).ok).toBe(false);
    expect(linkUrl('https://edaran.example.go.id/', t)).toBe(`https://edaran.example.go.id/auth/link?t=${t}`);
  });
});
