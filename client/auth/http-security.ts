/**
 * The browser-facing protections of the API, through maintained fastify plugins: cookies (@fastify/cookie),
 * CSRF tokens for state-changing requests that a session cookie authenticates (@fastify/csrf-protection; bearer
 * requests carry no ambient credential and need none), and security headers (@fastify/helmet: CSP with
 * frame-ancestors 'none', nosniff, a strict referrer policy).
 */
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyHelmet from '@fastify/helmet';
import { type FastifyInstance, type FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from './session';

/** The header the pages send their CSRF token in. */
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** True when the request changes state and rides on the session cookie (not a bearer token). */
export function needsCsrf(req: FastifyRequest): boolean {
  return (
    !SAFE_METHODS.has(req.method) &&
    req.headers.authorization === undefined &&
    req.cookies[SESSION_COOKIE] !== undefined &&
    // The sign-in and link routes carry their own protections (state/PKCE, signed link) and set the session.
    !req.url.startsWith('/auth/')
  );
}

/** Registers cookies, CSRF protection and the security headers. `secure`: HTTPS only cookies and upgrades. */
export function registerHttpSecurity(
  app: FastifyInstance,
  opts: { secure: boolean; formActions?: readonly string[] },
): void {
  void app.register(fastifyCookie);
  void app.register(fastifyCsrf, {
    cookieKey: 'edaran_csrf',
    cookieOpts: { path: '/', sameSite: 'lax', httpOnly: true, secure: opts.secure },
    getToken: (req) => {
      const v = req.headers[CSRF_HEADER];
      return typeof v === 'string' ? v : undefined;
    },
  });
  void app.register(fastifyHelmet, {
    global: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        // The pages are single files with inline scripts and handlers (no build step); no other origin may run code.
        scriptSrc: ["'self'", "'unsafe-inline'"],
        scriptSrcAttr: ["'unsafe-inline'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'", ...(opts.formActions ?? [])],
        ...(opts.secure ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: opts.secure ? { maxAge: 31536000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onRequest', (req, reply, done) => {
    if (needsCsrf(req)) app.csrfProtection(req, reply, done);
    else done();
  });
}
