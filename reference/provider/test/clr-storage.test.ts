import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLR_CONTEXT, expectStatusInfo, foreignClr } from './helpers/clr.js';
import { CLR, startAuthServer, startClrStack, type AuthServer } from './helpers/clr-stack.js';
import { ALICE } from './helpers/provider.js';

let auth: AuthServer;
let dir: string;
beforeAll(async () => {
  auth = await startAuthServer();
  dir = mkdtempSync(join(tmpdir(), 'clr-store-'));
});
afterAll(async () => {
  await auth.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('CLR storage', () => {
  it('keeps posted CLRs and deletions across restarts; the seed follows the public origin', async () => {
    const database = join(dir, 'provider.sqlite');
    const clr = foreignClr(ALICE.email, 70);
    const deleted = foreignClr(ALICE.email, 71);
    const first = await startClrStack({ auth, database });
    try {
      const token = await first.token();
      expect((await first.call(`${CLR}/clrs`, { method: 'POST', token, json: { '@context': CLR_CONTEXT, clr } })).status).toBe(201);
      expect((await first.call(`${CLR}/clrs`, { method: 'POST', token, json: { '@context': CLR_CONTEXT, clr: deleted } })).status).toBe(201);
      expect((await first.call(`${CLR}/clrs/${encodeURIComponent(deleted.id as string)}`, { method: 'DELETE', token })).status).toBe(204);
    } finally {
      await first.close();
    }
    // A new process on a new port: the seed (deletions of seed CLRs included) is rebuilt for the new origin;
    // what users posted or deleted is kept.
    const second = await startClrStack({ auth, database });
    try {
      const token = await second.token();
      const list = await second.call(`${CLR}/clrs?limit=100`, { token });
      expect(list.headers.get('x-total-count')).toBe('8');
      const body = (await list.json()) as { clrs: { id: string }[] };
      expect(body.clrs.map((c) => c.id)).toContain(clr.id);
      expect(body.clrs.every((c) => c.id === clr.id || c.id.startsWith(second.origin))).toBe(true);
      expect((await second.call(`${CLR}/clrs/${encodeURIComponent(clr.id as string)}`, { token })).status).toBe(200);
      await expectStatusInfo(await second.call(`${CLR}/clrs/${encodeURIComponent(deleted.id as string)}`, { token }), 410, 'invalid_data');
      expect((await second.call(`${CLR}/clrs/alice-03`, { token })).status).toBe(200);
    } finally {
      await second.close();
    }
  });
});
