import { ensureStatus } from '../../checks/http/ensure-status.js';
import { ensureAssertionAbsent } from '../../checks/obc/ensure-assertion-absent.js';
import { SCOPES } from '../../actions/types.js';
import type { Scenario } from '../../engine/scenario.js';
import { checkEnvelope } from './support/check-envelope.js';
import { ASSERTION_MUTATIONS, buildAssertion } from './support/fixture-assertion.js';
import { idsOf } from './support/records.js';
import { resolveRecipient } from './support/recipient.js';
import { apiSession, bearer, tokenWith } from './support/session.js';
import { listAll, postAssertion } from './support/writes.js';
import { OBTAIN_TOKEN_REQUIREMENTS } from '../../actions/obtain-token.js';

/** Bodies that are not an Assertion Payload at all: refusing them is a MUST. */
const MALFORMED_BODIES: { name: string; body: string }[] = [
  { name: 'truncated JSON', body: '{"assertion": {"type": "Assertion",' },
  { name: 'empty body', body: '' },
  { name: 'no assertion or signedAssertion', body: '{}' },
];

export const providerPostAssertionInvalid: Scenario = {
  id: 'provider-post-assertion-invalid',
  title: 'POST /assertions refuses invalid bodies and stores nothing',
  summary:
    `Posts ${MALFORMED_BODIES.map((b) => b.name).join(', ')} (400 required), and assertions with no recipient or no badge (400 expected: the ` +
    'provider SHOULD verify what it receives, so acceptance is a warning). Every refusal must carry the status envelope with a statusText ' +
    'allowed for POST /assertions, and no refused assertion may be listed afterwards.',
  roles: ['obc-service-provider-write'],
  requirements: [...OBTAIN_TOKEN_REQUIREMENTS, 'OBC21-POST-ASSERTION-BODY', 'OBC21-POST-ASSERTION-VERIFY', 'OB20-Assertion', 'OBC21-REFUSAL-NO-EFFECT', 'OBC21-ENVELOPE', 'OBC21-STATUS-TEXT'],
  async run(ctx) {
    const s = apiSession(ctx);
    const token = await tokenWith(ctx, s, SCOPES.assertionCreate);
    for (const { name, body } of MALFORMED_BODIES) {
      const x = await ctx.http.send({
        method: 'POST',
        url: s.assertionsUrl,
        headers: { ...bearer(token), 'content-type': 'application/json' },
        body,
        label: `POST assertions: ${name}`,
      });
      const refused = await ctx.mustContinue(ensureStatus(400), x, ['OBC21-POST-ASSERTION-BODY'], { title: `${name} is refused with 400` });
      if (refused.outcome === 'pass') await checkEnvelope(ctx, x, 'postAssertion', undefined, name);
    }

    const recipient = await resolveRecipient(ctx, s);
    const refusedIds: string[] = [];
    for (const [name, mutate] of Object.entries(ASSERTION_MUTATIONS)) {
      const assertion = mutate(buildAssertion(recipient.email));
      const x = await postAssertion(ctx, s, token, { assertion }, `POST assertions: ${name}`);
      const refused = await ctx.should(ensureStatus(400), x, ['OBC21-POST-ASSERTION-VERIFY', 'OB20-Assertion'], { title: `an assertion with ${name} is refused with 400` });
      if (refused.outcome !== 'pass') continue;
      refusedIds.push(String(assertion.id));
      await checkEnvelope(ctx, x, 'postAssertion', undefined, name);
    }
    if (refusedIds.length === 0) return;
    const walk = await listAll(ctx, s, 'GET assertions after refusals');
    const listed = idsOf(walk.records);
    for (const id of refusedIds) {
      await ctx.should(ensureAssertionAbsent, { id, listed }, ['OBC21-REFUSAL-NO-EFFECT'], { http: walk.pages.map((p) => p.exchange) });
    }
  },
};
