import type { RunEvent } from '../../src/engine/events.js';

const t = '2026-01-01T00:00:00.000Z';

/** A small recorded run: one passing scenario, one failing, one skipped, with a warning and HTTP evidence. */
export function sampleEvents(): RunEvent[] {
  return [
    { type: 'run-start', time: t, runId: 'r1', suite: { name: 'lrc-conformance', version: '0.1.0' }, target: 'https://p.example.com', plans: ['obc-provider-read'], options: {} },
    { type: 'notice', time: t, level: 'warning', code: 'tls-not-tested', message: 'TLS was not tested' },
    { type: 'plan-start', time: t, planId: 'obc-provider-read', title: 'Read', scenarios: ['a', 'b', 'c'] },
    { type: 'scenario-start', time: t, planId: 'obc-provider-read', scenarioId: 'a', title: 'Scenario <A> & "quotes"' },
    { type: 'http', time: t, planId: 'obc-provider-read', scenarioId: 'a', id: 'h1', request: { method: 'GET', url: 'https://p.example.com/x', headers: {} }, response: { status: 200, headers: {} }, durationMs: 3 },
    { type: 'check', time: t, planId: 'obc-provider-read', scenarioId: 'a', checkId: 'ensure-status', title: 'status', requirementIds: ['OBC21-X'], severity: 'must', outcome: 'pass', message: 'status 200', httpIds: ['h1'] },
    { type: 'check', time: t, planId: 'obc-provider-read', scenarioId: 'a', checkId: 'ensure-no-unknown-properties', title: 'extra', requirementIds: ['OBC21-Y'], severity: 'should', outcome: 'warning', message: 'extra property /foo' },
    { type: 'scenario-end', time: t, planId: 'obc-provider-read', scenarioId: 'a', outcome: 'pass', durationMs: 10 },
    { type: 'scenario-start', time: t, planId: 'obc-provider-read', scenarioId: 'b', title: 'B' },
    { type: 'check', time: t, planId: 'obc-provider-read', scenarioId: 'b', checkId: 'ensure-status', title: 'status', requirementIds: ['OBC21-Z'], severity: 'must', outcome: 'fail', message: 'status 500, expected 200 \u0001' },
    { type: 'scenario-end', time: t, planId: 'obc-provider-read', scenarioId: 'b', outcome: 'fail', reason: 'stopped', durationMs: 20 },
    { type: 'scenario-start', time: t, planId: 'obc-provider-read', scenarioId: 'c', title: 'C' },
    { type: 'scenario-end', time: t, planId: 'obc-provider-read', scenarioId: 'c', outcome: 'skip', reason: 'no revocation endpoint', durationMs: 0 },
    { type: 'plan-end', time: t, planId: 'obc-provider-read', outcome: 'fail' },
    { type: 'run-end', time: t, verdict: 'fail', suiteError: false, exitCode: 1, counts: { pass: 1, fail: 1, warning: 1, info: 0, skip: 0, error: 0 }, durationMs: 30 },
  ];
}
