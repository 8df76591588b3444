import { CLR_SCOPES, CLR_STATE } from '../../actions/clr/constants.js';
import { learnerEmailOf } from '../../actions/clr/records.js';
import { OBTAIN_TOKEN_REQUIREMENTS } from '../../actions/obtain-token.js';
import { ensureClrSchema } from '../../checks/clr/ensure-clr-schema.js';
import { ensureJsonBody } from '../../checks/http/ensure-json-body.js';
import { ensureStatus } from '../../checks/http/ensure-status.js';
import { ensureJsonLdValid } from '../../checks/jsonld/ensure-jsonld-valid.js';
import { ensureEnoughRecords } from '../../checks/obc/ensure-enough-records.js';
import { ensureNoDuplicateAssertions } from '../../checks/obc/ensure-no-duplicate-assertions.js';
import { ensureCompactJws } from '../../checks/clr/ensure-compact-jws.js';
import { ensureNoUnknownProperties } from '../../checks/schema/ensure-schema-valid.js';
import type { Scenario } from '../../engine/scenario.js';
import { SchemaIds } from '../../../../schemas/src/registry.js';
import { clrSession, clrToken, withContext } from './support/session.js';
import { walkClrs } from './support/walk.js';

export const clrProviderGetClrs: Scenario = {
  id: 'clr-provider-get-clrs',
  title: 'getClrs lists valid CLRs',
  summary:
    'Reads every page of GET {apiBase}/clrs (default page size, following rel="next") with a readonly token. Every page must answer 200 JSON ' +
    'matching the ClrSet schema; every Clr, and the payload of every signed CLR (a compact JWS), must match the Clr schema (the JSON binding, Final ' +
    'or Candidate Final, is reported) and expand as JSON-LD with the CLR context. Extension properties and an id listed twice are warnings. ' +
    "The learner's email is kept for the write scenarios.",
  roles: ['clr-service-provider'],
  requirements: [...OBTAIN_TOKEN_REQUIREMENTS, 'CLR10-GET-CLRS', 'CLR10-CLRSET', 'CLR10-CLR-SCHEMA', 'CLR10-JSON-LD', 'CLR10-NO-EXTENSION-FIELDS', 'CLR10-UNIQUE-ID'],
  async run(ctx) {
    const s = clrSession(ctx);
    const token = await clrToken(ctx, s, CLR_SCOPES.readonly);
    const walk = await walkClrs(ctx, token, s.clrsUrl, 'GET clrs');
    const first = walk.pages[0]!.exchange;
    const listed = await ctx.should(ensureStatus(200), first, ['CLR10-GET-CLRS']);
    if (listed.outcome === 'fail') return ctx.skip('getClrs did not answer 200: the CLR 1.0 path and status are reconstructed (a warning above), so the rest cannot be judged');
    const json = await ctx.should(ensureJsonBody, first, ['CLR10-GET-CLRS']);
    // A JSON body under a wrong Content-Type is still worth judging; only an unparsable one ends here.
    if (json.outcome !== 'pass' && first.json() === undefined) return;
    for (const [i, page] of walk.pages.entries()) {
      const body = page.exchange.json();
      const what = `GET /clrs page ${i + 1} body`;
      const http = { http: page.exchange };
      if (i > 0) await ctx.should(ensureStatus(200), page.exchange, ['CLR10-GET-CLRS'], { title: `page ${i + 1} answers 200` });
      await ctx.mustContinue(ensureClrSchema(SchemaIds.clr.clrSet, what), body, ['CLR10-CLRSET'], http);
      await ctx.should(ensureNoUnknownProperties(SchemaIds.clr.clrSet, what), body, ['CLR10-NO-EXTENSION-FIELDS'], http);
      const context = (body as { '@context'?: unknown } | undefined)?.['@context'];
      for (const r of page.records) {
        if (r.kind === 'signed') {
          const shape = await ctx.mustContinue(ensureCompactJws, r.jws ?? r.doc, ['CLR10-CLRSET'], { ...http, title: `${r.where} is a compact JWS` });
          if (shape.outcome !== 'pass') continue;
        }
        const doc = withContext(r.doc, context);
        await ctx.mustContinue(ensureClrSchema(SchemaIds.clr.clr, r.where), doc, ['CLR10-CLR-SCHEMA'], http);
        await ctx.mustContinue(ensureJsonLdValid(r.where), doc, ['CLR10-JSON-LD'], http);
      }
    }
    const all = walk.pages.map((p) => p.exchange);
    await ctx.should(ensureEnoughRecords, { count: walk.records.length, min: 1, purpose: 'so that the CLR data model can be checked' }, ['CLR10-GET-CLRS'], {
      http: all,
      title: 'The test account lists at least one CLR',
    });
    await ctx.should(ensureNoDuplicateAssertions, walk.pages[0]!.records, ['CLR10-UNIQUE-ID'], { http: first, title: 'No CLR id is listed twice' });
    ctx.state.set(CLR_STATE.listed, walk.records, ctx.scenarioId);
    const email = learnerEmailOf(walk.records);
    if (email) ctx.state.set(CLR_STATE.learnerEmail, email, ctx.scenarioId);
  },
};
