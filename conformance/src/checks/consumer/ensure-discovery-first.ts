import type { EmulatorCall, Route } from '../../emulators/types.js';
import { fail, pass, type Check } from '../../engine/verdict.js';
import { byRoute, describe } from './calls.js';

/** The candidate read the manifest (or CLR discovery document) before it registered (OB 2.1 §Registration). */
export function ensureDiscoveryFirst(discovery: Route, what: string): Check<EmulatorCall[]> {
  return {
    id: 'ensure-discovery-first',
    title: `${what} is fetched before registration`,
    run(calls) {
      const registration = byRoute(calls, 'register')[0];
      if (!registration) return fail('the candidate never registered a client');
      const fetched = byRoute(calls, discovery).find((c) => c.method === 'GET' && c.seq < registration.seq && c.status === 200);
      if (!fetched) return fail(`registration (${describe(registration)}) came without a prior GET of the ${what}`, { registration: registration.seq });
      return pass(`${what} fetched (#${fetched.seq}) before registration (#${registration.seq})`);
    },
  };
}
