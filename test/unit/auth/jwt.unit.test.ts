import fc from 'fast-check';
import { signJwt, verifyJwt } from '../../../client/auth/jwt';
import { coversPolicy } from '../../../client/auth/principal';
import { mintToken, readToken } from '../../../client/auth/tokens';

const SECRET = 'unit-secret-0123456789abcdef0123456789';
const NOW = Date.UTC(2026, 10, 25, 2, 0, 0);

describe('HS256 tokens', () => {
  it('round-trips any claims, and any change to header, payload or signature is refused', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.jsonValue()),
        fc.nat(2),
        (claims, part) => {
          const token = signJwt(claims, SECRET, NOW);
          const ok = verifyJwt(token, SECRET, NOW);
          expect(ok.ok).toBe(true);
          const parts = token.split('.');
          parts[part] = `${parts[part]!.slice(0, -2)}${parts[part]!.endsWith('AA') ? 'BB' : 'AA'}`;
          expect(verifyJwt(parts.join('.'), SECRET, NOW).ok).toBe(false);
        },
      ),
    );
  });

  it('refuses another secret, alg none, expiry and not-before', () => {
    const token = signJwt({ a: 1, exp: NOW / 1000 + 60, nbf: NOW / 1000 - 60 }, SECRET, NOW);
    expect(verifyJwt(token, 'another-secret-another-secret-12345', NOW)).toEqual({
      ok: false,
      failure: 'bad-signature',
    });
    expect(verifyJwt(token, SECRET, NOW + 61_000)).toEqual({ ok: false, failure: 'expired' });
    expect(verifyJwt(token, SECRET, NOW - 61_000)).toEqual({ ok: false, failure: 'not-yet-valid' });
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${token.split('.')[1]!}.`;
    expect(verifyJwt(none, SECRET, NOW)).toEqual({ ok: false, failure: 'bad-algorithm' });
    expect(verifyJwt('a.b', SECRET, NOW)).toEqual({ ok: false, failure: 'malformed' });
  });

  it('mints principals with an expiry and refuses tokens whose claims are not a principal', () => {
    const t = mintToken({ role: 'employee', sub: '198412142010011001' }, SECRET, NOW, 3600);
    expect(readToken(t, SECRET, NOW)).toEqual({
      ok: true,
      principal: { role: 'employee', sub: '198412142010011001' },
    });
    expect(readToken(t, SECRET, NOW + 3601_000)).toEqual({ ok: false, failure: 'expired' });
    expect(readToken(signJwt({ role: 'mayor', sub: 'x' }, SECRET, NOW), SECRET, NOW)).toEqual({
      ok: false,
      failure: 'bad-claims',
    });
    expect(readToken(signJwt({ role: 'hr', sub: 'x' }, SECRET, NOW), SECRET, NOW)).toEqual({
      ok: false,
      failure: 'bad-claims',
    });
    expect(() => mintToken({ role: 'hr', sub: 'x' }, SECRET, NOW)).toThrow(/unit: required/);
  });

  it('scopes HR tokens to named letters: a bare unit id (it repeats across jurisdictions) is refused', () => {
    // An HR token of Kebumen's setda signed before scoping: no `policies` claim, so it reaches nothing.
    expect(readToken(signJwt({ role: 'hr', sub: 'x', unit: 'setda' }, SECRET, NOW), SECRET, NOW)).toEqual({
      ok: false,
      failure: 'bad-claims',
    });
    expect(() => mintToken({ role: 'hr', sub: 'x', unit: 'setda' }, SECRET, NOW)).toThrow(
      /policies: required for role hr/,
    );
    const t = mintToken({ role: 'hr', sub: 'x', unit: 'setda', policies: ['kebumen-2023'] }, SECRET, NOW);
    const read = readToken(t, SECRET, NOW);
    expect(read).toEqual({
      ok: true,
      principal: { role: 'hr', sub: 'x', unit: 'setda', policies: ['kebumen-2023'] },
    });
    if (!read.ok) throw new Error('unreachable');
    expect(coversPolicy(read.principal, 'kebumen-2023')).toBe(true);
    expect(coversPolicy(read.principal, 'kukar-2021')).toBe(false);
    // Other roles may go unscoped (every letter) or be scoped the same way.
    expect(coversPolicy({ role: 'evaluator', sub: 'e' }, 'kukar-2021')).toBe(true);
    expect(coversPolicy({ role: 'evaluator', sub: 'e', policies: ['dki-2023'] }, 'kukar-2021')).toBe(false);
    expect(() => mintToken({ role: 'evaluator', sub: 'e', policies: ['Not An Id'] }, SECRET, NOW)).toThrow(
      /policies.0: must be a policy id/,
    );
  });
});
