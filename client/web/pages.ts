import { type FastifyInstance } from 'fastify';

/** Registers the web pages (filled in below). */
export function registerWebPages(app: FastifyInstance): void {
  void app;
}
