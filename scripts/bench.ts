/**
 * npm run bench: wall time of full runs of both Badge Connect plans, and of the CLR 1.0 provider plan,
 * against the in-process reference stack (the Write plan posting assertions of a loopback demo issuer, as
 * the demo does), and the time per HTTP exchange; then `conformance validate` throughput on generated signed CLRs
 * (records/second schema-only and with JSON-LD + signature checks, peak RSS). A measurement, never a
 * test: it prints figures and asserts nothing.
 *   BENCH_ITERATIONS (default 5), BENCH_VALIDATE_RECORDS (default 500)
 */
import { cpus, totalmem } from 'node:os';
import type { HttpEvent, RunEvent } from '../conformance/src/engine/events.js';
import { runPlans } from '../conformance/src/engine/run.js';
import { PLANS } from '../conformance/src/plans/index.js';
import { SCENARIOS } from '../conformance/src/scenarios/index.js';
import { testConfig } from '../conformance/test/support/config.js';
import { DEMO_USERS } from '../reference/shared/demo-users.js';
import { startDemoIssuer } from './lib/demo-issuer.js';
import { startReferenceStack } from './lib/reference-stack.js';
import { benchValidate, formatValidatePasses } from './lib/validate-bench.js';

const iterations = Number(process.env.BENCH_ITERATIONS ?? 5);

interface PlanBench {
  label: string;
  walls: number[];
  exchangesPerRun: number;
  exchangeTimes: number[];
}

let peakRss = 0;
const stack = await startReferenceStack();
const issuer = await startDemoIssuer();
// testConfig signs in as the first demo user; the provider accepts only assertions naming that user.
const email = DEMO_USERS[0]!.email;
let issued = 0;

/** One warm-up run (module loading, JIT, schema compilation), then `iterations` measured runs. */
async function benchPlans(planIds: string[]): Promise<PlanBench> {
  const plans = planIds.map((id) => PLANS.get(id)!);
  const result: PlanBench = { label: planIds.join(' + '), walls: [], exchangesPerRun: 0, exchangeTimes: [] };
  process.stdout.write(`bench: ${iterations} full runs of ${result.label}\n`);
  for (let i = 0; i < iterations + 1; i++) {
    const events: RunEvent[] = [];
    // Each run stores one, so every run gets two the user does not hold yet (hosted, signed), as a vendor supplies.
    const postAssertions = planIds.includes('obc-provider-write') ? [await issuer.supplied(email, ++issued, 'hosted'), await issuer.supplied(email, ++issued, 'signed')] : [];
    const started = performance.now();
    const end = await runPlans({
      config: testConfig(stack.manifestUrl, { timeoutMs: 10_000, scenarioTimeoutMs: 60_000, ...(postAssertions.length ? { postAssertions } : {}) }),
      plans,
      scenarios: SCENARIOS,
      sink: (e) => events.push(e),
    });
    const wall = performance.now() - started;
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    const http = events.filter((e): e is HttpEvent => e.type === 'http');
    if (end.exitCode !== 0) process.stdout.write(`  warning: run ${i} ended with exit code ${end.exitCode}\n`);
    // A skipped scenario means less work measured (e.g. the create path without an assertion to post).
    const skipped = events.flatMap((e) => (e.type === 'scenario-end' && e.outcome === 'skip' ? [e.scenarioId] : []));
    if (skipped.length) process.stdout.write(`  warning: run ${i} skipped ${skipped.join(', ')}\n`);
    if (i === 0) {
      process.stdout.write(`  warm-up run: ${wall.toFixed(0)} ms, ${http.length} exchanges\n`);
      continue;
    }
    result.walls.push(wall);
    result.exchangesPerRun = http.length;
    result.exchangeTimes.push(...http.map((h) => h.durationMs));
    process.stdout.write(`  run ${i}: ${wall.toFixed(0)} ms, ${http.length} exchanges\n`);
  }
  return result;
}

const benches = [await benchPlans(['obc-provider-read', 'obc-provider-write']), await benchPlans(['clr-provider'])];
await Promise.all([stack.close(), issuer.close()]);

const validateRecords = Number(process.env.BENCH_VALIDATE_RECORDS ?? 500);
process.stdout.write(`bench: conformance validate on ${validateRecords} generated signed CLRs\n`);
const validatePasses = await benchValidate(validateRecords);

const q = (list: number[], p: number) => {
  const s = [...list].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0;
};
const mean = (list: number[]) => list.reduce((a, b) => a + b, 0) / Math.max(1, list.length);
const planLines = (b: PlanBench): string[] => [
  `${b.label}: median ${q(b.walls, 0.5).toFixed(0)} ms, min ${Math.min(...b.walls).toFixed(0)} ms, max ${Math.max(...b.walls).toFixed(0)} ms`,
  `  HTTP exchanges per run: ${b.exchangesPerRun}`,
  `  time per exchange: mean ${mean(b.exchangeTimes).toFixed(2)} ms, p50 ${q(b.exchangeTimes, 0.5).toFixed(2)} ms, p95 ${q(b.exchangeTimes, 0.95).toFixed(2)} ms`,
  `  wall time per exchange (run time / exchanges): ${(q(b.walls, 0.5) / Math.max(1, b.exchangesPerRun)).toFixed(2)} ms`,
];
process.stdout.write(
  [
    '',
    `machine: ${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
    ...benches.flatMap(planLines),
    `peak RSS during the plan runs (runner and reference apps in one process): ${(peakRss / 2 ** 20).toFixed(0)} MiB`,
    ...formatValidatePasses(validatePasses),
    '',
  ].join('\n'),
);
