/**
 * Bodies of requests without a valid bearer token are refused before they are parsed once they pass
 * {@link UNAUTHENTICATED_BODY_LIMIT}: by their Content-Length at once, or while a chunked body is read. So nobody
 * can make the server read and parse a 32 MiB JSON body without a token. The refusal is the 401 the route would
 * give (the token is what is missing), saying that the body was not read; small bodies reach the routes' own
 * checks. Requests with a valid token keep the API's and the route's limits.
 */
import { Transform, type TransformCallback } from 'node:stream';
import { type FastifyInstance } from 'fastify';
import { sendError } from './errors';
import { type SubjectOf } from './rate-limit';

/** Largest body of a request without a valid token, in bytes. */
export const UNAUTHENTICATED_BODY_LIMIT = 16 * 1024;

const tooLarge = (limit: number): string =>
  `(body): not read: larger than the ${limit} bytes taken without a valid access token`;

/** The code of the error that stops a chunked body without a token (framework-errors.ts maps it to 401). */
export const UNAUTHENTICATED_BODY = 'EDARAN_UNAUTHENTICATED_BODY';

/** Registers the check. */
export function registerBodyGuard(app: FastifyInstance, subjectOf: SubjectOf): void {
  app.addHook('onRequest', async (req, reply) => {
    if (subjectOf(req) !== undefined) return;
    const length = Number(req.headers['content-length'] ?? 0);
    if (length > UNAUTHENTICATED_BODY_LIMIT)
      return sendError(reply, 'UNAUTHENTICATED', { problems: [tooLarge(UNAUTHENTICATED_BODY_LIMIT)] });
  });
  app.addHook('preParsing', async (req, _reply, payload) => {
    if (subjectOf(req) !== undefined) return payload;
    let seen = 0;
    const counted = new Transform({
      transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
        seen += chunk.length;
        if (seen <= UNAUTHENTICATED_BODY_LIMIT) return done(null, chunk);
        done(
          Object.assign(new Error(tooLarge(UNAUTHENTICATED_BODY_LIMIT)), {
            statusCode: 401,
            code: UNAUTHENTICATED_BODY,
          }),
        );
      },
    });
    return payload.pipe(counted);
  });
}
