import { ALL_CLR_SCOPES, clrDiscoveryUrl } from '../../actions/clr/constants.js';
import { clrDiscoveredApi, getClrDiscovery } from '../../actions/clr/discovery.js';
import { STATE } from '../../actions/types.js';
import { ensureDiscoveryEntry } from '../../checks/clr/ensure-discovery-entry.js';
import { ensureJsonBody } from '../../checks/http/ensure-json-body.js';
import { ensureStatus } from '../../checks/http/ensure-status.js';
import { ensureJsonLdValid } from '../../checks/jsonld/ensure-jsonld-valid.js';
import { ensureHttpsUrl } from '../../checks/oauth/ensure-https-url.js';
import { ensureNoUnknownProperties, ensureSchemaValid } from '../../checks/schema/ensure-schema-valid.js';
import { UsageError } from '../../engine/errors.js';
import type { Scenario } from '../../engine/scenario.js';
import { SchemaIds } from '../../../../schemas/src/registry.js';

const ENDPOINTS = ['registrationUrl', 'authorizationUrl', 'tokenUrl'] as const;

export const clrProviderDiscovery: Scenario = {
  id: 'clr-provider-discovery',
  title: 'CLR discovery document',
  summary:
    'GETs {origin}/ims/clr/v1p0/discovery (or the discovery URL given as target) without credentials and expects 200 JSON matching the CLR 1.0 ' +
    'discovery schema, valid JSON-LD, absolute OAuth endpoint URLs, the three CLR scopes (readonly, replace, delete) in scopesOffered, and https ' +
    'everywhere. Extension properties are a warning. The OAuth scenarios use the endpoints it names; CLR discovery has no revocation URL.',
  roles: ['clr-service-provider'],
  requirements: ['CLR10-DISCOVERY', 'CLR10-DISCOVERY-DOCUMENT', 'CLR10-DISCOVERY-SCOPES', 'CLR10-NO-EXTENSION-FIELDS', 'CLR10-JSON-LD', 'CLR10-TLS'],
  async run(ctx) {
    const url = clrDiscoveryUrl(ctx.config.target);
    const { exchange, document } = await getClrDiscovery(ctx, url);
    // The discovery path comes from the reference implementation, not from CLR text: not finding a document
    // there is a warning, and the run cannot go on, which is no verdict on the provider (exit 2), never a pass.
    const found = await ctx.should(ensureStatus(200), exchange, ['CLR10-DISCOVERY']);
    if (found.outcome === 'fail') {
      throw new UsageError('no-clr-discovery', `no CLR 1.0 discovery document at ${url} (${found.message}); the path is the reference implementation's, so give the discovery URL as --target if yours lives elsewhere`);
    }
    await ctx.should(ensureJsonBody, exchange, ['CLR10-DISCOVERY']);
    const http = { http: exchange };
    await ctx.must(ensureSchemaValid(SchemaIds.clr.discovery, 'discovery document'), document, ['CLR10-DISCOVERY-DOCUMENT'], http);
    await ctx.should(ensureNoUnknownProperties(SchemaIds.clr.discovery, 'discovery document'), document, ['CLR10-NO-EXTENSION-FIELDS'], http);
    await ctx.mustContinue(ensureJsonLdValid('discovery document'), document, ['CLR10-JSON-LD'], http);
    await ctx.should(ensureDiscoveryEntry(ALL_CLR_SCOPES), document, ['CLR10-DISCOVERY-SCOPES'], http);
    const api = clrDiscoveredApi(url, document!);
    if (!api) return ctx.skip('the discovery document lacks an OAuth endpoint the entry check should have reported');
    ctx.state.set(STATE.api, api, 'clr-provider-discovery');

    const tls = { acceptLoopbackHttp: ctx.config.plainHttpLoopback };
    await ctx.mustContinue(ensureHttpsUrl('discovery URL', tls), url, ['CLR10-TLS']);
    for (const name of ENDPOINTS) await ctx.mustContinue(ensureHttpsUrl(name, tls), api[name], ['CLR10-TLS'], http);
  },
};
