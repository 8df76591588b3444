/** runTrigger on real shell commands: exit status, placeholders, bounds, and each stream's final line. */
import { describe, expect, it } from 'vitest';
import { runTrigger, substitute } from '../../src/emulators/trigger.js';

describe('runTrigger', () => {
  it('keeps the final line of stdout and of stderr apart, whatever order they arrive in', async () => {
    const r = await runTrigger(`echo 'error: POST refused (400)' >&2; sleep 0.2; echo 'synced'; echo 'done'`, { timeoutMs: 10_000 });
    expect(r.exitCode).toBe(0);
    expect(r.lastLines).toEqual(['error: POST refused (400)', 'synced', 'done']);
    expect(r.finalLines).toEqual({ stdout: 'done', stderr: 'error: POST refused (400)' });
  });

  it('reports the exit code, and stops a command that outlives its time limit', async () => {
    expect((await runTrigger('exit 3', { timeoutMs: 10_000 })).exitCode).toBe(3);
    const slow = await runTrigger('sleep 30', { timeoutMs: 300 });
    expect(slow).toMatchObject({ timedOut: true, exitCode: null });
    expect(slow.durationMs).toBeLessThan(10_000);
  });

  it('substitutes every placeholder', () => {
    const urls = { manifest: 'http://127.0.0.1:1/m', discovery: 'http://127.0.0.1:1/d', origin: 'http://127.0.0.1:1' };
    expect(substitute('sync {manifest} {discovery} {origin} {manifest}', urls)).toBe('sync http://127.0.0.1:1/m http://127.0.0.1:1/d http://127.0.0.1:1 http://127.0.0.1:1/m');
  });
});
