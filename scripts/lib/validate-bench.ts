/**
 * `conformance validate` throughput for npm run bench: a batch of generated signed CLRs (one file each,
 * publisher documents served with --resolve), checked schema-only and with JSON-LD + signature
 * verification, through the same in-process command the CLI runs. Peak RSS is sampled during each pass.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateCommand } from '../../conformance/src/cli/validate-command.js';
import { writeSignedBatch } from '../../conformance/test/clr/signed-fixtures.js';

export interface ValidatePass {
  mode: 'schema-only' | 'schema + JSON-LD + signature';
  records: number;
  ms: number;
  perSecond: number;
  peakRssMiB: number;
  exitCode: number;
}

async function timed(mode: ValidatePass['mode'], files: string[], flags: Parameters<typeof validateCommand>[1]): Promise<ValidatePass> {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const started = performance.now();
  const out = mkdtempSync(join(tmpdir(), 'lrc-bench-validate-'));
  const exitCode = await validateCommand(files, { ...flags, out, reporter: ['json'] }, () => {});
  const ms = performance.now() - started;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { mode, records: files.length, ms, perSecond: (files.length * 1000) / ms, peakRssMiB: peak / 2 ** 20, exitCode };
}

/** Warm-up on a small batch (module loading, schema compilation, JIT), then both measured passes. */
export async function benchValidate(count: number): Promise<ValidatePass[]> {
  const batch = await writeSignedBatch(count);
  await timed('schema + JSON-LD + signature', batch.files.slice(0, Math.min(10, count)), { resolve: [batch.resolve] });
  return [await timed('schema-only', batch.files, { schemaOnly: true }), await timed('schema + JSON-LD + signature', batch.files, { resolve: [batch.resolve] })];
}

export function formatValidatePasses(passes: ValidatePass[]): string[] {
  return passes.map(
    (p) =>
      `validate ${p.mode}: ${p.records} CLRs in ${p.ms.toFixed(0)} ms = ${p.perSecond.toFixed(0)} records/s, peak RSS ${p.peakRssMiB.toFixed(0)} MiB` +
      (p.exitCode === 0 ? '' : ` (exit code ${p.exitCode})`),
  );
}
