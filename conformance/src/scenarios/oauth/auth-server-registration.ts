import { registerClient } from '../../actions/register-client.js';
import { STATE, type DiscoveredApi } from '../../actions/types.js';
import { ensureHeader, ensureNoStore } from '../../checks/http/ensure-header.js';
import { ensureJsonBody } from '../../checks/http/ensure-json-body.js';
import { ensureStatus } from '../../checks/http/ensure-status.js';
import { ensureRegisteredMetadataKept } from '../../checks/oauth/ensure-registered-metadata-kept.js';
import { ensureRegistrationResponse } from '../../checks/oauth/ensure-registration-response.js';
import { ensureSchemaValid } from '../../checks/schema/ensure-schema-valid.js';
import type { Scenario } from '../../engine/scenario.js';
import { SchemaIds } from '../../../../schemas/src/registry.js';

const ID = 'auth-server-registration';

export const authServerRegistration: Scenario = {
  id: ID,
  title: 'Dynamic client registration',
  summary:
    "Registers the suite as a client at the manifest's registrationUrl (RFC 7591 with the Badge Connect metadata, a per-run client name, Basic client authentication, the authorization_code and refresh_token grants, the offered scopes and offline_access). Expects 201 JSON with client_id, client_secret and their timestamps, no-store caching, and the metadata echoed in a form the client can still use.",
  roles: ['obc-service-provider-read', 'obc-service-provider-write'],
  requirements: ['OBC21-REGISTRATION', 'OBC21-REGISTRATION-RESPONSE', 'RFC7591-3.2.1'],
  async run(ctx) {
    const api = ctx.need<DiscoveredApi>(STATE.api, 'the Badge Connect manifest');
    const { request, exchange, client } = await registerClient(ctx, api);
    await ctx.must(ensureStatus(201), exchange, ['OBC21-REGISTRATION', 'RFC7591-3.2.1']);
    await ctx.must(ensureJsonBody, exchange, ['RFC7591-3.2.1']);
    const body = exchange.json();
    await ctx.mustContinue(ensureSchemaValid(SchemaIds.oauth.registrationResponse, 'registration response'), body, ['RFC7591-3.2.1'], {
      http: exchange,
    });
    await ctx.must(ensureRegistrationResponse, body, ['OBC21-REGISTRATION-RESPONSE'], { http: exchange });
    await ctx.mustContinue(ensureNoStore, exchange, ['OBC21-REGISTRATION-RESPONSE']);
    await ctx.mustContinue(
      ensureHeader('Pragma', { describe: 'include no-cache', accept: (v) => /no-cache/i.test(v) }),
      exchange,
      ['OBC21-REGISTRATION-RESPONSE'],
    );
    await ctx.mustContinue(ensureRegisteredMetadataKept, { request, response: body }, ['RFC7591-3.2.1'], { http: exchange });
    if (client) ctx.state.set(STATE.client, client, ID);
  },
};
