import type { EmulatorCall, Route } from '../../emulators/types.js';
import { fail, pass, type Check } from '../../engine/verdict.js';
import { byRoute } from './calls.js';

/** The candidate called an endpoint the certification feature requires, and got a success at least once. */
export function ensureRouteAnswered(route: Route, what: string): Check<EmulatorCall[]> {
  return {
    id: 'ensure-route-answered',
    title: `${what} is called`,
    run(calls) {
      const hits = byRoute(calls, route);
      if (hits.length === 0) return fail(`the candidate never called ${what}`);
      const ok = hits.find((c) => c.status >= 200 && c.status < 400);
      if (!ok) return fail(`${what} was called ${hits.length} time(s), never with a success or redirect (last status ${hits.at(-1)!.status})`, { statuses: hits.map((c) => c.status) });
      return pass(`${what} called ${hits.length} time(s), answered ${ok.status}`);
    },
  };
}
