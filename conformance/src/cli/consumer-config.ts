import { DEFAULT_IDLE_MS, DEFAULT_WAIT_SECONDS, parseListen, type ConsumerRunOptions } from '../emulators/harness.js';
import { UsageError } from '../engine/errors.js';

export interface ConsumerFlags {
  listen?: string;
  trigger?: string;
  wait?: string;
  /** `--candidate-name`: the product under test, named in the reports. */
  candidateName?: string;
}

/** Words of a trigger command that may carry a credential: the value after such an option, or of k=v. */
const SECRET_WORD = /pass|secret|token|key|auth|cred|cookie/i;

/**
 * How the reports name the consumer under test: --candidate-name, else the trigger command with any
 * credential-looking value masked, else a candidate started by hand. Never the emulators' URL.
 */
export function candidateName(flags: ConsumerFlags): string {
  const name = flags.candidateName?.trim();
  if (name) return name;
  if (!flags.trigger) return 'the consumer started by hand (no --trigger, no --candidate-name)';
  const words = flags.trigger.trim().split(/\s+/);
  const masked = words.map((w, i) => {
    const eq = w.indexOf('=');
    if (eq > 0 && SECRET_WORD.test(w.slice(0, eq))) return `${w.slice(0, eq + 1)}[redacted]`;
    const prev = words[i - 1];
    return prev !== undefined && prev.startsWith('-') && !prev.includes('=') && SECRET_WORD.test(prev) ? '[redacted]' : w;
  });
  return `the consumer run by \`${masked.join(' ')}\``;
}

/** Consumer plans are named `…consumer…` (obc-consumer-read, obc-consumer-write, clr-consumer). */
export const isConsumerPlan = (id: string): boolean => /(^|-)consumer(-|$)/.test(id);

/** Where the emulators stand in for a target in consumer-only runs, until run-command knows their origin. */
export const EMULATOR_PLACEHOLDER_TARGET = 'http://127.0.0.1/';

/** Checks --listen, --trigger and --wait; undefined when the run has no consumer plan. */
export function resolveConsumerOptions(flags: ConsumerFlags, plans: readonly string[]): ConsumerRunOptions | undefined {
  const consumerPlans = plans.filter(isConsumerPlan);
  if (consumerPlans.length === 0) {
    const given = (['listen', 'trigger', 'wait', 'candidateName'] as const).filter((k) => flags[k] !== undefined);
    const flag = given[0] === 'candidateName' ? 'candidate-name' : given[0];
    if (given.length > 0) throw new UsageError('consumer-flags-without-consumer-plan', `--${flag} applies to consumer plans only (obc-consumer-read, obc-consumer-write, clr-consumer)`);
    return undefined;
  }
  const listen = parseListen(flags.listen ?? '127.0.0.1:0');
  if (!listen) throw new UsageError('bad-listen', `--listen "${flags.listen}" must be a loopback host:port such as 127.0.0.1:0 (the emulators speak plain http)`);
  if (flags.wait !== undefined && !/^[1-9]\d{0,3}$/.test(flags.wait)) throw new UsageError('bad-number', `--wait must be a number of seconds (1 to 9999), got "${flags.wait}"`);
  if (flags.trigger !== undefined && flags.trigger.trim() === '') throw new UsageError('bad-trigger', '--trigger must not be empty');
  if (flags.candidateName !== undefined && flags.candidateName.trim() === '') throw new UsageError('bad-candidate-name', '--candidate-name must not be empty');
  return {
    ...listen,
    ...(flags.trigger !== undefined ? { trigger: flags.trigger } : {}),
    waitMs: Number(flags.wait ?? DEFAULT_WAIT_SECONDS) * 1000,
    idleMs: DEFAULT_IDLE_MS,
    only: consumerPlans.length === plans.length,
  };
}
