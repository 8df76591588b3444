/** `conformance validate` and a CLR run as a user meets them: child processes, exit codes, one-line errors. */
import { createServer } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { buildClr } from '../../src/scenarios/clr/support/fixture-clr.js';
import { officialDataFor } from '../../../test/support/environment.js';
import { DEMO_AUTH_FIELDS } from '../support/config.js';
import { startReferenceStack } from '../support/stack.js';
import { writeSignedFixtures, type SignedFixtures } from './signed-fixtures.js';
import { waitForClrApi } from './support.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const CLI = join(ROOT, 'conformance/src/cli.ts');
const EXAMPLES = ['ob/v2p1/examples/ob-spec-v2p1-example-manifest.json', 'ob/v2p0/validator-core-fixtures/1_1_basic_assertion.json'] as const;
const official = officialDataFor('The validate CLI tests on official examples', EXAMPLES);
const [MANIFEST, OB11_ASSERTION] = EXAMPLES.map((rel) => official?.file(rel) ?? '');

const cli = (...args: string[]) => runCli(args);

const tmp = () => mkdtempSync(join(tmpdir(), 'lrc-validate-cli-'));
let fx: SignedFixtures;
beforeAll(async () => {
  fx = await writeSignedFixtures();
});

describe.concurrent('conformance validate (child process)', () => {
  it('exits 0 for a valid document and writes the reports of a run', async () => {
    const out = join(tmp(), 'run');
    const r = await cli('validate', fx.files.valid, '--resolve', fx.resolve, '--out', out, '--reporter', 'json', '--reporter', 'junit');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'))).toMatchObject({ exitCode: 0, verdict: 'pass' });
    expect(existsSync(join(out, 'junit.xml'))).toBe(true);
    expect(readFileSync(join(out, 'events.jsonl'), 'utf8')).toContain('"planId":"validate"');
  }, 60_000);

  it('exits 1 when a document fails, and checks several documents in one run', async () => {
    const r = await cli('validate', fx.files.valid, fx.files.tampered, '--resolve', fx.resolve, '--out', join(tmp(), 'run'), '--reporter', 'console');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('validate-2-clr');
    expect(r.stdout).toContain('signed.bad-signature');
  }, 60_000);

  it('honours --type over detection', async () => {
    const file = join(tmp(), 'clr.json');
    writeFileSync(file, JSON.stringify(buildClr('learner@example.org')));
    const r = await cli('validate', file, '--type', 'assertion', '--out', join(tmp(), 'run'), '--reporter', 'json');
    expect(r.code).toBe(1);
    const ok = await cli('validate', file, '--type', 'clr', '--out', join(tmp(), 'run'), '--reporter', 'json');
    expect(ok.code, ok.stdout).toBe(0);
  }, 60_000);

  const needOfficial: [string, string[], string][] = [
    ['an unknown --type', ['validate', MANIFEST!, '--type', 'badge'], '--type "badge" is not one of'],
    ['a --resolve without a directory', ['validate', MANIFEST!, '--resolve', 'https://issuer.example.org/=/nonexistent'], 'no directory at /nonexistent'],
    ['an Open Badges 1.1 assertion', ['validate', OB11_ASSERTION!], 'is an Open Badges 1.1 Assertion (@context https://w3id.org/openbadges/v1), not an Open Badges 2.0 document'],
  ];
  it.each([
    ['a missing file', ['validate', '/nonexistent/clr.json'], 'cannot read /nonexistent/clr.json: no such file (ENOENT)'],
    ['an unreadable URL', ['validate', 'http://127.0.0.1:9/clr.json', '--timeout', '2000'], 'cannot read http://127.0.0.1:9/clr.json'],
    ['a document of no known kind', ['validate', join(ROOT, 'package.json')], 'cannot tell what'],
    ...(official ? needOfficial : []),
  ])('%s: one line on stderr, exit 2', async (_name, args, message) => {
    const r = await cli(...args);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/\bat .+:\d+:\d+/);
  }, 60_000);
});

describe.runIf(official)('conformance validate <URL>', () => {
  let server: ReturnType<typeof createServer>;
  let base = '';
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/manifest.json') res.writeHead(200, { 'content-type': 'application/json' }).end(readFileSync(MANIFEST!));
      else res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('reads a document from a URL, and names a URL that answers 404', async () => {
    expect((await cli('validate', `${base}/manifest.json`, '--out', join(tmp(), 'run'), '--reporter', 'json')).code).toBe(0);
    const missing = await cli('validate', `${base}/missing.json`);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim()).toBe(`conformance: cannot read ${base}/missing.json: HTTP 404`);
  }, 60_000);
});

describe('conformance run --plan clr-provider (child process)', () => {
  it('takes an origin as target and passes against the reference stack', async () => {
    const stack = await startReferenceStack();
    try {
      await waitForClrApi(stack.providerOrigin);
      const out = join(tmp(), 'run');
      const auth = Object.entries(DEMO_AUTH_FIELDS).flatMap(([k, v]) => ['--auth-field', `${k}=${v}`]);
      const r = await cli('run', '--plan', 'clr-provider', '--target', stack.providerOrigin, ...auth, '--out', out, '--reporter', 'json', '--no-sign');
      expect(r.code, r.stdout + r.stderr).toBe(0);
      const start = JSON.parse(readFileSync(join(out, 'events.jsonl'), 'utf8').split('\n')[0]!);
      expect(start.options.manifestUrl).toBe(`${stack.providerOrigin}/ims/clr/v1p0/discovery`);
    } finally {
      await stack.close();
    }
  }, 90_000);
});
