import { buildRegistrationRequest, postRegistration, toRegisteredClient } from '../../actions/register-client.js';
import { ALL_CLR_SCOPES } from '../../actions/clr/constants.js';
import { offeredOnly, joinScope } from '../../actions/scopes.js';
import { SCOPES, STATE, type DiscoveredApi } from '../../actions/types.js';
import { ensureHeader, ensureNoStore } from '../../checks/http/ensure-header.js';
import { ensureJsonBody } from '../../checks/http/ensure-json-body.js';
import { ensureStatus } from '../../checks/http/ensure-status.js';
import { ensureRegisteredMetadataKept } from '../../checks/oauth/ensure-registered-metadata-kept.js';
import { ensureRegistrationResponse } from '../../checks/oauth/ensure-registration-response.js';
import { ensureSchemaValid } from '../../checks/schema/ensure-schema-valid.js';
import type { Scenario } from '../../engine/scenario.js';
import { SchemaIds } from '../../../../schemas/src/registry.js';

const ID = 'clr-provider-registration';

export const clrProviderRegistration: Scenario = {
  id: ID,
  title: 'Dynamic client registration for CLR',
  summary:
    "Registers the suite at the discovery document's registrationUrl with the same RFC 7591 metadata as the Badge Connect plans (per-run name, " +
    'Basic client authentication, authorization_code and refresh_token grants), asking for the offered CLR scopes plus offline_access. ' +
    'Expects 201 JSON with client_id, client_secret and their timestamps, no-store caching, and the metadata kept.',
  roles: ['clr-service-provider'],
  requirements: ['CLR10-REGISTRATION', 'RFC7591-3.2.1'],
  async run(ctx) {
    const api = ctx.need<DiscoveredApi>(STATE.api, 'the CLR discovery document');
    const request = { ...buildRegistrationRequest(ctx, api), scope: joinScope([...offeredOnly(ALL_CLR_SCOPES, api.scopesOffered), SCOPES.offlineAccess]) };
    const exchange = await postRegistration(ctx, api, request);
    await ctx.must(ensureStatus(201), exchange, ['CLR10-REGISTRATION', 'RFC7591-3.2.1']);
    await ctx.must(ensureJsonBody, exchange, ['CLR10-REGISTRATION']);
    const body = exchange.json();
    await ctx.mustContinue(ensureSchemaValid(SchemaIds.oauth.registrationResponse, 'registration response'), body, ['RFC7591-3.2.1'], { http: exchange });
    await ctx.must(ensureRegistrationResponse, body, ['CLR10-REGISTRATION'], { http: exchange });
    await ctx.mustContinue(ensureNoStore, exchange, ['CLR10-REGISTRATION']);
    await ctx.mustContinue(ensureHeader('Pragma', { describe: 'include no-cache', accept: (v) => /no-cache/i.test(v) }), exchange, ['CLR10-REGISTRATION']);
    await ctx.mustContinue(ensureRegisteredMetadataKept, { request, response: body }, ['RFC7591-3.2.1'], { http: exchange });
    const client = toRegisteredClient(request, body);
    if (client) ctx.state.set(STATE.client, client, ID);
  },
};
