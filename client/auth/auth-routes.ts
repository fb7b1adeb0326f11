/**
 * Sign-in and sessions: GET /auth/session (who is signed in, and the CSRF token for the pages), /auth/login and
 * /auth/callback (OpenID Connect), /auth/logout, /auth/link (a personal link exchanged for a session, then a
 * clean URL), /auth/link/renew (a fresh link to the person's registered contact) and, in development without an
 * identity provider only, /auth/dev (sign in as one of the directory's people).
 */
import { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type NotificationActivities } from '../../activities/notifications';
import { type ChannelName, type Store } from '../../activities/store';
import { STAFF_ID_PATTERN } from '../../domain/lifecycle/unit-day/roster-entry';
import { authPage, devSignInPage, escapeHtml, type SamplePerson } from '../web/auth-pages';
import { type KeyRing } from './keys';
import { DEFAULT_LINK_TTL_SECONDS, linkUrl, mintLink, readLink, type Link } from './links';
import { createRelyingParty, identityOf, type OidcOptions, type OidcState } from './oidc';
import { type Principal, type Role } from './principal';
import { createRoleDeriver } from './roles';
import {
  DEFAULT_SESSION_TTL_SECONDS,
  mintSession,
  readSession,
  SESSION_COOKIE,
  sessionCookieOptions,
  type Session,
} from './session';
import { signToken, verifyToken } from './tokens';

/** How people sign in. */
export interface AuthOptions {
  /** Secure cookies and HTTPS-only headers (everywhere but development on http://localhost). */
  readonly secureCookies: boolean;
  /** Public base URL of the pages (redirects, links); default the request's own origin. */
  readonly publicUrl?: string;
  /** The identity provider; when absent there is no SSO. */
  readonly oidc?: OidcOptions;
  /** The development sign-in (no IdP, not production): lists the directory's people. */
  readonly devSignIn?: boolean;
  readonly sessionTtlSeconds?: number;
  readonly linkTtlSeconds?: number;
  /** Where a fresh link is queued (the outbox) and sent; without it no fresh link can be sent. */
  readonly notifications?: NotificationActivities;
  /** Channels a fresh link goes out on (the worker's: email/webhook when configured, else the file outbox). */
  readonly channels?: readonly ChannelName[];
}

const STATE_COOKIE = 'edaran_oidc';
const STATE_TTL_SECONDS = 600;

/** A local path to go on to after sign-in (never another origin). */
const nextPath = z
  .string()
  .max(2000)
  .regex(/^\/(?![/\\])[^\s]*$/, 'must be a path on this site')
  .catch('/report');

const linkQuery = z.object({ t: z.string().min(10).max(4000) });
const devForm = z.object({
  nip: z.string().regex(STAFF_ID_PATTERN, 'must be a NIP'),
  next: z.string().optional(),
  secretariat: z.string().optional(),
  evaluator: z.string().optional(),
});

/** The page a link opens, without any token in it. */
export function landingOf(link: Link): string {
  const q = `policy=${encodeURIComponent(link.policyId)}&date=${link.day}`;
  return link.purpose === 'report' ? `/report?${q}` : `/supervisor?${q}&person=${link.subject}`;
}

export function registerAuthRoutes(
  app: FastifyInstance,
  deps: { keys: KeyRing; store: Store; now: () => number; options: AuthOptions },
): void {
  const { keys, store, now, options } = deps;
  const rp = options.oidc ? createRelyingParty(options.oidc) : undefined;
  const roles = createRoleDeriver(store);
  const sessionTtl = options.sessionTtlSeconds ?? DEFAULT_SESSION_TTL_SECONDS;
  const baseOf = (req: FastifyRequest): string =>
    (options.publicUrl ?? `${req.protocol}://${req.host}`).replace(/\/+$/, '');

  const setSession = async (reply: FastifyReply, session: Session): Promise<void> => {
    const token = await mintSession(keys, session, now(), sessionTtl);
    reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(options.secureCookies, sessionTtl));
  };
  const currentSession = async (req: FastifyRequest): Promise<Session | undefined> => {
    const cookie = req.cookies[SESSION_COOKIE];
    if (!cookie) return undefined;
    const read = await readSession(keys, cookie, now());
    return read.ok ? read.session : undefined;
  };
  const html = (reply: FastifyReply, status: number, body: string): FastifyReply =>
    reply
      .code(status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(body);
  const signInOptions = (next: string): string =>
    rp || options.devSignIn
      ? `<a class="button" id="sign-in" href="/auth/login?next=${encodeURIComponent(next)}" data-t="signIn">Masuk</a>`
      : '';

  void app.register(async (auth) => {
    // Sign-in forms post urlencoded bodies; only these routes read them.
    auth.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 16 * 1024 },
      (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
    );

    auth.get('/auth/session', async (req, reply) => {
      const policy = z.object({ policy: z.string().max(80).optional() }).safeParse(req.query ?? {});
      const session = await currentSession(req);
      const csrfToken = reply.generateCsrf();
      reply.header('cache-control', 'no-store');
      const signIn = { sso: rp !== undefined, dev: options.devSignIn === true };
      if (!session) return { signedIn: false, signIn, csrfToken };
      const principals: Principal[] =
        session.kind === 'link'
          ? [session.principal]
          : await roles.principalsOf(session.person, policy.success ? policy.data.policy : undefined);
      const first = principals[0];
      return {
        signedIn: true,
        via: session.kind === 'link' ? 'link' : session.via,
        sub: first?.sub,
        name: first?.name ?? null,
        roles: [...new Set(principals.map((p) => p.role))],
        ...(session.kind === 'link'
          ? {
              scope: {
                policies: session.principal.policies,
                day: session.principal.day,
                person: session.principal.person,
              },
            }
          : {}),
        signIn,
        csrfToken,
      };
    });

    auth.get('/auth/login', async (req, reply) => {
      const next = nextPath.parse((req.query as { next?: unknown } | undefined)?.next);
      if (rp) {
        let started;
        try {
          started = await rp.start(`${baseOf(req)}/auth/callback`, next);
        } catch (err) {
          // The provider is unreachable or misconfigured: say so, and offer to try again.
          const why = err instanceof Error ? err.message : String(err);
          process.stderr.write(`[edaran] sign-in: the identity provider did not answer: ${why}\n`);
          return html(
            reply,
            502,
            authPage(
              'signInFailed',
              `<p data-t="signInFailedText"></p><p class="err" id="why">${escapeHtml(why)}</p><a class="button" id="sign-in" href="/auth/login?next=${encodeURIComponent(next)}" data-t="signIn">Masuk</a>`,
            ),
          );
        }
        const { url, state } = started;
        const token = await signToken(keys, 'oidc-state', { ...state }, now(), STATE_TTL_SECONDS);
        reply.setCookie(STATE_COOKIE, token, {
          ...sessionCookieOptions(options.secureCookies, STATE_TTL_SECONDS),
          path: '/auth/callback',
        });
        return reply.redirect(url, 302);
      }
      if (options.devSignIn) return reply.redirect(`/auth/dev?next=${encodeURIComponent(next)}`, 302);
      return html(reply, 503, authPage('noSignIn', `<p data-t="noSignInText"></p>`));
    });

    auth.get('/auth/callback', async (req, reply) => {
      const fail = (why: string): FastifyReply =>
        html(
          reply,
          400,
          authPage(
            'signInFailed',
            `<p data-t="signInFailedText"></p><p class="err" id="why">${escapeHtml(why)}</p>${signInOptions('/report')}`,
          ),
        );
      if (!rp || !options.oidc) return fail('no identity provider is configured (EDARAN_OIDC_ISSUER)');
      const cookie = req.cookies[STATE_COOKIE];
      const verified = cookie ? await verifyToken(keys, 'oidc-state', cookie, now()) : undefined;
      if (!verified?.ok)
        return fail('state: the sign-in took too long or began in another browser; try again');
      const state = verified.claims as unknown as OidcState;
      reply.clearCookie(STATE_COOKIE, { path: '/auth/callback' });
      let identity;
      try {
        const { claims, idToken } = await rp.finish(new URL(req.url, baseOf(req)), state);
        identity = { ...identityOf(claims, options.oidc), ...(idToken ? { idToken } : {}) };
      } catch (err) {
        return fail(err instanceof Error ? err.message : String(err));
      }
      if (!STAFF_ID_PATTERN.test(identity.nip))
        return fail(`${options.oidc.nipClaim}: "${identity.nip}" is not a NIP`);
      await setSession(reply, {
        kind: 'person',
        via: 'oidc',
        person: {
          sub: identity.nip,
          ...(identity.name ? { name: identity.name } : {}),
          idpRoles: identity.idpRoles,
        },
        ...(identity.idToken ? { idToken: identity.idToken } : {}),
      });
      return reply.redirect(nextPath.parse(state.next), 303);
    });

    auth.get('/auth/logout', async (_req, reply) =>
      html(
        reply,
        200,
        authPage(
          'signOut',
          `<form method="post" action="/auth/logout"><button class="primary" id="sign-out" data-t="signOut">Keluar</button></form>`,
        ),
      ),
    );

    auth.post('/auth/logout', async (req, reply) => {
      const session = await currentSession(req);
      reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(options.secureCookies));
      reply.clearCookie('edaran_csrf', { path: '/' });
      const done = `${baseOf(req)}/auth/signed-out`;
      if (rp && session?.kind === 'person' && session.via === 'oidc') {
        const end = await rp.endSessionUrl(done, session.idToken).catch(() => undefined);
        if (end) return reply.redirect(end, 303);
      }
      return reply.redirect('/auth/signed-out', 303);
    });

    auth.get('/auth/signed-out', async (_req, reply) =>
      html(reply, 200, authPage('signedOut', `<p data-t="signedOutText"></p>${signInOptions('/report')}`)),
    );

    auth.get('/auth/link', async (req, reply) => {
      const q = linkQuery.safeParse(req.query ?? {});
      const read: Awaited<ReturnType<typeof readLink>> = q.success
        ? await readLink(keys, q.data.t, now())
        : { ok: false, failure: 'malformed' };
      if (read.ok) {
        const link = read.link;
        const current = await currentSession(req);
        // A person already signed in (SSO) keeps their wider session; anyone else gets the link's narrow one.
        if (!(current?.kind === 'person' && current.person.sub === link.nip))
          await setSession(reply, { kind: 'link', principal: await principalOfLink(store, link) });
        // The token leaves the address bar: the clean URL has none.
        return reply.header('cache-control', 'no-store').redirect(landingOf(link), 303);
      }
      const expired = read.expiredLink;
      const renew =
        expired && q.success && options.notifications
          ? `<form method="post" action="/auth/link/renew"><input type="hidden" name="t" value="${escapeHtml(q.data.t)}"><button class="primary" id="renew" data-t="renew">Kirim tautan baru</button></form>`
          : '';
      const next = expired ? landingOf(expired) : '/report';
      return html(
        reply,
        expired ? 410 : 400,
        authPage(
          expired ? 'linkExpired' : 'linkInvalid',
          `<p data-t="${expired ? 'linkExpiredText' : 'linkInvalidText'}"></p>${signInOptions(next)}${renew}` +
            (!renew && !signInOptions(next) ? '<p data-t="askAdmin"></p>' : ''),
        ),
      );
    });

    auth.post('/auth/link/renew', async (req, reply) => {
      const q = linkQuery.safeParse(req.body ?? {});
      const read = q.success ? await readLink(keys, q.data.t, now()) : undefined;
      const link = read && (read.ok ? read.link : read.expiredLink);
      if (!link || !options.notifications)
        return html(
          reply,
          400,
          authPage('linkInvalid', `<p data-t="linkInvalidText"></p>${signInOptions('/report')}`),
        );
      const sent = await sendFreshLink(link, baseOf(req));
      return html(
        reply,
        sent ? 200 : 502,
        authPage(
          sent ? 'renewSent' : 'renewFailed',
          `<p data-t="${sent ? 'renewSentText' : 'renewFailedText'}"></p>${signInOptions(landingOf(link))}`,
        ),
      );
    });

    if (options.devSignIn && !options.oidc) {
      auth.get('/auth/dev', async (req, reply) => {
        const next = nextPath.parse((req.query as { next?: unknown } | undefined)?.next);
        return html(reply, 200, devSignInPage(await samplePeople(store), next));
      });
      auth.post('/auth/dev', async (req, reply) => {
        const form = devForm.safeParse(req.body ?? {});
        if (!form.success)
          return html(
            reply,
            400,
            authPage(
              'signInFailed',
              `<p class="err">nip: ${escapeHtml(form.error.issues[0]?.message ?? 'invalid')}</p>`,
            ),
          );
        const idpRoles: Role[] = [
          ...(form.data.secretariat ? (['secretariat'] as const) : []),
          ...(form.data.evaluator ? (['evaluator'] as const) : []),
        ];
        const person = (await samplePeople(store)).find((p) => p.nip === form.data.nip);
        await setSession(reply, {
          kind: 'person',
          via: 'dev',
          person: { sub: form.data.nip, ...(person ? { name: person.name } : {}), idpRoles },
        });
        return reply.redirect(nextPath.parse(form.data.next), 303);
      });
    }
  });

  /** Queues a fresh link to the person's registered contact (rate: one per person, day and 10 minutes). */
  async function sendFreshLink(link: Link, base: string): Promise<boolean> {
    const notifications = options.notifications;
    if (!notifications) return false;
    const nowMs = now();
    const url = linkUrl(
      base,
      await mintLink(keys, link, nowMs, options.linkTtlSeconds ?? DEFAULT_LINK_TTL_SECONDS),
    );
    const info = await store.directoryInfo({ policyId: link.policyId }).catch(() => undefined);
    const timeZone = info?.jurisdiction?.timeZone ?? 'Asia/Jakarta';
    // The idempotency key has a level: a bucket of ten minutes of the day keeps a flood of requests to one message.
    const bucket = 100 + Math.floor((nowMs % 86_400_000) / 600_000);
    const deadline =
      link.purpose === 'report' && link.deadline ? link.deadline : `${link.day}T23:59:00+07:00`;
    const item =
      link.purpose === 'report'
        ? {
            nip: link.nip,
            content: {
              kind: 'report-reminder' as const,
              day: link.day,
              reportDeadline: deadline,
              reportUrl: url,
              reminder: bucket,
            },
          }
        : {
            nip: link.subject,
            recipientNip: link.nip,
            content: {
              kind: 'escalation' as const,
              day: link.day,
              level: bucket,
              subjectName:
                (await store.employeeByNip({ policyId: link.policyId }, link.subject))?.name ?? link.subject,
              subjectNip: link.subject,
              reportDeadline: deadline,
              escalatedAt: new Date(nowMs).toISOString(),
              acknowledgeUrl: url,
            },
          };
    const enqueued = await notifications.enqueueNotifications({
      policyId: link.policyId,
      letterNumber: link.policyId,
      timeZone,
      channels: [...(options.channels ?? ['file'])],
      items: [item],
    });
    await notifications.dispatchNotifications({ policyId: link.policyId });
    return enqueued.failures.length === 0;
  }
}

/** The narrow principal a link signs in: one letter, one day, and for an escalation one person. */
async function principalOfLink(store: Store, link: Link): Promise<Principal> {
  const scope = { policies: [link.policyId], day: link.day };
  if (link.purpose === 'report') return { role: 'employee', sub: link.nip, ...scope };
  const chain = await store.supervisorChain({ policyId: link.policyId }, link.subject).catch(() => []);
  if (chain.some((e) => e.nip === link.nip))
    return { role: 'supervisor', sub: link.nip, person: link.subject, ...scope };
  // Not in the chain: the HR office the escalation went to, for that person's unit only.
  const subject = await store.employeeByNip({ policyId: link.policyId }, link.subject).catch(() => undefined);
  return { role: 'hr', sub: link.nip, unit: subject?.unitId ?? link.subject, person: link.subject, ...scope };
}

/** A few people of the newest directory, for the development sign-in: supervisors, HR office, staff. */
async function samplePeople(store: Store): Promise<SamplePerson[]> {
  const versions = await store.listDirectoryVersions();
  const newest = [...versions].sort((a, b) => (a.importedAt < b.importedAt ? 1 : -1))[0];
  if (!newest) return [];
  const org = await store.loadDirectory({ directoryVersion: newest.directoryVersion });
  const hrUnits = new Set(org.units.filter((u) => u.tags.includes('hr-office')).map((u) => u.id));
  const supervisors = new Set(org.employees.flatMap((e) => (e.supervisorNip ? [e.supervisorNip] : [])));
  const tagged = org.employees.map((e) => ({
    nip: e.nip,
    name: e.name,
    unitId: e.unitId,
    positionName: e.positionName,
    supervisor: supervisors.has(e.nip),
    hr: hrUnits.has(e.unitId),
  }));
  const pick = (f: (p: SamplePerson) => boolean, n: number): SamplePerson[] => tagged.filter(f).slice(0, n);
  const chosen = [
    ...pick((p) => p.supervisor && !p.hr, 6),
    ...pick((p) => p.hr, 3),
    ...pick((p) => !p.supervisor && !p.hr, 8),
  ];
  return [...new Map(chosen.map((p) => [p.nip, p])).values()];
}
