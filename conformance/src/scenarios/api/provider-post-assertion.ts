import { ensureJsonBody } from '../../checks/http/ensure-json-body.js';
import { ensureStatus } from '../../checks/http/ensure-status.js';
import { ensureAssertionRoundTrip } from '../../checks/obc/ensure-assertion-round-trip.js';
import { ensureNoUnknownProperties, ensureSchemaValid } from '../../checks/schema/ensure-schema-valid.js';
import { SchemaIds } from '../../../../schemas/src/registry.js';
import { SCOPES } from '../../actions/types.js';
import type { Scenario } from '../../engine/scenario.js';
import { checkEnvelope } from './support/check-envelope.js';
import { buildAssertion, FALLBACK_RECIPIENT } from './support/fixture-assertion.js';
import { resolveRecipient } from './support/recipient.js';
import { apiSession, tokenWith } from './support/session.js';
import { listAll, POSTED_ASSERTION, postAssertion, type PostedAssertion } from './support/writes.js';
import { OBTAIN_TOKEN_REQUIREMENTS } from '../../actions/obtain-token.js';

const WRITE_REQS = ['OBC21-POST-ASSERTION', 'OBC21-CERT-provider-write'];

export const providerPostAssertion: Scenario = {
  id: 'provider-post-assertion',
  title: 'POST /assertions stores a new assertion',
  summary:
    'Posts a new OB 2.0 Assertion (fresh urn:uuid id, BadgeClass and Issuer embedded under example.org, HostedBadge verification) for the ' +
    'signed-in user, whose email is read from GET /profile when profile.readonly is offered. Without that scope the recipient is ' +
    `${FALLBACK_RECIPIENT}, and a RECIPIENT_PROFILE_MISMATCH refusal then skips the scenario. Expects 200 with the status envelope, then ` +
    'reads GET /assertions (with assertion.readonly, authorized separately if needed) and expects the assertion listed with every field unchanged.',
  roles: ['obc-service-provider-write'],
  requirements: [...OBTAIN_TOKEN_REQUIREMENTS, ...WRITE_REQS, 'OBC21-ENVELOPE', 'OBC21-STATUS-TEXT', 'OBC21-CERT-no-extension-fields'],
  async run(ctx) {
    const s = apiSession(ctx);
    const token = await tokenWith(ctx, s, SCOPES.assertionCreate);
    const recipient = await resolveRecipient(ctx, s);
    const assertion = buildAssertion(recipient.email);
    const x = await postAssertion(ctx, s, token, { assertion }, 'POST assertion');
    const mismatch = (x.json() as { status?: { statusText?: unknown } } | undefined)?.status?.statusText === 'RECIPIENT_PROFILE_MISMATCH';
    if (x.status === 400 && mismatch && !recipient.fromProfile) {
      ctx.skip(`the provider refused the fallback recipient ${FALLBACK_RECIPIENT} and offers no profile.readonly scope to learn the user's email`);
    }
    await ctx.must(ensureStatus(200), x, WRITE_REQS);
    await ctx.must(ensureJsonBody, x, WRITE_REQS);
    await checkEnvelope(ctx, x, 'postAssertion');
    await ctx.mustContinue(ensureSchemaValid(SchemaIds.obc.postAssertion200, 'POST /assertions body'), x.json(), WRITE_REQS, { http: x });
    await ctx.should(ensureNoUnknownProperties(SchemaIds.obc.postAssertion200, 'POST /assertions body'), x.json(), ['OBC21-CERT-no-extension-fields'], { http: x });

    const walk = await listAll(ctx, s, 'GET assertions after POST');
    const listed = walk.records.filter((r) => r.id === assertion.id).map((r) => r.doc);
    const stored = await ctx.mustContinue(ensureAssertionRoundTrip, { posted: assertion, listed }, ['OBC21-POST-ASSERTION'], {
      http: walk.pages.map((p) => p.exchange),
    });
    if (stored.outcome === 'pass') ctx.state.set<PostedAssertion>(POSTED_ASSERTION, { assertion, recipientEmail: recipient.email }, ctx.scenarioId);
  },
};
