import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run as policy } from '../../../client/commands/policy';
import { parsePolicyOrThrow, ServiceError } from '../../../client/policy-service';
import {
  parsePolicy,
  parseSelfContainedPolicy,
  policyDays,
  selfContainedPolicyText,
  withCalendarFiles,
} from '../../../domain/policy';
import { MINIMAL } from './fixture';

// The minimal letter runs 8–12 January 2024 (WITA); 10 January is cuti bersama in the calendar file.
const CUTI = 'name: Cuti bersama 2024\nextraNonWorkingDays:\n  - { date: 2024-01-10, name: Cuti bersama }\n';
const WITH_FILES = `${MINIMAL}calendar:\n  # shared by every letter of the regency\n  files: [cuti.yaml]\n`;

function parsed(text: string) {
  const r = parsePolicy(text);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.policy;
}

describe('parseSelfContainedPolicy: what the server accepts', () => {
  it('refuses a letter that still names calendar files, on the line of calendar.files, saying why', () => {
    const r = parseSelfContainedPolicy(WITH_FILES, { filename: 'p.yaml' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems).toEqual([
      {
        line: 44,
        path: 'calendar.files',
        reason: expect.stringMatching(/^the server cannot read calendar files; .*edaran policy issue/),
      },
    ]);
  });

  it('accepts a self-contained letter as parsePolicy does, and reports its other problems unchanged', () => {
    expect(parseSelfContainedPolicy(MINIMAL)).toEqual(parsePolicy(MINIMAL));
    const broken = MINIMAL.replace('maxWfhPercent: 50', 'maxWfhPercent: 120');
    expect(parseSelfContainedPolicy(broken)).toEqual(parsePolicy(broken));
  });

  it('the service refuses such a letter with a 400 naming the file, line and calendar.files', () => {
    let caught: unknown;
    try {
      parsePolicyOrThrow(WITH_FILES, 'p.yaml');
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ServiceError);
    const e = caught as ServiceError;
    expect([e.status, e.code]).toEqual([400, 'INVALID_POLICY']);
    expect(e.problems).toEqual([
      expect.stringMatching(/^p\.yaml:44: calendar\.files: the server cannot read/),
    ]);
  });
});

describe('selfContainedPolicyText: the letter with its calendar files merged in', () => {
  const merged = withCalendarFiles(parsed(WITH_FILES), [
    { extraNonWorkingDays: [{ date: '2024-01-10', name: 'Cuti bersama' }] },
  ]);

  it('has the files days, no calendar.files, and the same trial days as the CLI shows', () => {
    const text = selfContainedPolicyText(WITH_FILES, 'yaml', merged);
    const r = parseSelfContainedPolicy(text);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.policy.calendar?.files).toBeUndefined();
    expect(r.policy.calendar?.extraNonWorkingDays).toEqual([{ date: '2024-01-10', name: 'Cuti bersama' }]);
    expect(policyDays(r.policy).days).toEqual(['2024-01-08', '2024-01-09', '2024-01-11', '2024-01-12']);
    // Everything else as written, line for line (only spacing inside brackets may differ), comments included.
    const squeeze = (t: string): string[] =>
      t
        .split('\n')
        .slice(0, 41)
        .map((l) => l.replace(/\s+/g, ''));
    expect(squeeze(text)).toEqual(squeeze(MINIMAL));
    expect(text).toContain('# shared by every letter of the regency');
  });

  it('keeps JSON letters JSON', () => {
    const json = JSON.stringify({ ...parsed(MINIMAL), calendar: { files: ['cuti.yaml'] } });
    const text = selfContainedPolicyText(json, 'json', merged);
    const back = JSON.parse(text) as { calendar: Record<string, unknown> };
    expect(back.calendar).toEqual({ extraNonWorkingDays: [{ date: '2024-01-10', name: 'Cuti bersama' }] });
  });

  it('leaves a letter without calendar files as it is', () => {
    expect(selfContainedPolicyText(MINIMAL, 'yaml', parsed(MINIMAL))).toBe(MINIMAL);
  });
});

describe('edaran policy issue sends a self-contained letter', () => {
  let server: Server;
  let received: { policy?: string }[] = [];
  const env = { url: process.env.EDARAN_API_URL, token: process.env.EDARAN_TOKEN };

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        received.push(JSON.parse(body) as { policy?: string });
        res.writeHead(201, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            policyId: 'test-policy',
            workflowId: 'edaran.test-policy',
            directoryVersion: 'v1',
            days: [],
          }),
        );
      });
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    process.env.EDARAN_API_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    process.env.EDARAN_TOKEN = 'test-token';
  });
  afterAll(async () => {
    if (env.url === undefined) delete process.env.EDARAN_API_URL;
    else process.env.EDARAN_API_URL = env.url;
    if (env.token === undefined) delete process.env.EDARAN_TOKEN;
    else process.env.EDARAN_TOKEN = env.token;
    await new Promise((ok) => server.close(ok));
  });
  beforeEach(() => {
    received = [];
  });

  const quiet = async (fn: () => Promise<number>): Promise<{ code: number; err: string }> => {
    let err = '';
    const o = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const e = jest.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => {
      err += String(s);
      return true;
    });
    try {
      return { code: await fn(), err };
    } finally {
      o.mockRestore();
      e.mockRestore();
    }
  };

  it('merges the cuti bersama of the calendar file, so the server runs the days that policy show lists', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'edaran-issue-'));
    writeFileSync(join(dir, 'cuti.yaml'), CUTI);
    writeFileSync(join(dir, 'p.yaml'), WITH_FILES);
    // The letter's days (2024) are over: it is issued only with --force, after a warning naming them.
    const r = await quiet(() => policy(['issue', join(dir, 'p.yaml'), '--force']));
    expect(r.code).toBe(0);
    expect(r.err).toMatch(
      /^edaran policy issue: \d+ day\(s\) of this letter would run late if issued now:\n {2}2024-01-\d\d: the day is over/,
    );
    expect(r.err).toMatch(/issuing it anyway\n$/);
    expect(received).toHaveLength(1);
    const sent = parsePolicyOrThrow(received[0]!.policy!, 'p.yaml');
    expect(sent.calendar?.files).toBeUndefined();
    expect(policyDays(sent).days).not.toContain('2024-01-10');
  });

  it('a broken calendar file stops it before anything is sent, with FILE:LINE of the calendar file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'edaran-issue-'));
    writeFileSync(join(dir, 'cuti.yaml'), 'extraNonWorkingDays:\n  - { date: 2024-02-30, name: Salah }\n');
    writeFileSync(join(dir, 'p.yaml'), WITH_FILES);
    const r = await quiet(() => policy(['issue', join(dir, 'p.yaml')]));
    expect(r).toEqual({
      code: 1,
      err: `${join(dir, 'cuti.yaml')}:2: extraNonWorkingDays.0.date: must be a real date YYYY-MM-DD\n`,
    });
    expect(received).toHaveLength(0);
  });

  it('amend sends the merged letter too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'edaran-amend-'));
    writeFileSync(join(dir, 'cuti.yaml'), CUTI);
    writeFileSync(join(dir, 'p.yaml'), WITH_FILES);
    await quiet(() =>
      policy(['amend', 'test-policy', join(dir, 'p.yaml'), '--from', '2024-01-09', '--reason', 'cuti']),
    );
    expect(received).toHaveLength(1);
    expect(parsePolicyOrThrow(received[0]!.policy!, 'p.yaml').calendar?.extraNonWorkingDays).toEqual([
      { date: '2024-01-10', name: 'Cuti bersama' },
    ]);
  });
});
