import type { EmulatorCall } from '../../emulators/types.js';
import { blocked, fail, pass, type Check } from '../../engine/verdict.js';
import { byRoute } from './calls.js';

/** Authorization requests of several runs of the candidate, one list per run. */
export type Runs = EmulatorCall[][];

const statesOf = (runs: Runs) =>
  runs.flatMap((calls, run) => byRoute(calls, 'authorize').map((c) => ({ run: run + 1, seq: c.seq, state: c.query.get('state') ?? '' }))).filter((s) => s.state !== '');

/**
 * RFC 6749 §10.12: the CSRF binding value must be non-guessable. A state repeated across authorizations
 * (here: two runs of the candidate) is known to anyone who saw the earlier redirect, so it protects nothing.
 */
export const ensureStateFresh: Check<Runs> = {
  id: 'ensure-state-fresh',
  title: 'every authorization request carries a state not used before',
  run(runs) {
    const states = statesOf(runs);
    // A candidate that keeps its tokens may rightly skip signing in again; the MUST is then left open, not passed.
    if (runs.filter((r) => byRoute(r, 'authorize').length > 0).length < 2) {
      return blocked(
        'the candidate did not authorize in both runs, so state reuse cannot be judged',
        'a second authorization by the candidate',
        undefined,
        'start the candidate so that it signs in again on its second run (e.g. without its stored tokens)',
      );
    }
    if (states.length < 2) return fail('fewer than two authorization requests carried a state');
    const seen = new Map<string, { run: number; seq: number }>();
    for (const s of states) {
      const before = seen.get(s.state);
      if (before) return fail(`run ${s.run} (#${s.seq}) sends the same state as run ${before.run} (#${before.seq}): a state value that repeats is guessable`, { authorizations: states.length });
      seen.set(s.state, { run: s.run, seq: s.seq });
    }
    return pass(`${states.length} authorization request(s) over ${runs.length} runs, every state different`);
  },
};

/** The most bits a value can carry given the smallest usual alphabet its characters fit in. */
export function stateBits(value: string): number {
  const alphabet = /^[0-9]+$/.test(value) ? 10
    : /^[0-9a-f]+$/.test(value) || /^[0-9A-F]+$/.test(value) ? 16
      : /^[A-Za-z0-9+/=_-]+$/.test(value) ? 64
        : 95;
  return Math.floor(value.length * Math.log2(alphabet));
}

export const MIN_STATE_BITS = 128;

/**
 * RFC 6749 §10.10 (which §10.12 applies to state): guessing must be at most 2^-128 likely. Entropy
 * cannot be observed, so this is an estimate from length and alphabet: a value that cannot hold 128 bits
 * is reported as a warning, since the threshold applied to one value is our reconstruction.
 */
export const ensureStateEntropy: Check<Runs> = {
  id: 'ensure-state-entropy',
  title: `every state can carry at least ${MIN_STATE_BITS} bits`,
  run(runs) {
    const states = statesOf(runs);
    if (states.length === 0) return fail('no authorization request carried a state');
    const weak = states.map((s) => ({ ...s, bits: stateBits(s.state) })).filter((s) => s.bits < MIN_STATE_BITS);
    if (weak.length > 0) {
      const w = weak[0]!;
      return fail(`run ${w.run} (#${w.seq}): a state of ${w.state.length} characters holds at most ${w.bits} bits, below the ${MIN_STATE_BITS} RFC 6749 §10.10 asks of a non-guessable value (an estimate from length and alphabet, so reported as a warning)`, { bits: w.bits, length: w.state.length });
    }
    return pass(`${states.length} state value(s), each long enough for ${MIN_STATE_BITS} bits`);
  },
};
