import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { configSchema, loadConfig } from '../../../client/config';
import { codecEndpointEnv } from '../../../deploy/codec-env';
import { LIVENESS_FILE, LIVENESS_MAX_AGE_MS } from '../../../deploy/liveness';
import { SEARCH_ATTRIBUTES } from '../../../workflows/search-attributes';

const root = join(__dirname, '..', '..', '..');
const read = (f: string): string => readFileSync(join(root, f), 'utf8');

/** Variables the edaran services may set that are not in client/config.ts, and the file that reads each. */
const OTHER_VARS: Record<string, string> = {
  EDARAN_CODEC_KEYS: 'client/codec/codec-keys.ts',
  EDARAN_CODEC_PORT: 'deploy/codec-env.ts',
  EDARAN_CODEC_CORS_ORIGINS: 'deploy/codec-env.ts',
  EDARAN_PUBLIC_URL: 'worker/runtime.ts',
  EDARAN_JWT_SECRET: 'client/auth/keys.ts',
  EDARAN_SMTP_URL: 'activities/notifications/channels-from-env.ts',
  EDARAN_MAIL_FROM: 'activities/notifications/channels-from-env.ts',
  EDARAN_WEBHOOK_URL: 'activities/notifications/channels-from-env.ts',
  EDARAN_WEBHOOK_SECRET: 'activities/notifications/channels-from-env.ts',
};
/** Only meaningful for the embedded dev server of `npm run dev`. */
const DEV_ONLY = ['EDARAN_TEMPORAL_PORT', 'EDARAN_TEMPORAL_UI_PORT'];

/** The host environment compose would read from .env (passwords, keys). */
const HOST_ENV: Record<string, string> = {
  TEMPORAL_DB_PASSWORD: 'tpw',
  EDARAN_DB_PASSWORD: 'epw',
  EDARAN_JWT_SECRET: 'x'.repeat(32),
  EDARAN_CODEC_KEYS: `k1:${Buffer.alloc(32, 7).toString('base64')}`,
};

/** Compose interpolation: $$, ${VAR}, ${VAR:-default}, ${VAR:?message}. */
function interpolate(text: string, env: Record<string, string>): string {
  return text.replace(
    /\$\$|\$\{([A-Z0-9_]+)(?::([-?])([^}]*))?\}/g,
    (all, name: string, op: string, arg: string) => {
      if (all === '$$') return '$';
      const value = env[name];
      if (value !== undefined && value !== '') return value;
      if (op === '?') throw new Error(`${name}: ${arg}`);
      return op === '-' ? arg : '';
    },
  );
}

interface Service {
  image?: string;
  build?: string;
  command?: string[] | string;
  entrypoint?: string[];
  environment?: Record<string, string | number>;
  ports?: string[];
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
  restart?: string;
  container_name?: string;
}
type Compose = { services: Record<string, Service> };

const composeText = read('docker-compose.yml');
const compose = parse(interpolate(composeText, HOST_ENV), { merge: true }) as Compose;
const services = compose.services;
const svc = (name: string): Service => {
  const s = services[name];
  if (!s) throw new Error(`service ${name} is missing`);
  return s;
};
const envOf = (name: string): Record<string, string> =>
  // Docker passes `KEY:` (YAML null) as an empty variable, not the text "null".
  Object.fromEntries(
    Object.entries(svc(name).environment ?? {}).map(([k, v]) => [k, v === null ? '' : String(v)]),
  );
/** Published host:container ports as [hostIp, hostPort, containerPort]. */
const portsOf = (name: string): [string, number, number][] =>
  (svc(name).ports ?? []).map((p) => {
    const parts = p.split(':');
    const [ip, host, container] = parts.length === 3 ? parts : ['0.0.0.0', ...parts];
    return [ip ?? '', Number(host), Number(container)];
  });
const EDARAN = ['worker', 'api'];

describe('docker-compose.yml', () => {
  it('has the production services on official images, the edaran ones built from this repo', () => {
    expect(Object.keys(services).sort()).toEqual(
      ['api', 'edaran-db', 'temporal', 'temporal-db', 'temporal-setup', 'temporal-ui', 'worker'].sort(),
    );
    expect(svc('temporal').image).toMatch(/^temporalio\/(auto-setup|server):\d+\.\d+\.\d+$/);
    expect(svc('temporal-ui').image).toMatch(/^temporalio\/ui:\d+\.\d+\.\d+$/);
    for (const db of ['temporal-db', 'edaran-db']) expect(svc(db).image).toMatch(/^postgres:\d+$/);
    for (const s of EDARAN) {
      expect(svc(s).build).toBe('.');
      const command = svc(s).command;
      expect(Array.isArray(command)).toBe(true);
      const entry = (command as string[]).find((a) => a.endsWith('.ts'));
      expect(entry && existsSync(join(root, entry))).toBe(true);
    }
  });

  it('fails to render without the database passwords (they have no default)', () => {
    expect(() => interpolate(composeText, { TEMPORAL_DB_PASSWORD: 'x' })).toThrow(/EDARAN_DB_PASSWORD/);
    expect(() => interpolate(composeText, { EDARAN_DB_PASSWORD: 'x' })).toThrow(/TEMPORAL_DB_PASSWORD/);
  });

  it('gives every long-running service a health check, and waits on health (or completion) before starting', () => {
    for (const [name, s] of Object.entries(services)) {
      const oneShot = s.restart === 'no';
      const hasCheck = (s.healthcheck?.test.length ?? 0) > 1;
      if (!oneShot) expect({ name, hasCheck }).toEqual({ name, hasCheck: true });
      for (const [dep, { condition }] of Object.entries(s.depends_on ?? {})) {
        const target = svc(dep);
        const expected = target.restart === 'no' ? 'service_completed_successfully' : 'service_healthy';
        expect({ name, dep, condition }).toEqual({ name, dep, condition: expected });
        if (expected === 'service_healthy') expect(target.healthcheck).toBeDefined();
      }
    }
    // Only the set-up job may go without a health check.
    expect(Object.entries(services).flatMap(([n, s]) => (s.restart === 'no' ? [n] : []))).toEqual([
      'temporal-setup',
    ]);
    expect(Object.keys(svc('temporal').depends_on ?? {})).toEqual(['temporal-db']);
    for (const s of EDARAN)
      expect(Object.keys(svc(s).depends_on ?? {}).sort()).toEqual(['edaran-db', 'temporal-setup']);
  });

  it('sets only variables the code reads on the edaran services, and a configuration loadConfig accepts', () => {
    const known = new Set([...Object.keys(configSchema.shape), ...Object.keys(OTHER_VARS)]);
    for (const s of EDARAN) {
      const env = envOf(s);
      for (const name of Object.keys(env)) {
        expect({ service: s, name, known: known.has(name) }).toEqual({ service: s, name, known: true });
        expect(DEV_ONLY).not.toContain(name);
      }
      expect(() => loadConfig(env)).not.toThrow();
      expect(loadConfig(env)).toMatchObject({
        TEMPORAL_ADDRESS: 'temporal:7233',
        TEMPORAL_NAMESPACE: 'default',
      });
    }
    // The list of other variables is honest: each is really read where it says.
    for (const [name, file] of Object.entries(OTHER_VARS))
      expect({ name, read: read(file).includes(name) }).toEqual({ name, read: true });
  });

  it('points the worker and the API at the same Temporal, task queue and edaran database', () => {
    const [w, a] = [loadConfig(envOf('worker')), loadConfig(envOf('api'))];
    expect(w.EDARAN_TASK_QUEUE).toBe(a.EDARAN_TASK_QUEUE);
    expect(w.DATABASE_URL).toBe(a.DATABASE_URL);
    expect(envOf('worker').EDARAN_CODEC_KEYS).toBe(envOf('api').EDARAN_CODEC_KEYS);
    const url = new URL(w.DATABASE_URL ?? '');
    const db = envOf('edaran-db');
    expect([url.hostname, url.port, url.username, url.password, url.pathname]).toEqual([
      'edaran-db',
      '5432',
      db.POSTGRES_USER,
      db.POSTGRES_PASSWORD,
      `/${db.POSTGRES_DB}`,
    ]);
    const t = envOf('temporal');
    const tdb = envOf('temporal-db');
    expect([t.POSTGRES_SEEDS, t.POSTGRES_USER, t.POSTGRES_PWD]).toEqual([
      'temporal-db',
      tdb.POSTGRES_USER,
      tdb.POSTGRES_PASSWORD,
    ]);
    expect(t.DEFAULT_NAMESPACE).toBe(w.TEMPORAL_NAMESPACE);
    expect(envOf('temporal-ui').TEMPORAL_ADDRESS).toBe(w.TEMPORAL_ADDRESS);
    expect(w.TEMPORAL_ADDRESS).toBe(`temporal:${portsOf('temporal')[0]?.[2]}`);
  });

  it('publishes the API on EDARAN_HTTP_PORT, checks its health there, and keeps the codec endpoint local', () => {
    const env = envOf('api');
    const config = loadConfig(env);
    expect(config.EDARAN_HTTP_HOST).toBe('0.0.0.0');
    const ports = portsOf('api');
    expect(ports.some(([, , c]) => c === config.EDARAN_HTTP_PORT)).toBe(true);
    expect(svc('api').healthcheck?.test.join(' ')).toContain(`127.0.0.1:${config.EDARAN_HTTP_PORT}/healthz`);
    const codec = codecEndpointEnv(env);
    const codecPort = ports.find(([, , c]) => c === codec.EDARAN_CODEC_PORT);
    expect(codecPort?.[0]).toBe('127.0.0.1');
    const ui = envOf('temporal-ui');
    const endpoint = new URL(ui.TEMPORAL_CODEC_ENDPOINT ?? '');
    expect([endpoint.hostname, Number(endpoint.port), endpoint.pathname]).toEqual([
      'localhost',
      codecPort?.[1],
      '/codec',
    ]);
    const uiPort = portsOf('temporal-ui').find(([, , c]) => c === Number(ui.TEMPORAL_UI_PORT));
    expect(codec.EDARAN_CODEC_CORS_ORIGINS).toContain(`http://localhost:${uiPort?.[1]}`);
    expect(svc('temporal-ui').healthcheck?.test.join(' ')).toContain(`:${ui.TEMPORAL_UI_PORT}/`);
  });

  it('lets workers scale horizontally: no fixed name, no published port, a liveness file as health', () => {
    const worker = svc('worker');
    expect(worker.container_name).toBeUndefined();
    expect(worker.ports).toBeUndefined();
    const check = worker.healthcheck?.test.join(' ') ?? '';
    expect(check).toContain(LIVENESS_FILE);
    expect(check).toContain(`< ${LIVENESS_MAX_AGE_MS}`);
  });

  it("registers exactly edaran's search attributes in the namespace", () => {
    const script = (svc('temporal-setup').command as string[]).join('\n');
    const loops = [...script.matchAll(/for name in ([A-Za-z ]+); do/g)].map((m) =>
      (m[1] ?? '').trim().split(/\s+/),
    );
    expect(loops.length).toBe(2);
    for (const names of loops) expect(names.sort()).toEqual(SEARCH_ATTRIBUTES.map((k) => k.name).sort());
    expect(script).toContain('--type Keyword');
    expect(SEARCH_ATTRIBUTES.every((k) => k.type === 'KEYWORD')).toBe(true);
  });

  it('documents every variable the edaran services set in deploy/README.md', () => {
    const readme = read('deploy/README.md');
    for (const s of EDARAN)
      for (const name of Object.keys(envOf(s)))
        expect({ name, documented: readme.includes(name) }).toEqual({ name, documented: true });
  });
});

describe('Dockerfile and .dockerignore', () => {
  const dockerfile = read('Dockerfile');
  it('builds on node 20 slim with production dependencies only and copies every source folder the entry points need', () => {
    expect(dockerfile).toMatch(/^FROM node:20-[a-z]*-?slim/m);
    expect(dockerfile).toMatch(/npm ci --omit=dev/);
    for (const dir of ['domain', 'workflows', 'activities', 'client', 'worker', 'deploy']) {
      expect(dockerfile).toMatch(new RegExp(`^COPY ${dir} \\./${dir}$`, 'm'));
    }
    const cmd = /^CMD (\[.*\])$/m.exec(dockerfile)?.[1];
    const entry = (JSON.parse(cmd ?? '[]') as string[]).find((a) => a.endsWith('.ts'));
    expect(entry && existsSync(join(root, entry))).toBe(true);
  });
  it('keeps local state, secrets and host-built modules out of the build context', () => {
    const ignored = read('.dockerignore')
      .split('\n')
      .map((l) => l.trim());
    for (const p of ['node_modules', '.edaran', '.env', '.git']) expect(ignored).toContain(p);
  });
});
