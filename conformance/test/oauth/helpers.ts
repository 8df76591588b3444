/** Shared fixtures for the OAuth unit tests: recorded exchanges without a network, and a real context. */
import { randomUUID } from 'node:crypto';
import type { AuthorizeResult } from '../../src/actions/authorize.js';
import { PlanState, ScenarioContext } from '../../src/engine/context.js';
import type { RunEvent } from '../../src/engine/events.js';
import { HttpClient, type HttpExchange } from '../../src/engine/http.js';
import { Redactor } from '../../src/engine/redact.js';
import { testConfig } from '../support/config.js';
import type { Check, Verdict } from '../../src/engine/verdict.js';

/** An exchange as the HTTP client would record it, for checks that read status, headers and body. */
export function exchangeOf(res: { status: number; headers?: Record<string, string>; body?: unknown; url?: string }): HttpExchange {
  const text = res.body === undefined ? '' : typeof res.body === 'string' ? res.body : JSON.stringify(res.body);
  return {
    id: randomUUID(),
    request: { method: 'POST', url: res.url ?? 'https://as.example.com/token', headers: {} },
    status: res.status,
    headers: { ...(res.body !== undefined && typeof res.body !== 'string' ? { 'content-type': 'application/json' } : {}), ...res.headers },
    setCookies: [],
    text,
    truncated: false,
    durationMs: 1,
    json: () => {
      try {
        return text ? (JSON.parse(text) as unknown) : undefined;
      } catch {
        return undefined;
      }
    },
  };
}

/** A finished authorization as `authorize` returns it. */
export function authorizeResultOf(partial: Partial<AuthorizeResult>): AuthorizeResult {
  return { outcome: 'redirected', finalUrl: 'https://client.example.com/callback', finalStatus: 302, exchanges: [], ...partial };
}

/** A real scenario context (real HTTP client, redactor and event sink), as the engine builds it. */
export function contextFor(authFields: Record<string, string>, planId = 'test-plan'): { ctx: ScenarioContext; events: RunEvent[] } {
  const events: RunEvent[] = [];
  const redactor = new Redactor();
  const config = testConfig('http://127.0.0.1:1/.well-known/badgeconnect.json', { authFields });
  const http = new HttpClient({
    timeoutMs: 5_000,
    maxResponseBytes: 1_000_000,
    redactor,
    userAgent: 'oauth-test',
    record: (x) => events.push({ type: 'http', time: new Date().toISOString(), planId, scenarioId: 'unit', ...x }),
  });
  const ctx = new ScenarioContext(planId, 'unit', config, http, new PlanState(), redactor, (e) => events.push(e));
  return { ctx, events };
}

/** Runs a synchronous check; every OAuth check is synchronous, and a Promise here would be a mistake. */
export function verdict<I>(check: Check<I>, input: I): Verdict {
  const v = check.run(input);
  if (v instanceof Promise) throw new Error(`${check.id} returned a Promise`);
  return v;
}
