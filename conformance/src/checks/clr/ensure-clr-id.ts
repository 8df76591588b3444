import { fail, pass, skip, type Check } from '../../engine/verdict.js';

export interface ClrIdInput {
  id: unknown;
  /** {apiBase}/clrs: every getClr URL starts with it and one more path segment. */
  clrsUrl: string;
}

/** A Clr id that is a URL follows the getClr endpoint format (the binding's text on Clr.id). */
export const ensureClrId: Check<ClrIdInput> = {
  id: 'ensure-clr-id',
  title: 'Clr id follows the getClr endpoint format',
  run({ id, clrsUrl }) {
    if (typeof id !== 'string') return fail(`"id" is ${JSON.stringify(id ?? null)}, expected a string`);
    if (!/^https?:\/\//i.test(id)) return skip(`id ${id} is not an http(s) URL, so no endpoint format applies`);
    const prefix = `${clrsUrl.replace(/\/+$/, '')}/`;
    const rest = id.startsWith(prefix) ? id.slice(prefix.length) : undefined;
    if (rest === undefined || rest === '' || rest.includes('/') || rest.includes('?')) {
      return fail(`id ${id} is not of the form ${prefix}{id}`, { id, expectedPrefix: prefix });
    }
    return pass(`id ${id} is a getClr URL`);
  },
};
