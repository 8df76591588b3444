import { CLR_SCOPES } from '../../actions/clr/constants.js';
import { OBTAIN_TOKEN_REQUIREMENTS } from '../../actions/obtain-token.js';
import { ensureStatus } from '../../checks/http/ensure-status.js';
import type { ScenarioContext } from '../../engine/context.js';
import type { HttpExchange } from '../../engine/http.js';
import type { Scenario } from '../../engine/scenario.js';
import { bearer, tokenWithout } from '../api/support/session.js';
import { buildClr, clrPayload, learnerEmail } from './support/fixture-clr.js';
import { clrSession, clrToken, type ClrSession } from './support/session.js';
import { checkStatusInfo, STATUS_INFO_REQUIREMENTS } from './support/status-info.js';
import { clrIds, walkClrs } from './support/walk.js';
import { deleteClr, getClr, postClr } from './support/writes.js';

async function expectRefused(ctx: ScenarioContext, x: HttpExchange, what: string, requirement: string, statuses: number[]): Promise<void> {
  const check = ensureStatus(...statuses);
  const title = { title: `${what} is refused with ${statuses.join(' or ')}` };
  // A missing token is refused under the IMS Security Framework (a MUST); which scope each operation needs is our reconstruction.
  const refused = requirement === 'CLR10-AUTH-REQUIRED'
    ? await ctx.mustContinue(check, x, ['CLR10-AUTH-REQUIRED'], title)
    : await ctx.should(check, x, [requirement], title);
  if (refused.outcome !== 'pass') return;
  if (statuses.includes(403)) await ctx.should(ensureStatus(403), x, ['CLR10-SCOPE-403'], { title: `${what}: 403, the status the CLR binding lists for it` });
  await checkStatusInfo(ctx, x, what);
}

/** A token holding only CLR scopes other than `scope`. */
const tokenLacking = (ctx: ScenarioContext, s: ClrSession, scope: string) =>
  tokenWithout(ctx, s, scope, [CLR_SCOPES.readonly, CLR_SCOPES.replace, CLR_SCOPES.delete]);

export const clrProviderAuthRefusals: Scenario = {
  id: 'clr-provider-auth-refusals',
  title: 'Every CLR endpoint refuses missing, made-up and under-scoped tokens',
  summary:
    'Calls getClrs, getClr, postClr and deleteClr without a token and getClrs with a made-up token (401 with imsx_StatusInfo, codeMinor ' +
    'unauthorizedrequest); then each endpoint with a token lacking its scope (readonly, replace, delete): 401 or 403 with imsx_StatusInfo, 403 ' +
    'expected as a warning-level rule. The refused postClr must store nothing and the refused deleteClr must delete nothing.',
  roles: ['clr-service-provider'],
  requirements: [...OBTAIN_TOKEN_REQUIREMENTS, 'CLR10-AUTH-REQUIRED', 'CLR10-SCOPE-READONLY', 'CLR10-SCOPE-REPLACE', 'CLR10-SCOPE-DELETE', 'CLR10-SCOPE-403', ...STATUS_INFO_REQUIREMENTS],
  async run(ctx) {
    const s = clrSession(ctx);
    const reader = await clrToken(ctx, s, CLR_SCOPES.readonly);
    const walk = await walkClrs(ctx, reader, s.clrsUrl, 'GET clrs');
    // The getClrs path is reconstructed: where it does not answer, a refusal cannot be told from a missing endpoint.
    if (walk.pages[0]!.exchange.status !== 200) return ctx.skip(`getClrs does not answer 200 at ${s.clrsUrl} (the reconstructed CLR 1.0 path), so refusals there prove nothing`);
    const existing = clrIds(walk.records).find((id) => id.startsWith(`${s.clrsUrl}/`));
    const probeId = existing ?? `${s.clrsUrl}/conformance-unknown-${ctx.config.runId}`;
    const clr = buildClr(learnerEmail(ctx).email);
    const id = String(clr.id);

    const none = [
      await ctx.http.send({ url: s.clrsUrl, label: 'GET clrs without a token' }),
      await getClr(ctx, s, undefined, probeId, 'GET clr without a token'),
      await ctx.http.send({ method: 'POST', url: s.clrsUrl, json: clrPayload(clr), label: 'POST clrs without a token' }),
      await deleteClr(ctx, s, undefined, probeId, 'DELETE clr without a token'),
    ];
    const names = ['getClrs', 'getClr', 'postClr', 'deleteClr'];
    for (const [i, x] of none.entries()) await expectRefused(ctx, x, `${names[i]} without a token`, 'CLR10-AUTH-REQUIRED', [401]);
    const madeUp = await ctx.http.send({ url: s.clrsUrl, headers: { authorization: `Bearer conformance-invalid-${ctx.config.runId}` }, label: 'GET clrs with a made-up token' });
    await expectRefused(ctx, madeUp, 'getClrs with a made-up token', 'CLR10-AUTH-REQUIRED', [401]);

    const noRead = await tokenLacking(ctx, s, CLR_SCOPES.readonly);
    await expectRefused(ctx, await ctx.http.send({ url: s.clrsUrl, headers: bearer(noRead), label: 'GET clrs without readonly' }), 'getClrs without readonly', 'CLR10-SCOPE-READONLY', [401, 403]);
    await expectRefused(ctx, await getClr(ctx, s, noRead, probeId, 'GET clr without readonly'), 'getClr without readonly', 'CLR10-SCOPE-READONLY', [401, 403]);

    const noReplace = await tokenLacking(ctx, s, CLR_SCOPES.replace);
    await expectRefused(ctx, await postClr(ctx, s, noReplace, clr, 'POST clrs without replace'), 'postClr without replace', 'CLR10-SCOPE-REPLACE', [401, 403]);
    const stored = await getClr(ctx, s, reader, id, 'GET the CLR a refused postClr sent');
    await ctx.should(ensureStatus(404), stored, ['CLR10-SCOPE-REPLACE', 'CLR10-AUTH-REQUIRED'], { title: 'refused postClr requests stored nothing' });

    if (!existing) return ctx.skip('getClrs lists no CLR to try deleteClr on');
    const noDelete = await tokenLacking(ctx, s, CLR_SCOPES.delete);
    await expectRefused(ctx, await deleteClr(ctx, s, noDelete, existing, 'DELETE clr without delete'), 'deleteClr without delete', 'CLR10-SCOPE-DELETE', [401, 403]);
    const still = await getClr(ctx, s, reader, existing, 'GET the CLR a refused deleteClr named');
    await ctx.should(ensureStatus(200), still, ['CLR10-SCOPE-DELETE', 'CLR10-AUTH-REQUIRED'], { title: 'refused deleteClr requests deleted nothing' });
  },
};
