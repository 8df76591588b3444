import { ensureJsonBody } from '../../checks/http/ensure-json-body.js';
import { ensureStatus } from '../../checks/http/ensure-status.js';
import { ensureProfile } from '../../checks/obc/ensure-profile.js';
import { ensureNoUnknownProperties, ensureSchemaValid } from '../../checks/schema/ensure-schema-valid.js';
import { SchemaIds } from '../../../../schemas/src/registry.js';
import { SCOPES } from '../../actions/types.js';
import type { Scenario } from '../../engine/scenario.js';
import { checkEnvelope } from './support/check-envelope.js';
import { apiSession, bearer, tokenWith } from './support/session.js';
import { OBTAIN_TOKEN_REQUIREMENTS } from '../../actions/obtain-token.js';

export const providerGetProfile: Scenario = {
  id: 'provider-get-profile',
  title: 'GET /profile returns the user\'s profile',
  summary:
    'Calls GET {apiBase}/profile with a profile.readonly token and checks the 200 response: JSON, the status envelope, the response schema, ' +
    'a profile with id and type, and (as a warning) no properties outside the specification.',
  roles: ['obc-service-provider-read'],
  requirements: [...OBTAIN_TOKEN_REQUIREMENTS, 'OBC21-PROFILE', 'OBC21-CERT-provider-read', 'OBC21-ENVELOPE', 'OBC21-STATUS-TEXT', 'OB20-Profile', 'OBC21-CERT-no-extension-fields'],
  async run(ctx) {
    const s = apiSession(ctx);
    const token = await tokenWith(ctx, s, SCOPES.profileRead);
    const x = await ctx.http.send({ url: s.profileUrl, headers: bearer(token), label: 'GET profile' });
    await ctx.must(ensureStatus(200), x, ['OBC21-PROFILE', 'OBC21-CERT-provider-read']);
    await ctx.must(ensureJsonBody, x, ['OBC21-PROFILE']);
    await checkEnvelope(ctx, x, 'getProfile');
    const body = x.json();
    await ctx.mustContinue(ensureProfile, body, ['OBC21-PROFILE', 'OB20-Profile'], { http: x });
    await ctx.mustContinue(ensureSchemaValid(SchemaIds.obc.getProfile200, 'GET /profile body'), body, ['OBC21-PROFILE', 'OB20-Profile'], { http: x });
    await ctx.should(ensureNoUnknownProperties(SchemaIds.obc.getProfile200, 'GET /profile body'), body, ['OBC21-CERT-no-extension-fields'], { http: x });
  },
};
