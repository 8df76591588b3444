import { ensureJsonBody } from '../../checks/http/ensure-json-body.js';
import { ensureStatus } from '../../checks/http/ensure-status.js';
import { ensureJsonLdValid } from '../../checks/jsonld/ensure-jsonld-valid.js';
import { ensureEnoughRecords } from '../../checks/obc/ensure-enough-records.js';
import { ensureNoDuplicateAssertions } from '../../checks/obc/ensure-no-duplicate-assertions.js';
import { ensureNoUnknownProperties, ensureSchemaValid } from '../../checks/schema/ensure-schema-valid.js';
import { SchemaIds } from '../../../../schemas/src/registry.js';
import { SCOPES } from '../../actions/types.js';
import type { Scenario } from '../../engine/scenario.js';
import { checkEnvelope } from './support/check-envelope.js';
import { walkPages } from './support/walk.js';
import { checkSignedAssertions, type KeyCache } from './support/signed.js';
import { apiSession, tokenWith } from './support/session.js';
import { OBTAIN_TOKEN_REQUIREMENTS } from '../../actions/obtain-token.js';

export const providerGetAssertions: Scenario = {
  id: 'provider-get-assertions',
  title: 'GET /assertions lists valid OB 2.0 assertions',
  summary:
    'Reads every page of GET {apiBase}/assertions (default page size, following rel="next") with an assertion.readonly token and checks the 200 responses: JSON, the status envelope, the response schema, ' +
    'every unsigned assertion as a valid OB 2.0 Assertion (schema and JSON-LD), every signed assertion as a well-formed compact JWS whose signature ' +
    'verifies with the key its issuer publishes, and (as a warning) no properties outside the specification.',
  roles: ['obc-service-provider-read'],
  requirements: [...OBTAIN_TOKEN_REQUIREMENTS, 
    'OBC21-GET-ASSERTIONS', 'OBC21-CERT-provider-read', 'OBC21-ENVELOPE', 'OBC21-STATUS-TEXT', 'OBC21-CERT-no-extension-fields',
    'OBC21-UNIQUE-ID', 'OB20-Assertion', 'OB20-JSON-LD', 'OB20-SignedBadge', 'OBC21-POST-ASSERTION-VERIFY',
  ],
  async run(ctx) {
    const s = apiSession(ctx);
    const token = await tokenWith(ctx, s, SCOPES.assertionRead);
    // Every page (default page size, following "next"), so every record the user holds is validated.
    const walk = await walkPages(ctx, token, s.assertionsUrl, 'GET assertions');
    const x = walk.pages[0]!.exchange;
    await ctx.must(ensureStatus(200), x, ['OBC21-GET-ASSERTIONS', 'OBC21-CERT-provider-read']);
    await ctx.must(ensureJsonBody, x, ['OBC21-GET-ASSERTIONS']);
    await checkEnvelope(ctx, x, 'getAssertions');
    for (const [i, page] of walk.pages.entries()) {
      const body = page.exchange.json();
      const what = `GET /assertions page ${i + 1} body`;
      if (i > 0) await ctx.mustContinue(ensureStatus(200), page.exchange, ['OBC21-GET-ASSERTIONS'], { title: `page ${i + 1} answers 200` });
      await ctx.mustContinue(ensureSchemaValid(SchemaIds.obc.getAssertions200, what), body, ['OBC21-GET-ASSERTIONS'], { http: page.exchange });
      await ctx.should(ensureNoUnknownProperties(SchemaIds.obc.getAssertions200, what), body, ['OBC21-CERT-no-extension-fields'], { http: page.exchange });
    }
    const first = walk.pages[0]!.records;
    await ctx.should(ensureEnoughRecords, { count: walk.records.length, min: 1, purpose: 'so that the OB 2.0 data model can be checked' }, ['OBC21-CERT-provider-read'], { http: x });
    // Within one response a repeated id is the provider's data, not a paging error (provider-get-assertions-paging).
    await ctx.should(ensureNoDuplicateAssertions, first, ['OBC21-UNIQUE-ID'], { http: x });
    const keys: KeyCache = new Map();
    for (const page of walk.pages) {
      for (const r of page.records.filter((r) => r.kind === 'assertion')) {
        await ctx.mustContinue(ensureSchemaValid(SchemaIds.ob20.assertion, r.where), r.doc, ['OB20-Assertion'], { http: page.exchange });
        await ctx.mustContinue(ensureJsonLdValid(r.where), r.doc, ['OB20-JSON-LD'], { http: page.exchange });
      }
      await checkSignedAssertions(ctx, page.records, page.exchange, keys);
    }
  },
};
