/**
 * Baked badges: the assertion carried by a PNG `openbadges` iTXt chunk or an SVG <openbadges:assertion>
 * element, baked in the test from valid assertions (bake.ts), and named mutations of the baking.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/engine/errors.js';
import { writeSignedAssertionFixtures, type AssertionFixtures } from '../clr/signed-fixtures.js';
import { notPassed, runValidate } from '../clr/support.js';
import { bakePng, bakeSvg, type PngOptions, type SvgOptions } from './bake.js';

let fx: AssertionFixtures;
let hostedJson = '';
let hostedId = '';
let jws = '';
const dir = mkdtempSync(join(tmpdir(), 'lrc-baked-'));
let n = 0;

beforeAll(async () => {
  fx = await writeSignedAssertionFixtures();
  hostedJson = readFileSync(fx.files.hosted, 'utf8');
  hostedId = (JSON.parse(hostedJson) as { id: string }).id;
  jws = readFileSync(fx.files.signed, 'utf8').trim();
});

const write = (name: string, content: Buffer | string) => {
  const file = join(dir, `${++n}-${name}`);
  writeFileSync(file, content);
  return file;
};
const png = (text: string, options?: PngOptions) => write('badge.png', bakePng(text, options));
const svg = (options: SvgOptions) => write('badge.svg', bakeSvg(options));
const validate = (file: string) => runValidate([file], { resolve: [fx.resolve] });
const baking = (checks: Awaited<ReturnType<typeof validate>>['checks']) => checks.find((c) => c.checkId === 'ensure-baked-badge');
const stepOutcome = (checks: Awaited<ReturnType<typeof validate>>['checks'], code: string) => checks.find((c) => c.title.endsWith(`: ${code}`))?.outcome;

describe('validate: baked PNG', () => {
  it.each([
    ['the hosted assertion JSON', () => hostedJson, 'assertion JSON', 'hosted.mismatch'],
    ['the signed assertion (compact JWS)', () => jws, 'a compact JWS', 'signed.bad-signature'],
    ['the hosted assertion URL', () => hostedId, 'an assertion URL', 'hosted.mismatch'],
  ])('carrying %s: the baking and the assertion pass', async (_what, text, carried, step) => {
    const { code, checks, events } = await validate(png(text()));
    expect(notPassed(checks)).toEqual([]);
    expect(code).toBe(0);
    expect(events.find((e) => e.type === 'scenario-start')).toMatchObject({ scenarioId: 'validate-1-assertion' });
    expect(baking(checks)).toMatchObject({ outcome: 'pass', requirementIds: ['OB20-BAKING-PNG'], message: expect.stringContaining(carried) });
    expect(stepOutcome(checks, step)).toBe('pass');
  });

  it.each([
    ['compressed', { compressed: true }, /compressed/],
    ['two-chunks', { count: 2 }, /2 openbadges text chunks/],
    ['legacy-tEXt', { type: 'tEXt' }, /tEXt chunk; OB 2.0 bakes it into an iTXt chunk/],
    ['bad-crc', { badCrc: true }, /bad CRC/],
  ] as const)('mutation %s fails the baking check, and the assertion is still judged', async (_name, options, problem) => {
    const { code, checks } = await validate(png(hostedJson, options));
    expect(code).toBe(1);
    expect(baking(checks)).toMatchObject({ outcome: 'fail', message: expect.stringMatching(problem) });
    expect(checks.filter((c) => c.outcome === 'fail').map((c) => c.checkId)).toEqual(['ensure-baked-badge']);
    expect(stepOutcome(checks, 'hosted.mismatch')).toBe('pass');
  });

  it('a PNG without an openbadges chunk, or with text that is no assertion, is a one-line usage error', async () => {
    for (const file of [png(hostedJson, { none: true }), png('hello badge')]) {
      await expect(validate(file)).rejects.toSatisfy((e) => e instanceof UsageError && e.code === 'not-baked' && !e.message.includes('\n'));
    }
  });

  it('the assertion inside is judged like any other: a broken one fails its schema', async () => {
    const broken = JSON.stringify({ ...JSON.parse(hostedJson), recipient: 'learner@example.org' });
    const { code, checks } = await validate(png(broken));
    expect(code).toBe(1);
    expect(baking(checks)?.outcome).toBe('pass');
    expect(checks.find((c) => c.checkId === 'ensure-schema-valid')?.outcome).toBe('fail');
  });
});

describe('validate: baked SVG', () => {
  it.each([
    ['hosted JSON with its URL in verify', () => ({ verify: hostedId, content: hostedJson }), 'assertion JSON'],
    ['a signed assertion in verify', () => ({ verify: jws }), 'a compact JWS'],
    ['only the assertion URL in verify', () => ({ verify: hostedId }), 'an assertion URL'],
  ])('carrying %s: the baking and the assertion pass', async (_what, options, carried) => {
    const { code, checks } = await validate(svg(options()));
    expect(notPassed(checks)).toEqual([]);
    expect(code).toBe(0);
    expect(baking(checks)).toMatchObject({ outcome: 'pass', requirementIds: ['OB20-BAKING-SVG'], message: expect.stringContaining(carried) });
  });

  it.each([
    ['no-namespace', () => ({ verify: hostedId, content: hostedJson, namespace: null }), /declares no xmlns:openbadges/],
    ['wrong-namespace', () => ({ verify: hostedId, content: hostedJson, namespace: 'https://openbadges.org/' }), /not "http:\/\/openbadges.org"/],
    ['two-elements', () => ({ verify: hostedId, content: hostedJson, count: 2 }), /2 <openbadges:assertion> elements/],
    ['verify-not-the-id', () => ({ verify: 'https://issuer.example.org/ob/assertions/2', content: hostedJson }), /is not the carried assertion's id/],
    ['no-verify', () => ({ content: hostedJson }), /no verify attribute/],
  ])('mutation %s fails the baking check', async (_name, options, problem) => {
    const { code, checks } = await validate(svg(options()));
    expect(code).toBe(1);
    expect(baking(checks)).toMatchObject({ outcome: 'fail', message: expect.stringMatching(problem) });
  });

  it('an SVG without the element is a one-line usage error', async () => {
    const file = write('plain.svg', '<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>');
    await expect(validate(file)).rejects.toSatisfy((e) => e instanceof UsageError && e.code === 'not-baked' && e.message.includes('not a baked badge'));
  });
});
