/**
 * Browser sessions for page tests that are not about signing in: the session cookie a sign-in would set (a
 * person, whose roles come from the letter's directory, or a narrow link principal), put into a Playwright
 * context. The sign-in itself is tested in test/browser/personal-link and keycloak-sign-in.
 */
import { type BrowserContext } from 'playwright-core';
import { keyRing } from '../../client/auth/keys';
import { type Role } from '../../client/auth/principal';
import { mintSession, SESSION_COOKIE } from '../../client/auth/session';

/** Signs the browser context in as the person `nip` (with extra IdP roles), replacing any session it had. */
export async function signInAs(
  context: BrowserContext,
  base: string,
  secret: string,
  nip: string,
  idpRoles: Role[] = [],
): Promise<void> {
  const value = await mintSession(
    keyRing(secret),
    { kind: 'person', via: 'dev', person: { sub: nip, idpRoles } },
    Date.now(),
  );
  await context.addCookies([{ name: SESSION_COOKIE, value, url: base, httpOnly: true, sameSite: 'Lax' }]);
}
