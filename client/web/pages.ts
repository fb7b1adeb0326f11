/**
 * The web pages served by the API (no login page: the token comes with the link, `#token=…`, or is pasted once).
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
    app.get(path, async (_req, reply) => reply.header('content-type', 'text/html; charset=utf-8').send(html));
  }
}
