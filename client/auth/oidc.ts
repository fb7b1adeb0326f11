/**
 * edaran as an OpenID Connect relying party (openid-client): discovery from the issuer, authorization code with
 * PKCE (S256), state and nonce, the NIP from a configured claim and the IdP roles (secretariat, evaluator) from
 * a configured claim of role or group names. Works with the ASN's SSO (Keycloak) and any OIDC provider.
 */
import * as client from 'openid-client';
import { type Role } from './principal';

/** The provider and the claims edaran reads. */
export interface OidcOptions {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret?: string;
  /** Claim holding the NIP (default `nip`). */
  readonly nipClaim: string;
  /** Claim holding role or group names, a dotted path allowed (default `roles`; e.g. `realm_access.roles`). */
  readonly rolesClaim: string;
  /** The IdP role/group names that make a secretariat or an evaluator. */
  readonly roleNames: Readonly<Partial<Record<'secretariat' | 'evaluator', string>>>;
  /** Scopes asked for (default `openid profile`). */
  readonly scope?: string;
}

/** What the sign-in needs to keep between the redirect and the callback. */
export interface OidcState {
  readonly verifier: string;
  readonly state: string;
  readonly nonce: string;
  readonly next: string;
}

/** A relying party bound to one provider (discovery is done once, on first use, and retried after a failure). */
export interface RelyingParty {
  /** The provider's authorization URL and the state to keep. */
  start(redirectUri: string, next: string): Promise<{ url: string; state: OidcState }>;
  /** Exchanges the callback's code; returns the claims of the ID token. */
  finish(callbackUrl: URL, state: OidcState): Promise<{ claims: Record<string, unknown>; idToken?: string }>;
  /** The provider's end-session URL, if it has one. */
  endSessionUrl(postLogoutRedirectUri: string, idToken?: string): Promise<string | undefined>;
}

const isLoopback = (u: URL): boolean => ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname);

/** Builds the relying party; an http issuer is accepted only on the loopback interface (tests, development). */
export function createRelyingParty(opts: OidcOptions): RelyingParty {
  let config: Promise<client.Configuration> | undefined;
  const configOf = (): Promise<client.Configuration> => {
    if (!config) {
      const issuer = new URL(opts.issuer);
      const insecure = issuer.protocol === 'http:';
      if (insecure && !isLoopback(issuer))
        throw new Error(`EDARAN_OIDC_ISSUER: must be https (http only on localhost), got ${opts.issuer}`);
      config = client.discovery(
        issuer,
        opts.clientId,
        opts.clientSecret,
        undefined,
        insecure ? { execute: [client.allowInsecureRequests] } : undefined,
      );
      config.catch(() => {
        config = undefined;
      });
    }
    return config;
  };
  return {
    async start(redirectUri, next) {
      const c = await configOf();
      const verifier = client.randomPKCECodeVerifier();
      const state = client.randomState();
      const nonce = client.randomNonce();
      const url = client.buildAuthorizationUrl(c, {
        redirect_uri: redirectUri,
        scope: opts.scope ?? 'openid profile',
        code_challenge: await client.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
      return { url: url.href, state: { verifier, state, nonce, next } };
    },
    async finish(callbackUrl, s) {
      const c = await configOf();
      const tokens = await client.authorizationCodeGrant(c, callbackUrl, {
        pkceCodeVerifier: s.verifier,
        expectedState: s.state,
        expectedNonce: s.nonce,
        idTokenExpected: true,
      });
      const claims = { ...(tokens.claims() ?? {}) } as Record<string, unknown>;
      return { claims, ...(tokens.id_token ? { idToken: tokens.id_token } : {}) };
    },
    async endSessionUrl(postLogoutRedirectUri, idToken) {
      const c = await configOf();
      if (!c.serverMetadata().end_session_endpoint) return undefined;
      return client.buildEndSessionUrl(c, {
        post_logout_redirect_uri: postLogoutRedirectUri,
        client_id: opts.clientId,
        ...(idToken ? { id_token_hint: idToken } : {}),
      }).href;
    },
  };
}

/** The value at a dotted path of the claims (`realm_access.roles`). */
function claimAt(claims: Record<string, unknown>, path: string): unknown {
  let v: unknown = claims;
  for (const part of path.split('.')) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<string, unknown>)[part];
  }
  return v;
}

/** The NIP and IdP roles in a provider's claims; an error naming the claim when the NIP is missing. */
export function identityOf(
  claims: Record<string, unknown>,
  opts: Pick<OidcOptions, 'nipClaim' | 'rolesClaim' | 'roleNames'>,
): { nip: string; name?: string; idpRoles: Role[] } {
  const nip = claimAt(claims, opts.nipClaim);
  if (typeof nip !== 'string' || nip.trim() === '')
    throw new Error(`${opts.nipClaim}: the identity provider sent no NIP in this claim`);
  const raw = claimAt(claims, opts.rolesClaim);
  const names = Array.isArray(raw) ? raw.filter((r): r is string => typeof r === 'string') : [];
  const idpRoles: Role[] = [];
  for (const role of ['secretariat', 'evaluator'] as const) {
    const wanted = opts.roleNames[role];
    // Group claims may carry a path (`/edaran/secretariat`): the last segment counts too.
    if (wanted && names.some((n) => n === wanted || n.split('/').pop() === wanted)) idpRoles.push(role);
  }
  const name = typeof claims.name === 'string' ? claims.name : undefined;
  return { nip: nip.trim(), ...(name ? { name } : {}), idpRoles };
}
