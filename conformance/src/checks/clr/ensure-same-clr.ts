import { isDeepStrictEqual } from 'node:util';
import { fail, pass, type Check } from '../../engine/verdict.js';

export interface SameClrInput {
  /** The copy the suite already has (listed by getClrs, or posted). */
  expected: unknown;
  /** The copy just received (getClr body, postClr echo). */
  actual: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Two copies of one Clr hold the same data. `@context` is compared only when both carry one: a Clr
 * inside a ClrSet or ClrPayload inherits the envelope's context, a bare Clr states it.
 */
export const ensureSameClr: Check<SameClrInput> = {
  id: 'ensure-same-clr',
  title: 'The CLR is the same in both places',
  run({ expected, actual }) {
    if (!isObject(expected)) return fail('the expected CLR is not an object');
    if (!isObject(actual)) return fail('the received CLR is not a JSON object', { actual: actual ?? null });
    const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].filter(
      (k) => k !== '@context' || (k in expected && k in actual),
    );
    const differing = keys.filter((k) => !isDeepStrictEqual(expected[k], actual[k]));
    const id = String(expected.id ?? actual.id ?? '(no id)');
    if (differing.length) {
      return fail(`CLR ${id} differs in "${differing.slice(0, 5).join('", "')}"${differing.length > 5 ? ` (+${differing.length - 5} more)` : ''}`, {
        id,
        differing,
        fields: differing.slice(0, 5).map((k) => ({ field: k, expected: expected[k] ?? null, actual: actual[k] ?? null })),
      });
    }
    return pass(`CLR ${id}: all ${keys.length} properties equal`);
  },
};
