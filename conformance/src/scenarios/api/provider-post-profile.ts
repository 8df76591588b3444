import { ensureJsonBody } from '../../checks/http/ensure-json-body.js';
import { ensureStatus } from '../../checks/http/ensure-status.js';
import { ensureProfile } from '../../checks/obc/ensure-profile.js';
import { ensureNoUnknownProperties, ensureSchemaValid } from '../../checks/schema/ensure-schema-valid.js';
import { SchemaIds } from '../../../../schemas/src/registry.js';
import { SCOPES } from '../../actions/types.js';
import type { Scenario } from '../../engine/scenario.js';
import { checkEnvelope } from './support/check-envelope.js';
import { apiSession, bearer, scopeOffered, tokenWith } from './support/session.js';
import { OBTAIN_TOKEN_REQUIREMENTS } from '../../actions/obtain-token.js';

const REQS = ['OBC21-POST-PROFILE', 'OBC21-CERT-post-profile-optional'];

export const providerPostProfile: Scenario = {
  id: 'provider-post-profile',
  title: 'POST /profile adds an identifier (optional feature)',
  summary:
    'POST /profile is optional for a Service Provider (Write). When the manifest offers profile.update (and profile.readonly, to learn the ' +
    'profile id), posts the profile id and type with one extra example.org email and expects 200 with the status envelope and a profile ' +
    '(which may not show the new email yet: SPEC21 allows verifying it first). Skipped with a reason otherwise.',
  roles: ['obc-service-provider-write'],
  requirements: [...OBTAIN_TOKEN_REQUIREMENTS, ...REQS, 'OB20-Profile', 'OBC21-ENVELOPE', 'OBC21-STATUS-TEXT', 'OBC21-CERT-no-extension-fields'],
  async run(ctx) {
    const s = apiSession(ctx);
    if (!scopeOffered(s, SCOPES.profileUpdate)) ctx.skip('the manifest does not offer profile.update: POST /profile is optional and not implemented');
    if (!scopeOffered(s, SCOPES.profileRead)) ctx.skip('the manifest does not offer profile.readonly, so the profile id to update cannot be learnt');
    const reader = await tokenWith(ctx, s, SCOPES.profileRead);
    const current = await ctx.http.send({ url: s.profileUrl, headers: bearer(reader), label: 'GET profile (id to update)' });
    const id = (current.json() as { profile?: { id?: unknown } } | undefined)?.profile?.id;
    if (typeof id !== 'string') ctx.skip('GET /profile gave no profile id (reported by provider-get-profile in the read plan)');

    const token = await tokenWith(ctx, s, SCOPES.profileUpdate);
    const email = `conformance-${ctx.config.runId.slice(0, 8)}@example.org`;
    const x = await ctx.http.send({ method: 'POST', url: s.profileUrl, headers: bearer(token), json: { id, type: 'Profile', email }, label: 'POST profile' });
    await ctx.must(ensureStatus(200), x, ['OBC21-POST-PROFILE']);
    await ctx.must(ensureJsonBody, x, ['OBC21-POST-PROFILE']);
    await checkEnvelope(ctx, x, 'postProfile');
    const body = x.json();
    await ctx.mustContinue(ensureProfile, body, ['OBC21-POST-PROFILE', 'OB20-Profile'], { http: x });
    await ctx.mustContinue(ensureSchemaValid(SchemaIds.obc.postProfile200, 'POST /profile body'), body, ['OBC21-POST-PROFILE'], { http: x });
    await ctx.should(ensureNoUnknownProperties(SchemaIds.obc.postProfile200, 'POST /profile body'), body, ['OBC21-CERT-no-extension-fields'], { http: x });
  },
};
