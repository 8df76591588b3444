import { verifyClr } from '../../../../verification/src/index.js';
import { CLR_SCOPES } from '../../actions/clr/constants.js';
import type { ListedClr } from '../../actions/clr/records.js';
import { runFetcher } from '../../actions/clr/verification-fetcher.js';
import { OBTAIN_TOKEN_REQUIREMENTS } from '../../actions/obtain-token.js';
import { ensureClrPresence } from '../../checks/clr/ensure-clr-presence.js';
import { ensureClrSchema } from '../../checks/clr/ensure-clr-schema.js';
import { ensureSameClr } from '../../checks/clr/ensure-same-clr.js';
import { ensureJsonBody } from '../../checks/http/ensure-json-body.js';
import { ensureStatus } from '../../checks/http/ensure-status.js';
import type { Scenario } from '../../engine/scenario.js';
import { SchemaIds } from '../../../../schemas/src/registry.js';
import { clrSession, clrToken } from './support/session.js';
import { clrIds, walkClrs } from './support/walk.js';
import { echoedClr, getClr, postSignedClr } from './support/writes.js';

const REQ = ['CLR10-POST-SIGNED-CLR'];

export const clrProviderPostSignedClr: Scenario = {
  id: 'clr-provider-post-signed-clr',
  title: 'postClr accepts a signedClr: a listed signed CLR posted back unchanged is kept (200 or 304)',
  summary:
    "Takes the first signed CLR getClrs lists whose compact JWS verifies with the suite's verification library (a CLR the provider itself " +
    'signed, so any provider can accept it) and posts it back unchanged as a ClrPayload {signedClr} with the replace scope. Expects 200 ' +
    '(replaced; the echoed ClrPayload schema-valid and carrying the same Clr) or 304 Not Modified (preferred, a warning otherwise: the meaning ' +
    'of 304 is reconstructed), then getClr serving the same Clr and getClrs still listing it among signedClrs. Skips when no listed signed ' +
    'CLR verifies: clr-provider-verify-clrs reports why.',
  roles: ['clr-service-provider'],
  requirements: [...OBTAIN_TOKEN_REQUIREMENTS, 'CLR10-POST-SIGNED-CLR', 'CLR10-POST-CLR-UNCHANGED'],
  async run(ctx) {
    const s = clrSession(ctx);
    const reader = await clrToken(ctx, s, CLR_SCOPES.readonly);
    const walk = await walkClrs(ctx, reader, s.clrsUrl, 'GET clrs');
    const fetcher = runFetcher(ctx, { allowNetwork: true, origin: new URL(s.clrsUrl).origin, protectedPrefix: `${s.clrsUrl}/`, accessToken: reader.accessToken });
    // Only a CLR that verifies: refusing a broken one would be right, and verify-clrs already reports it.
    let chosen: (ListedClr & { jws: string }) | undefined;
    for (const r of walk.records) {
      if (r.kind !== 'signed' || typeof r.jws !== 'string') continue;
      if ((await verifyClr(r.jws, { fetcher })).status === 'verified') {
        chosen = { ...r, jws: r.jws };
        break;
      }
    }
    if (!chosen) return ctx.skip('getClrs lists no signed CLR that verifies, so there is none to post back');

    const writer = await clrToken(ctx, s, CLR_SCOPES.replace);
    const x = await postSignedClr(ctx, s, writer, chosen.jws, 'POST clrs (a listed signed CLR, unchanged)');
    const accepted = await ctx.should(ensureStatus(200, 304), x, REQ, { title: 'a listed signedClr posted back is accepted: 200 (replaced) or 304 (unchanged)' });
    if (accepted.outcome === 'fail') return ctx.skip('postClr did not accept the signed CLR: the CLR 1.0 path and status are reconstructed (a warning above), so the rest cannot be judged');
    await ctx.should(ensureStatus(304), x, ['CLR10-POST-CLR-UNCHANGED'], { title: 'posting an identical signed CLR answers 304 Not Modified' });
    if (x.status === 200) {
      await ctx.should(ensureJsonBody, x, REQ);
      // The official postClr response schema requires a ClrPayload.
      await ctx.mustContinue(ensureClrSchema(SchemaIds.clr.clrPayload, 'postClr response'), x.json(), ['CLR10-CLR-SCHEMA'], { http: x });
      await ctx.should(ensureSameClr, { expected: chosen.doc, actual: echoedClr(x) }, REQ, { http: x, title: 'postClr echoes the signed CLR as stored' });
    }

    const fetched = await getClr(ctx, s, reader, chosen.id, 'GET the signed CLR posted back');
    const served = await ctx.should(ensureStatus(200), fetched, REQ, { title: 'getClr still serves the signed CLR' });
    if (served.outcome === 'fail') return ctx.skip('getClr did not serve the signed CLR: the CLR 1.0 path and status are reconstructed (a warning above), so the rest cannot be judged');
    await ctx.should(ensureSameClr, { expected: chosen.doc, actual: fetched.json() }, REQ, { http: fetched, title: "getClr serves the signed CLR's payload unchanged" });
    const after = await walkClrs(ctx, reader, s.clrsUrl, 'GET clrs after posting the signed CLR');
    const signed = clrIds(after.records.filter((r) => r.kind === 'signed'));
    await ctx.should(ensureClrPresence, { id: chosen.id, listed: signed, expect: 'listed' }, REQ, {
      http: after.pages.map((p) => p.exchange),
      title: 'getClrs still lists the CLR among signedClrs',
    });
  },
};
