/**
 * `conformance validate` throughput for npm run bench: a batch of generated signed CLRs (one file each,
 * publisher documents served with --resolve), checked schema-only and with JSON-LD + signature
 * verification, through the same in-process command the CLI runs.
 *
 * Each pass runs in its own child process that does nothing but validate, so its memory figures are
 * validate's own and not those of the reference stack and plan runs the bench process has been through:
 * peak RSS of the child, and the increase of that peak over the child's RSS just before the pass (after
 * the warm-up and a forced GC), which is the memory the pass itself needed.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { validateCommand } from '../../conformance/src/cli/validate-command.js';
import { writeSignedBatch } from '../../conformance/test/clr/signed-fixtures.js';

const MODES = ['schema-only', 'schema + JSON-LD + signature'] as const;
type Mode = (typeof MODES)[number];

export interface ValidatePass {
  mode: Mode;
  records: number;
  ms: number;
  perSecond: number;
  /** Peak RSS of the child process during the pass. */
  peakRssMiB: number;
  /** The child's RSS just before the pass: modules, compiled schemas, warm-up leftovers. */
  baselineRssMiB: number;
  exitCode: number;
}

interface Batch {
  resolve: string;
  files: string[];
}

const MiB = 2 ** 20;
const flagsFor = (mode: Mode, batch: Batch) => (mode === 'schema-only' ? { schemaOnly: true } : { resolve: [batch.resolve] });

async function timed(mode: Mode, batch: Batch): Promise<ValidatePass> {
  // Warm-up on a small batch (module loading, schema compilation, JIT), so the pass measures steady work.
  await validateCommand(batch.files.slice(0, Math.min(10, batch.files.length)), { ...flagsFor(mode, batch), out: mkdtempSync(join(tmpdir(), 'lrc-bench-validate-')), reporter: ['json'] }, () => {});
  (globalThis as { gc?: () => void }).gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const out = mkdtempSync(join(tmpdir(), 'lrc-bench-validate-'));
  const started = performance.now();
  const exitCode = await validateCommand(batch.files, { ...flagsFor(mode, batch), out, reporter: ['json'] }, () => {});
  const ms = performance.now() - started;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { mode, records: batch.files.length, ms, perSecond: (batch.files.length * 1000) / ms, peakRssMiB: peak / MiB, baselineRssMiB: baseline / MiB, exitCode };
}

/** Runs one pass in a fresh `node --expose-gc` child and reads its result (the last stdout line). */
function inChild(mode: Mode, batchFile: string): Promise<ValidatePass> {
  const self = fileURLToPath(import.meta.url);
  const root = fileURLToPath(new URL('../../', import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', self, batchFile, mode], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const last = stdout.trim().split('\n').pop() ?? '';
      try {
        if (code !== 0) throw new Error(`exit code ${code}`);
        resolve(JSON.parse(last) as ValidatePass);
      } catch (err) {
        reject(new Error(`validate bench child (${mode}) failed: ${(err as Error).message}`));
      }
    });
  });
}

/** Writes the batch once, then measures each mode in its own child process. */
export async function benchValidate(count: number): Promise<ValidatePass[]> {
  const batch = await writeSignedBatch(count);
  const batchFile = join(mkdtempSync(join(tmpdir(), 'lrc-bench-batch-')), 'batch.json');
  writeFileSync(batchFile, JSON.stringify(batch));
  const passes: ValidatePass[] = [];
  for (const mode of MODES) passes.push(await inChild(mode, batchFile));
  return passes;
}

export function formatValidatePasses(passes: ValidatePass[]): string[] {
  return passes.map(
    (p) =>
      `validate ${p.mode}: ${p.records} CLRs in ${p.ms.toFixed(0)} ms = ${p.perSecond.toFixed(0)} records/s, ` +
      `peak RSS ${p.peakRssMiB.toFixed(0)} MiB in a child process running only validate ` +
      `(+${(p.peakRssMiB - p.baselineRssMiB).toFixed(0)} MiB over its ${p.baselineRssMiB.toFixed(0)} MiB before the pass)` +
      (p.exitCode === 0 ? '' : ` (exit code ${p.exitCode})`),
  );
}

// Child entry: `validate-bench.ts <batch.json> <mode>` prints one pass as JSON.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [batchFile, mode] = process.argv.slice(2) as [string, Mode];
  if (!MODES.includes(mode)) throw new Error(`unknown mode ${mode}`);
  const pass = await timed(mode, JSON.parse(readFileSync(batchFile, 'utf8')) as Batch);
  process.stdout.write(`${JSON.stringify(pass)}\n`);
}
