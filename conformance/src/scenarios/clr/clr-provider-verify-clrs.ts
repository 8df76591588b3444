import { verifyClr } from '../../../../verification/src/index.js';
import { CLR_SCOPES } from '../../actions/clr/constants.js';
import { runFetcher } from '../../actions/clr/verification-fetcher.js';
import { OBTAIN_TOKEN_REQUIREMENTS } from '../../actions/obtain-token.js';
import { ensureStatus } from '../../checks/http/ensure-status.js';
import type { Scenario } from '../../engine/scenario.js';
import { clrSession, clrToken, withContext } from './support/session.js';
import { reportVerification } from './support/verify.js';
import { walkClrs } from './support/walk.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export const clrProviderVerifyClrs: Scenario = {
  id: 'clr-provider-verify-clrs',
  title: 'Every listed CLR verifies, with the assertions and endorsements inside',
  summary:
    "Verifies every CLR getClrs lists with the suite's verification library: a signed CLR (compact JWS: RS256 signature, key named by " +
    'verification.creator owned and listed by the publisher, revocation list, validity dates), a hosted CLR (the copy at its id, read with ' +
    "the readonly token, equals the listed one and lies inside the publisher's policy), and a CLR that names no verification method (reported " +
    'as method none: its own verification is a skip). In every case the assertions and endorsements inside are verified too (hosted, signed, ' +
    "recipient against the learner). Each step code is its own check, so a failure names its code. The verification follows the records' own " +
    "URLs, but only on the target's origin; a document it cannot fetch makes that step a skip, never a pass.",
  roles: ['clr-service-provider'],
  requirements: [...OBTAIN_TOKEN_REQUIREMENTS, 'CLR10-GET-CLRS', 'CLR10-SIGNED-VERIFY', 'CLR10-HOSTED-VERIFY', 'CLR10-EMBEDDED-VERIFY', 'OB20-HostedBadge', 'OB20-SignedBadge'],
  async run(ctx) {
    const s = clrSession(ctx);
    const token = await clrToken(ctx, s, CLR_SCOPES.readonly);
    const walk = await walkClrs(ctx, token, s.clrsUrl, 'GET clrs');
    const listed = await ctx.should(ensureStatus(200), walk.pages[0]!.exchange, ['CLR10-GET-CLRS']);
    if (listed.outcome === 'fail') return ctx.skip('getClrs did not answer 200: the CLR 1.0 path and status are reconstructed (a warning above), so the rest cannot be judged');
    const origin = new URL(s.clrsUrl).origin;
    const fetcher = runFetcher(ctx, { allowNetwork: true, origin, protectedPrefix: `${s.clrsUrl}/`, accessToken: token.accessToken });
    let verified = 0;
    for (const page of walk.pages) {
      const context = (page.exchange.json() as { '@context'?: unknown } | undefined)?.['@context'];
      for (const r of page.records) {
        const input = r.kind === 'signed' ? r.jws : withContext(r.doc, context);
        // Neither a JWS string nor an object: not a record to verify; clr-provider-get-clrs reports its shape.
        if (typeof input !== 'string' && !isObject(input)) continue;
        verified += 1;
        const result = await verifyClr(input, { fetcher });
        await reportVerification(ctx, result, `${r.where} (CLR ${r.id}, verification method ${result.method})`, { http: [page.exchange] });
      }
    }
    if (verified === 0) ctx.skip('the provider lists no CLR, so there is nothing to verify');
  },
};
