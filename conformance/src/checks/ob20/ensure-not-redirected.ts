import { fail, pass, type Check } from '../../engine/verdict.js';

/**
 * The document was served at the URL it was asked for. OB 2.0 accepts redirects that end in a 200, but
 * the subject then lives somewhere its id does not say, which 1EdTech's validator reports as a warning.
 */
export const ensureNotRedirected: Check<{ requested: string; served: string; what: string }> = {
  id: 'ensure-not-redirected',
  title: 'Served at its own URL, without a redirect',
  run({ requested, served, what }) {
    return requested === served
      ? pass(`${what} was served at ${requested}`)
      : fail(`${what} ${requested} redirected to ${served}`, { requested, served });
  },
};
