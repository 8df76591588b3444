/**
 * validate on generated signed CLRs and OB 2.0 assertions: each broken one is reported with the
 * verification code that fits; a ClrSet given as a JWS is checked as its payload.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateCommand } from '../../src/cli/validate-command.js';
import type { CheckEvent, RunEvent } from '../../src/engine/events.js';
import { notPassed, runValidate } from './support.js';
import { writeSignedAssertionFixtures, writeSignedClrSet, writeSignedFixtures, type AssertionFixtures, type SignedFixtures } from './signed-fixtures.js';

let fx: SignedFixtures;
let ob: AssertionFixtures;
beforeAll(async () => {
  [fx, ob] = await Promise.all([writeSignedFixtures(), writeSignedAssertionFixtures()]);
});

/** The step codes that failed, from the check titles (one check call per code). */
const failedCodes = (checks: Awaited<ReturnType<typeof runValidate>>['checks']) =>
  checks.filter((c) => c.outcome === 'fail' && c.checkId === 'ensure-verification-step').map((c) => c.title.split(': ').pop());

describe('validate: signed CLRs served with --resolve', () => {
  it('a valid signed CLR verifies: schema, JSON-LD, signature, key ownership and revocation pass', async () => {
    const { code, checks } = await runValidate([fx.files.valid], { resolve: [fx.resolve] });
    expect(notPassed(checks)).toEqual([]);
    expect(code).toBe(0);
    const passed = checks.filter((c) => c.outcome === 'pass').map((c) => c.title.split(': ').pop());
    for (const step of ['signed.bad-signature', 'signed.key-not-owned', 'revocation.revoked', 'validity.expired']) expect(passed).toContain(step);
  });

  it.each([
    ['tampered', 'signed.bad-signature', 'CLR10-SIGNED-VERIFY'],
    ['keyNotOwned', 'signed.key-not-owned', 'CLR10-SIGNED-VERIFY'],
    ['expired', 'validity.expired', 'CLR10-EMBEDDED-VERIFY'],
    ['revoked', 'revocation.revoked', 'CLR10-SIGNED-VERIFY'],
  ] as const)('%s → %s', async (name, code, requirement) => {
    const run = await runValidate([fx.files[name]], { resolve: [fx.resolve] });
    expect(run.code, notPassed(run.checks).join('\n')).toBe(1);
    expect(failedCodes(run.checks)).toEqual([code]);
    const failing = run.checks.find((c) => c.outcome === 'fail')!;
    expect(failing.requirementIds).toContain(requirement);
    expect(failing.message.startsWith(`${code}: `)).toBe(true);
  });

  it('without --resolve or --allow-network the key is not verifiable: a skip with the reason, never a pass', async () => {
    const { code, checks } = await runValidate([fx.files.valid]);
    // The signature was not checked: inconclusive (exit 3), not a pass.
    expect(code).toBe(3);
    const key = checks.find((c) => c.title.endsWith('signed.key-unavailable'));
    expect(key).toMatchObject({ outcome: 'skip' });
    expect(key!.message).toMatch(/network access is not allowed/);
    expect(checks.some((c) => c.title.endsWith('signed.bad-signature') && c.outcome === 'pass')).toBe(false);
  });

  it('--schema-only checks the payload schema alone: a tampered CLR then passes, a schema-invalid one still fails', async () => {
    const tampered = await runValidate([fx.files.tampered], { resolve: [fx.resolve], schemaOnly: true });
    expect(tampered.code).toBe(0);
    expect(tampered.checks.map((c) => c.checkId)).toEqual(['ensure-parsed-document', 'ensure-clr-schema']);
    const { writeFileSync } = await import('node:fs');
    const broken = `${fx.dir}/../broken.json`;
    writeFileSync(broken, JSON.stringify({ '@context': 'https://purl.imsglobal.org/spec/clr/v1p0/context/clr_v1p0.jsonld', type: 'Clr', id: 'urn:example:x' }));
    expect((await runValidate([broken], { schemaOnly: true })).code).toBe(1);
  });

  it('a ClrSet holding the signed CLRs reports each record under its own name', async () => {
    const { readFileSync, writeFileSync } = await import('node:fs');
    const set = {
      '@context': 'https://purl.imsglobal.org/spec/clr/v1p0/context/clr_v1p0.jsonld',
      type: 'ClrSet',
      signedClrs: [readFileSync(fx.files.valid, 'utf8'), readFileSync(fx.files.tampered, 'utf8')],
    };
    const file = `${fx.dir}/../set.json`;
    writeFileSync(file, JSON.stringify(set));
    const { code, checks, events } = await runValidate([file], { resolve: [fx.resolve] });
    expect(events.find((e) => e.type === 'scenario-start')).toMatchObject({ scenarioId: 'validate-1-clr-set' });
    expect(code).toBe(1);
    const failing = checks.filter((c) => c.outcome === 'fail');
    expect(failing.map((c) => c.title)).toEqual(['ClrSet signedClrs[1]: signed.bad-signature']);
  });
});

describe('validate: signed OB 2.0 assertions (compact JWS) served with --resolve', () => {
  it('a valid one verifies: the payload passes the OB 2.0 schema, the signature, key ownership and revocation pass', async () => {
    const { code, checks, events } = await runValidate([ob.files.signed], { resolve: [ob.resolve] });
    expect(notPassed(checks)).toEqual([]);
    expect(code).toBe(0);
    expect(events.find((e) => e.type === 'scenario-start')).toMatchObject({ scenarioId: 'validate-1-assertion' });
    expect(checks.find((c) => c.checkId === 'ensure-schema-valid')).toMatchObject({ outcome: 'pass', title: 'Assertion matches its schema' });
    const passed = checks.filter((c) => c.outcome === 'pass' && c.checkId === 'ensure-verification-step').map((c) => c.title.split(': ').pop());
    for (const step of ['signed.malformed', 'signed.unsupported-alg', 'signed.payload-invalid', 'signed.bad-signature', 'signed.key-not-owned', 'revocation.revoked']) {
      expect(passed).toContain(step);
    }
  });

  it('a tampered one fails with signed.bad-signature and nothing else', async () => {
    const { code, checks } = await runValidate([ob.files.tampered], { resolve: [ob.resolve] });
    expect(code).toBe(1);
    expect(failedCodes(checks)).toEqual(['signed.bad-signature']);
    const failing = checks.filter((c) => c.outcome === 'fail');
    expect(failing).toHaveLength(1);
    expect(failing[0]!.requirementIds).toContain('OB20-SignedBadge');
    expect(failing[0]!.message).toMatch(/^signed\.bad-signature: /);
  });
});

describe('validate: a ClrSet given as a compact JWS', () => {
  /** validateCommand in process, keeping its output lines. */
  async function validate(file: string, type?: string): Promise<{ code: number; lines: string[]; checks: CheckEvent[]; events: RunEvent[] }> {
    const out = mkdtempSync(join(tmpdir(), 'lrc-validate-set-'));
    const lines: string[] = [];
    const code = await validateCommand([file], { out, reporter: ['json'], ...(type ? { type } : {}) }, (l) => lines.push(l));
    const events = readFileSync(join(out, 'events.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as RunEvent);
    return { code, lines, checks: events.filter((e): e is CheckEvent => e.type === 'check'), events };
  }

  it.each([['detected'], ['clr-set']])('the ClrSet schema check gets the decoded payload, not the string (--type %s)', async (type) => {
    const file = await writeSignedClrSet();
    const { code, lines, checks, events } = await validate(file, type === 'detected' ? undefined : type);
    expect(notPassed(checks).filter((l) => !l.startsWith('skip'))).toEqual([]);
    expect(code).toBe(0);
    expect(checks.find((c) => c.checkId === 'ensure-clr-schema' && c.title.startsWith('ClrSet '))).toMatchObject({ outcome: 'pass', message: expect.stringMatching(/^ClrSet is valid/) });
    // Its records are reached too (they were not when the set stayed a string).
    expect(checks.some((c) => c.checkId === 'ensure-clr-schema' && c.title.startsWith('ClrSet clrs[0] ') && c.outcome === 'pass')).toBe(true);
    expect(lines[0]).toBe(`${file}: a ClrSet given as a compact JWS; its payload is checked (CLR 1.0 signs Clrs, not ClrSets: the set's signature is not verified)`);
    // The report says so too, as a warning right after the run starts.
    expect(events[1]).toMatchObject({ type: 'notice', level: 'warning', code: 'envelope-signature-not-verified', message: lines[0] });
  });

  it('a payload that breaks the ClrSet schema fails where it breaks it', async () => {
    const file = await writeSignedClrSet((set) => ({ ...set, clrs: 'not a list' }));
    const { code, checks } = await validate(file, 'clr-set');
    expect(code).toBe(1);
    const schema = checks.find((c) => c.checkId === 'ensure-clr-schema')!;
    expect(schema.outcome).toBe('fail');
    expect(schema.message).toMatch(/^ClrSet does not match its schema: \/clrs /);
  });
});
