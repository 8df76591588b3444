/** validate on generated signed CLRs: each broken one is reported with the verification code that fits. */
import { beforeAll, describe, expect, it } from 'vitest';
import { notPassed, runValidate } from './support.js';
import { writeSignedFixtures, type SignedFixtures } from './signed-fixtures.js';

let fx: SignedFixtures;
beforeAll(async () => {
  fx = await writeSignedFixtures();
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
    expect(code).toBe(0);
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
