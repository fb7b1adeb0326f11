/**
 * The web pages served by the API. They carry no credentials: the session cookie does (set by a personal link,
 * SSO or the development sign-in; see client/auth/auth-routes.ts).
 */
import { type FastifyInstance } from 'fastify';
import { dashboardPage } from './dashboard-page';
import { reportPage } from './report-page';
import { supervisorPage } from './supervisor-page';

/** Registers /report, /supervisor and /dashboard (each rendered once). */
export function registerWebPages(app: FastifyInstance): void {
  const pages: Record<string, string> = {
    '/report': reportPage(),
    '/supervisor': supervisorPage(),
    '/dashboard': dashboardPage(),
  };
  for (const [path, html] of Object.entries(pages)) {
    app.get(path, async (_req, reply) =>
      reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').send(html),
    );
  }
}
