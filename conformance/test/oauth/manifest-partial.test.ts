/**
 * One missing manifest field fails its own check but does not hide every later result: the scenarios
 * that need only the endpoints present still run. The reference stack's manifest is served by a small
 * server with one field removed; every endpoint it names is still the reference stack's.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScenarioEndEvent } from '../../src/engine/events.js';
import { describeProblems, runPlanIds } from '../support/run-suite.js';
import { startReferenceStack, type ReferenceStack } from '../support/stack.js';

let stack: ReferenceStack;
let server: Server;
let origin: string;
let served: Record<string, unknown> = {};

beforeAll(async () => {
  stack = await startReferenceStack();
  server = createServer((req, res) => {
    res.writeHead(req.url === '/.well-known/badgeconnect.json' ? 200 : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify(served));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => server?.close(r));
  await stack?.close();
});

async function manifestWithout(field: string): Promise<Record<string, unknown>> {
  const manifest = (await (await fetch(stack.manifestUrl)).json()) as { badgeConnectAPI: Record<string, unknown>[] };
  const entry = { ...manifest.badgeConnectAPI[0]! };
  expect(entry).toHaveProperty(field);
  delete entry[field];
  return { ...manifest, badgeConnectAPI: [entry] };
}

const outcomes = (events: { type: string }[]) =>
  new Map(events.flatMap((e) => (e.type === 'scenario-end' ? [[(e as ScenarioEndEvent).scenarioId, (e as ScenarioEndEvent).outcome] as const] : [])));

describe('a manifest missing one field', () => {
  it('without privacyPolicyUrl (a schema MUST): discovery fails, the assertion scenarios still run and pass', async () => {
    served = await manifestWithout('privacyPolicyUrl');
    const run = await runPlanIds(`${origin}/.well-known/badgeconnect.json`, ['obc-provider-read']);
    const ends = outcomes(run.events);
    expect(ends.get('provider-manifest-discovery')).toBe('fail');
    expect(run.checks.find((c) => c.outcome === 'fail')).toMatchObject({ scenarioId: 'provider-manifest-discovery', checkId: 'ensure-schema-valid' });
    expect(ends.get('provider-get-assertions'), describeProblems(run)).toBe('pass');
    expect(ends.get('auth-server-registration')).toBe('pass');
    expect(run.end).toMatchObject({ verdict: 'fail', exitCode: 1 });
    // Only the missing field failed.
    expect(run.checks.filter((c) => c.outcome === 'fail')).toHaveLength(1);
  }, 90_000);

  it('without tokenRevocationUrl (optional): the assertion scenarios run and pass', async () => {
    served = await manifestWithout('tokenRevocationUrl');
    const run = await runPlanIds(`${origin}/.well-known/badgeconnect.json`, ['obc-provider-read']);
    const ends = outcomes(run.events);
    expect(ends.get('provider-manifest-discovery')).toBe('pass');
    expect(ends.get('provider-get-assertions'), describeProblems(run)).toBe('pass');
    expect(run.checks.filter((c) => c.outcome === 'fail'), describeProblems(run)).toEqual([]);
  }, 90_000);

  it('without tokenUrl (needed by every later scenario): the later scenarios skip, naming it', async () => {
    served = await manifestWithout('tokenUrl');
    const run = await runPlanIds(`${origin}/.well-known/badgeconnect.json`, ['obc-provider-read']);
    const end = run.events.find((e): e is ScenarioEndEvent => e.type === 'scenario-end' && e.scenarioId === 'provider-manifest-discovery');
    expect(end).toMatchObject({ outcome: 'fail', reason: expect.stringContaining('tokenUrl') });
    expect(outcomes(run.events).get('provider-get-assertions')).toBe('skip');
    expect(run.end.exitCode).toBe(1);
  }, 90_000);
});
