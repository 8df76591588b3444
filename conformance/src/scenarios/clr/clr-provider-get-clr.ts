import { CLR_SCOPES } from '../../actions/clr/constants.js';
import { OBTAIN_TOKEN_REQUIREMENTS } from '../../actions/obtain-token.js';
import { ensureClrId } from '../../checks/clr/ensure-clr-id.js';
import { ensureClrSchema } from '../../checks/clr/ensure-clr-schema.js';
import { ensureSameClr } from '../../checks/clr/ensure-same-clr.js';
import { ensureJsonBody } from '../../checks/http/ensure-json-body.js';
import { ensureStatus } from '../../checks/http/ensure-status.js';
import type { Scenario } from '../../engine/scenario.js';
import { SchemaIds } from '../../../../schemas/src/registry.js';
import { bearer } from '../api/support/session.js';
import { clrSession, clrToken, clrUrl } from './support/session.js';
import { checkStatusInfo, STATUS_INFO_REQUIREMENTS } from './support/status-info.js';
import { walkClrs } from './support/walk.js';

/** Enough to judge the endpoint without reading a large account twice. */
const MAX_RECORDS = 50;

export const clrProviderGetClr: Scenario = {
  id: 'clr-provider-get-clr',
  title: 'getClr serves each listed CLR at its id; unknown ids answer 404',
  summary:
    `For each CLR getClrs lists (at most ${MAX_RECORDS}), checks that its id is a getClr URL ({apiBase}/clrs/{id}), GETs it with a readonly token ` +
    'and expects 200 JSON with the bare Clr (schema-valid, with its own @context) equal to the listed one (for a signed CLR, to its payload). ' +
    'A made-up id must answer 404 with imsx_StatusInfo.',
  roles: ['clr-service-provider'],
  requirements: [...OBTAIN_TOKEN_REQUIREMENTS, 'CLR10-GET-CLR', 'CLR10-CLR-ID', 'CLR10-CLR-SCHEMA', 'CLR10-NOT-FOUND', ...STATUS_INFO_REQUIREMENTS],
  async run(ctx) {
    const s = clrSession(ctx);
    const token = await clrToken(ctx, s, CLR_SCOPES.readonly);
    const walk = await walkClrs(ctx, token, s.clrsUrl, 'GET clrs');
    const listed = await ctx.should(ensureStatus(200), walk.pages[0]!.exchange, ['CLR10-GET-CLRS'], { title: 'getClrs answers 200' });
    if (listed.outcome === 'fail') return ctx.skip('getClrs did not answer 200: the CLR 1.0 path and status are reconstructed (a warning above), so the rest cannot be judged');
    const seen = new Set<string>();
    for (const r of walk.records.filter((r) => typeof r.doc === 'object' && r.doc !== null).slice(0, MAX_RECORDS)) {
      if (seen.has(r.id)) continue;
      seen.add(r.id);
      const idOk = await ctx.mustContinue(ensureClrId, { id: r.id, clrsUrl: s.clrsUrl }, ['CLR10-CLR-ID'], { title: `${r.where}: id is a getClr URL` });
      if (idOk.outcome === 'fail') continue;
      const x = await ctx.http.send({ url: clrUrl(s, r.id), headers: { ...bearer(token), accept: 'application/ld+json, application/json' }, label: `GET clr ${r.id}` });
      const ok = await ctx.should(ensureStatus(200), x, ['CLR10-GET-CLR'], { title: `GET ${r.id} answers 200` });
      if (ok.outcome !== 'pass') continue;
      const json = await ctx.should(ensureJsonBody, x, ['CLR10-GET-CLR'], { title: `GET ${r.id}: JSON body` });
      if (json.outcome !== 'pass') continue;
      await ctx.mustContinue(ensureClrSchema(SchemaIds.clr.clr, `GET ${r.id} body`), x.json(), ['CLR10-CLR-SCHEMA'], { http: x });
      await ctx.should(ensureSameClr, { expected: r.doc, actual: x.json() }, ['CLR10-GET-CLR'], {
        http: [walk.pages[0]!.exchange, x],
        title: `GET ${r.id} serves the listed CLR`,
      });
    }

    const unknown = `${s.clrsUrl}/conformance-unknown-${ctx.config.runId}`;
    const nf = await ctx.http.send({ url: unknown, headers: bearer(token), label: 'GET clr with an unknown id' });
    const is404 = await ctx.mustContinue(ensureStatus(404), nf, ['CLR10-NOT-FOUND'], { title: 'an unknown CLR id answers 404' });
    if (is404.outcome === 'pass') await checkStatusInfo(ctx, nf, 'unknown CLR id');
  },
};
