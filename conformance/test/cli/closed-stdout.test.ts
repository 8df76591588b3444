/**
 * A reader that closes standard output early (`conformance plans | head -1`) ends the CLI quietly: no stack
 * trace on stderr, a normal exit.
 */
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const CLI = join(ROOT, 'conformance/src/cli.ts');

describe('closed standard output', () => {
  it('`plans` piped into a reader that stops after the first chunk exits without a stack trace', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'plans'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // Read one chunk, then close our end, as `head -1` does.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((done) => child.on('exit', (c) => done(c)));
    expect(stderr).not.toMatch(/\n\s+at |EPIPE|Error:/);
    expect(code).toBe(0);
  }, 30_000);
});
