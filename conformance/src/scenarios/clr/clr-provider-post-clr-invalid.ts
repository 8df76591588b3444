import { CLR_SCOPES } from '../../actions/clr/constants.js';
import { OBTAIN_TOKEN_REQUIREMENTS } from '../../actions/obtain-token.js';
import { ensureStatus } from '../../checks/http/ensure-status.js';
import type { Scenario } from '../../engine/scenario.js';
import { bearer } from '../api/support/session.js';
import { buildClr, CLR_MUTATIONS, learnerEmail } from './support/fixture-clr.js';
import { clrSession, clrToken } from './support/session.js';
import { checkStatusInfo, STATUS_INFO_REQUIREMENTS } from './support/status-info.js';
import { getClr, postClr } from './support/writes.js';

/** Bodies that are not a ClrPayload at all. */
const MALFORMED: { name: string; body: string }[] = [
  { name: 'truncated JSON', body: '{"clr": {"type": "Clr",' },
  { name: 'no clr or signedClr', body: '{"@context": "https://purl.imsglobal.org/spec/clr/v1p0/context/clr_v1p0.jsonld"}' },
  { name: 'signedClr that is not a JWS', body: '{"@context": "https://purl.imsglobal.org/spec/clr/v1p0/context/clr_v1p0.jsonld", "signedClr": "not-a-jws"}' },
];

export const clrProviderPostClrInvalid: Scenario = {
  id: 'clr-provider-post-clr-invalid',
  title: 'postClr refuses invalid bodies with 400 and stores nothing',
  summary:
    `Posts ${MALFORMED.map((m) => m.name).join(', ')}, and Clrs with ${Object.keys(CLR_MUTATIONS).join(', ')}. Each must be refused with 400 and ` +
    'imsx_StatusInfo (codeMinor invalid_data), and getClr must answer 404 for every refused Clr id afterwards.',
  roles: ['clr-service-provider'],
  requirements: [...OBTAIN_TOKEN_REQUIREMENTS, 'CLR10-POST-CLR-INVALID', ...STATUS_INFO_REQUIREMENTS],
  async run(ctx) {
    const s = clrSession(ctx);
    const writer = await clrToken(ctx, s, CLR_SCOPES.replace);
    const reader = await clrToken(ctx, s, CLR_SCOPES.readonly);
    // The postClr path is reconstructed: where the CLR API does not answer, a refusal cannot be told from a missing endpoint.
    const probe = await ctx.http.send({ url: s.clrsUrl, headers: bearer(reader), label: 'GET clrs (is the CLR API there?)' });
    if (probe.status !== 200) return ctx.skip(`getClrs does not answer 200 at ${s.clrsUrl} (the reconstructed CLR 1.0 path), so refusals there prove nothing`);
    for (const { name, body } of MALFORMED) {
      const x = await ctx.http.send({ method: 'POST', url: s.clrsUrl, headers: { ...bearer(writer), 'content-type': 'application/json' }, body, label: `POST clrs: ${name}` });
      const refused = await ctx.mustContinue(ensureStatus(400), x, ['CLR10-POST-CLR-INVALID'], { title: `${name} is refused with 400` });
      if (refused.outcome === 'pass') await checkStatusInfo(ctx, x, name);
    }
    const email = learnerEmail(ctx).email;
    const refusedIds: string[] = [];
    for (const [name, mutate] of Object.entries(CLR_MUTATIONS)) {
      const clr = mutate(buildClr(email));
      const x = await postClr(ctx, s, writer, clr, `POST clrs: ${name}`);
      const refused = await ctx.mustContinue(ensureStatus(400), x, ['CLR10-POST-CLR-INVALID'], { title: `a Clr with ${name} is refused with 400` });
      if (refused.outcome === 'pass') await checkStatusInfo(ctx, x, name);
      refusedIds.push(String(clr.id));
    }
    for (const id of refusedIds) {
      const x = await getClr(ctx, s, reader, id, 'GET a refused CLR');
      await ctx.mustContinue(ensureStatus(404), x, ['CLR10-POST-CLR-INVALID'], { title: `the refused CLR ${id} was not stored` });
    }
  },
};
