import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startIntrospectionStandIn, type IntrospectionStandIn } from './helpers/introspection-stand-in.js';
import { API, startProvider } from './helpers/provider.js';

let introspection: IntrospectionStandIn;
beforeAll(async () => {
  introspection = await startIntrospectionStandIn();
});
afterAll(() => introspection.close());

function fakeClock() {
  let t = Date.now();
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

describe('introspection cache', () => {
  it('reuses an answer for at most 5 seconds, even when configured longer', async () => {
    const clock = fakeClock();
    const p = await startProvider({ introspection, clock: clock.now, introspectionCacheSeconds: 60 });
    try {
      const token = p.token();
      const before = introspection.calls;
      expect((await p.call(`${API}/profile`, { token })).status).toBe(200);
      expect((await p.call(`${API}/profile`, { token })).status).toBe(200);
      expect(introspection.calls - before).toBe(1);
      introspection.revoke(token);
      clock.advance(4_000);
      expect((await p.call(`${API}/profile`, { token })).status).toBe(200); // still cached
      clock.advance(1_500);
      expect((await p.call(`${API}/profile`, { token })).status).toBe(401); // cache entry over: revocation seen
      expect(introspection.calls - before).toBe(2);
    } finally {
      await p.close();
    }
  });

  it('asks the auth server on every call when the cache is off', async () => {
    const p = await startProvider({ introspection, introspectionCacheSeconds: 0 });
    try {
      const token = p.token();
      const before = introspection.calls;
      for (let i = 0; i < 3; i++) await p.call(`${API}/profile`, { token });
      expect(introspection.calls - before).toBe(3);
    } finally {
      await p.close();
    }
  });
});
