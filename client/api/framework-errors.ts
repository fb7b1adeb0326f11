/**
 * The errors that come from below the routes — fastify's body parsers and router, @fastify/multipart and its
 * parser — as rows of the one error table: each gets a code, its bilingual message and a field naming what was
 * wrong. Nothing of fastify's own error format (`{ error: 'Bad Request', code: 'FST_…' }`) reaches a client.
 */
import { type FastifyError, type FastifyReply, type FastifyRequest } from 'fastify';
import { errorBody, type FieldProblem } from './errors';
import { MULTIPART_LIMITS } from './multipart';

/** A refusal: the status, the code of the table and what to say about it. */
export interface Refusal {
  readonly status: number;
  readonly code: string;
  readonly fields?: readonly FieldProblem[];
  readonly problems?: readonly string[];
}

const mib = (bytes: number): string => `${Math.round((bytes / 1024 / 1024) * 100) / 100} MiB`;

const body = (reason: string): readonly FieldProblem[] => [{ field: '(body)', reason }];

/** The refusal of an error thrown below (or out of) a route; undefined for a server fault (a 500). */
export function frameworkRefusal(
  err: Partial<Pick<FastifyError, 'code' | 'statusCode'>> & { message: string },
  bodyLimit: number,
): Refusal | undefined {
  const tooLarge = (): Refusal => ({
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
    fields: body(
      `larger than the limit of ${mib(bodyLimit)} (${bodyLimit} bytes); the server's operator can raise it ` +
        `with EDARAN_HTTP_BODY_LIMIT_MB`,
    ),
  });
  const tooMany = (what: string, limit: number): Refusal => ({
    status: 400,
    code: 'INVALID_INPUT',
    fields: body(`more than ${limit} ${what} in the form (each part the request takes, once)`),
  });
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
      return tooLarge();
    case 'FST_FIELDS_LIMIT':
      return tooMany('text fields', MULTIPART_LIMITS.fields);
    case 'FST_FILES_LIMIT':
      return tooMany('files', MULTIPART_LIMITS.files);
    case 'FST_PARTS_LIMIT':
      return tooMany('parts', MULTIPART_LIMITS.parts);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', problems: [err.message] };
    case 'EDARAN_UNAUTHENTICATED_BODY':
      return { status: 401, code: 'UNAUTHENTICATED', problems: [err.message] };
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return { status: 414, code: 'URI_TOO_LONG', fields: [{ field: '(path)', reason: err.message }] };
    case 'FST_ERR_BAD_URL':
      return { status: 400, code: 'INVALID_INPUT', fields: [{ field: '(path)', reason: err.message }] };
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
    case 'FST_PROTO_VIOLATION':
    case 'EDARAN_MALFORMED_MULTIPART':
      return { status: 400, code: 'MALFORMED_BODY', fields: body(err.message) };
    default:
      break;
  }
  const status = err.statusCode ?? 500;
  if (status === 413) return tooLarge();
  if (status === 415) return { status, code: 'UNSUPPORTED_MEDIA_TYPE', problems: [err.message] };
  // Any other parser refusal (e.g. JSON with a __proto__ key): the body cannot be taken as it is.
  if (status >= 400 && status < 500)
    return { status: 400, code: 'MALFORMED_BODY', fields: body(err.message) };
  return undefined;
}

/** Sends the refusal of `err`, or a 500 INTERNAL (logged) when it is a server fault. */
export function sendFrameworkError(
  err: Partial<Pick<FastifyError, 'code' | 'statusCode'>> & { message: string },
  reply: FastifyReply,
  bodyLimit: number,
): FastifyReply {
  const refusal = frameworkRefusal(err, bodyLimit);
  if (!refusal) {
    process.stderr.write(`[edaran] API error: ${err.message}\n`);
    return reply.code(500).send(errorBody('INTERNAL'));
  }
  const { status, code, ...extra } = refusal;
  return reply.code(status).send(errorBody(code, extra));
}

/**
 * The 404 of a path no route has, or the 405 of a method a path does not take (with the `Allow` header):
 * `routes` are the route patterns (fastify's `/a/:id/*` form) and their methods.
 */
export function sendUnmatched(
  req: FastifyRequest,
  reply: FastifyReply,
  routes: ReadonlyMap<string, ReadonlySet<string>>,
): FastifyReply {
  const path = req.url.split('?')[0] ?? req.url;
  // The path's own route, as the router picks it: a static segment before a parameter before a wildcard
  // (`/api/policies/preview` is not `/api/policies/:id`).
  let best: number[] | undefined;
  let allowed = new Set<string>();
  for (const [pattern, methods] of routes) {
    if (!patternRegExp(pattern).test(path)) continue;
    const rank = specificity(pattern);
    const order = best === undefined ? 1 : compareRanks(rank, best);
    if (order > 0) {
      best = rank;
      allowed = new Set(methods);
    } else if (order === 0) for (const m of methods) allowed.add(m);
  }
  if (allowed.size > 0 && !allowed.has(req.method)) {
    const allow = [...allowed].sort().join(', ');
    return reply
      .code(405)
      .header('allow', allow)
      .send(errorBody('METHOD_NOT_ALLOWED', { problems: [`${req.method} ${path}: allowed ${allow}`] }));
  }
  return reply.code(404).send(errorBody('NOT_FOUND', { problems: [`${req.method} ${path}`] }));
}

/** Per segment: 2 static, 1 parameter, 0 wildcard. */
const specificity = (pattern: string): number[] =>
  pattern.split('/').map((seg) => (seg === '*' ? 0 : seg.startsWith(':') ? 1 : 2));

const compareRanks = (a: readonly number[], b: readonly number[]): number => {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? -1) - (b[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
};

const compiled = new Map<string, RegExp>();
/** A route pattern as a regular expression of concrete paths (`:name` one segment, `*` the rest). */
function patternRegExp(pattern: string): RegExp {
  let re = compiled.get(pattern);
  if (!re) {
    const source = pattern
      .split('/')
      .map((seg) =>
        seg === '*' ? '.*' : seg.startsWith(':') ? '[^/]+' : seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
      )
      .join('/');
    re = new RegExp(`^${source}/?$`);
    compiled.set(pattern, re);
  }
  return re;
}
