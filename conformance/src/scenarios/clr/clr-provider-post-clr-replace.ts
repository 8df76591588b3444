import { CLR_SCOPES } from '../../actions/clr/constants.js';
import { OBTAIN_TOKEN_REQUIREMENTS } from '../../actions/obtain-token.js';
import { ensureSameClr } from '../../checks/clr/ensure-same-clr.js';
import { ensureStatus } from '../../checks/http/ensure-status.js';
import type { Scenario } from '../../engine/scenario.js';
import { buildClr, FALLBACK_LEARNER, learnerEmail } from './support/fixture-clr.js';
import { clrSession, clrToken } from './support/session.js';
import { deleteClr, echoedClr, getClr, postClr, storedAs } from './support/writes.js';

export const clrProviderPostClrReplace: Scenario = {
  id: 'clr-provider-post-clr-replace',
  title: 'postClr of a known id replaces it (200) and an identical one changes nothing (304)',
  summary:
    'Posts a new Clr (201), posts it again with a changed name and expects 200 (replaced, not created), the changed Clr echoed and served by ' +
    'getClr; then posts the same Clr once more and expects 304 Not Modified (a warning otherwise: the meaning of 304 is reconstructed). ' +
    'The CLR is deleted afterwards when the delete scope is offered.',
  roles: ['clr-service-provider'],
  requirements: [...OBTAIN_TOKEN_REQUIREMENTS, 'CLR10-POST-CLR', 'CLR10-POST-CLR-REPLACE', 'CLR10-POST-CLR-UNCHANGED'],
  async run(ctx) {
    const s = clrSession(ctx);
    const writer = await clrToken(ctx, s, CLR_SCOPES.replace);
    const learner = learnerEmail(ctx);
    const posted = buildClr(learner.email);
    const created = await postClr(ctx, s, writer, posted, 'POST clrs (new CLR)');
    if (created.status === 400 && !learner.known) ctx.skip(`the provider refused the fallback learner ${FALLBACK_LEARNER}; give --auth-field email=<the user's email>`);
    const accepted = await ctx.should(ensureStatus(201, 200), created, ['CLR10-POST-CLR'], { title: 'a new CLR is accepted' });
    if (accepted.outcome === 'fail') return ctx.skip('postClr did not accept a new CLR: the CLR 1.0 path and status are reconstructed (a warning above), so the rest cannot be judged');
    const { id, clr } = storedAs(created, posted);

    const changed = { ...clr, name: `Replaced by the LRC conformance suite, run ${ctx.config.runId}` };
    const replaced = await postClr(ctx, s, writer, changed, 'POST clrs (same id, changed name)');
    await ctx.should(ensureStatus(200), replaced, ['CLR10-POST-CLR-REPLACE'], { title: 'replacing a stored CLR answers 200' });
    await ctx.should(ensureSameClr, { expected: changed, actual: echoedClr(replaced) }, ['CLR10-POST-CLR-REPLACE'], { http: replaced, title: 'postClr echoes the replacement' });
    const reader = await clrToken(ctx, s, CLR_SCOPES.readonly);
    const fetched = await getClr(ctx, s, reader, id, 'GET the replaced CLR');
    await ctx.should(ensureSameClr, { expected: changed, actual: fetched.json() }, ['CLR10-POST-CLR-REPLACE'], { http: fetched, title: 'getClr serves the replacement' });

    const again = await postClr(ctx, s, writer, changed, 'POST clrs (identical CLR)');
    await ctx.should(ensureStatus(304), again, ['CLR10-POST-CLR-UNCHANGED'], { title: 'posting an identical CLR answers 304 Not Modified' });

    // Leave the account as it was; the delete itself is judged by clr-provider-post-clr-round-trip.
    if (s.api.scopesOffered.includes(CLR_SCOPES.delete)) await deleteClr(ctx, s, await clrToken(ctx, s, CLR_SCOPES.delete), id, 'DELETE the test CLR (clean-up)');
  },
};
