/**
 * Rate limits of the API, counted by @fastify/rate-limit: requests with a valid bearer token are counted per
 * token subject (role and id, so one employee cannot spend a colleague's allowance), requests without one per
 * client address. Over the limit the answer is 429 RATE_LIMITED from the error table, with Retry-After.
 *
 * Environment (per window of EDARAN_RATE_LIMIT_WINDOW_SECONDS, default 60; 0 turns a limit off):
 * - EDARAN_RATE_LIMIT_PER_SUBJECT, default 120: enough for a person's pages and reports, far below a flood;
 * - EDARAN_RATE_LIMIT_PER_ADDRESS, default 60: requests without a valid token (sign-in pages, bad tokens).
 */
import rateLimit from '@fastify/rate-limit';
import { type FastifyInstance, type FastifyRequest } from 'fastify';
import { readToken } from '../auth/tokens';
import { sendError } from './errors';

/** The limits; a `max` of 0 turns that limit off. */
export interface RateLimits {
  readonly perSubject: number;
  readonly perAddress: number;
  readonly windowSeconds: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = { perSubject: 120, perAddress: 60, windowSeconds: 60 };

/** No limits (tests of other things, benchmarks that measure the engine). */
export const NO_RATE_LIMITS: RateLimits = { perSubject: 0, perAddress: 0, windowSeconds: 60 };

/** The limits from the environment; a bad value is an error naming the variable. */
export function rateLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): RateLimits {
  const read = (name: string, fallback: number, min: number): number => {
    const raw = env[name]?.trim();
    if (!raw) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > 1_000_000)
      throw new Error(`${name}: must be a whole number from ${min} to 1000000, got "${raw}"`);
    return n;
  };
  return {
    perSubject: read('EDARAN_RATE_LIMIT_PER_SUBJECT', DEFAULT_RATE_LIMITS.perSubject, 0),
    perAddress: read('EDARAN_RATE_LIMIT_PER_ADDRESS', DEFAULT_RATE_LIMITS.perAddress, 0),
    windowSeconds: read('EDARAN_RATE_LIMIT_WINDOW_SECONDS', DEFAULT_RATE_LIMITS.windowSeconds, 1),
  };
}

/** Who a request is, by its bearer token: `role:sub` when the token is valid, else undefined. */
export type SubjectOf = (req: FastifyRequest) => string | undefined;

/** Reads the subject of a request's bearer token (verified, so a forged subject counts as no token). */
export function bearerSubject(jwtSecret: string, now: () => number): SubjectOf {
  const seen = new WeakMap<FastifyRequest, string | undefined>();
  return (req) => {
    if (seen.has(req)) return seen.get(req);
    const header = req.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    const read = token ? readToken(token, jwtSecret, now()) : undefined;
    const subject = read?.ok ? `${read.principal.role}:${read.principal.sub}` : undefined;
    seen.set(req, subject);
    return subject;
  };
}

/** Registers the limits on every /api route. */
export function registerRateLimits(app: FastifyInstance, limits: RateLimits, subjectOf: SubjectOf): void {
  if (limits.perSubject === 0 && limits.perAddress === 0) return;
  void app.register(rateLimit, { global: false, cache: 50_000 });
  const timeWindow = limits.windowSeconds * 1000;
  let limiters: { subject: Limiter; address: Limiter } | undefined;
  app.addHook('onRequest', async (req, reply) => {
    if (!req.url.startsWith('/api/')) return;
    limiters ??= {
      subject: app.createRateLimit({
        max: limits.perSubject,
        timeWindow,
        keyGenerator: (req) => subjectOf(req) ?? '',
      }),
      address: app.createRateLimit({ max: limits.perAddress, timeWindow }),
    };
    const subject = subjectOf(req);
    const [limiter, max, per] =
      subject === undefined
        ? [limiters.address, limits.perAddress, 'client address']
        : [limiters.subject, limits.perSubject, 'token subject'];
    if (max === 0) return;
    const result = await limiter(req);
    if (result.isAllowed || !result.isExceeded) return;
    void reply.header('retry-after', String(result.ttlInSeconds));
    return sendError(reply, 'RATE_LIMITED', {
      problems: [
        `more than ${max} requests in ${limits.windowSeconds} s for this ${per}; retry after ${result.ttlInSeconds} s`,
      ],
    });
  });
}

type Limiter = ReturnType<FastifyInstance['createRateLimit']>;
