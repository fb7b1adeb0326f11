/**
 * One workflow bundle per test run. Bundling the workflows with webpack takes seconds of CPU each time, and a
 * dozen test files used to do it on their own; the jest global set-up builds it once (cached by the hash of the
 * sources that go into it) and hands its path to the test workers through EDARAN_TEST_WORKFLOW_BUNDLE.
 */
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { bundleWorkflowCode, DefaultLogger, type WorkflowBundlePath } from '@temporalio/worker';

const ROOT = resolve(__dirname, '../..');
export const BUNDLE_ENV = 'EDARAN_TEST_WORKFLOW_BUNDLE';

/** What a test gives Worker.create: the run's prebuilt bundle, or the sources when there is none. */
export function workflowSource(): { workflowBundle: WorkflowBundlePath } | { workflowsPath: string } {
  const path = process.env[BUNDLE_ENV];
  if (path && existsSync(path)) return { workflowBundle: { codePath: path } };
  return { workflowsPath: join(ROOT, 'workflows') };
}

/** The prebuilt bundle's path (built now when the global set-up did not run, e.g. a single file under a debugger). */
export async function workflowBundlePath(): Promise<WorkflowBundlePath> {
  const path = process.env[BUNDLE_ENV];
  if (path && existsSync(path)) return { codePath: path };
  return { codePath: await buildTestBundle() };
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) return sourceFiles(full);
      return entry.name.endsWith('.ts') ? [full] : [];
    })
    .sort();
}

/** Builds (or finds in the cache) the bundle of workflows/ and returns its path. */
export async function buildTestBundle(): Promise<string> {
  const hash = createHash('sha256');
  // Everything a workflow can import: its own folder and the pure domain, plus the SDK version in the lockfile.
  for (const file of [...sourceFiles(join(ROOT, 'workflows')), ...sourceFiles(join(ROOT, 'domain'))]) {
    hash.update(file.slice(ROOT.length)).update('\0').update(readFileSync(file)).update('\0');
  }
  hash.update(readFileSync(join(ROOT, 'package-lock.json')));
  const dir = join(process.env.EDARAN_CACHE_DIR ?? join(homedir(), '.cache', 'edaran'), 'test-bundles');
  const path = join(dir, `${hash.digest('hex').slice(0, 20)}.js`);
  if (existsSync(path)) return path;
  mkdirSync(dir, { recursive: true });
  const { code } = await bundleWorkflowCode({
    workflowsPath: join(ROOT, 'workflows'),
    logger: new DefaultLogger('WARN'),
  });
  const partial = `${path}.${process.pid}.tmp`;
  writeFileSync(partial, code);
  renameSync(partial, path);
  // Keep the five newest bundles.
  readdirSync(dir)
    .filter((name) => name.endsWith('.js'))
    .map((name) => ({ name, at: statSync(join(dir, name)).mtimeMs }))
    .sort((a, b) => b.at - a.at)
    .slice(5)
    .forEach(({ name }) => rmSync(join(dir, name), { force: true }));
  return path;
}
