import { ensureJsonBody } from '../../checks/http/ensure-json-body.js';
import { ensureStatus } from '../../checks/http/ensure-status.js';
import { ensureAssertionRoundTrip } from '../../checks/obc/ensure-assertion-round-trip.js';
import { ensureOrderedByUpdate } from '../../checks/obc/ensure-ordered-by-update.js';
import { ensureSinceRespected } from '../../checks/obc/ensure-since-respected.js';
import { ensureNoUnknownProperties, ensureSchemaValid } from '../../checks/schema/ensure-schema-valid.js';
import { SchemaIds } from '../../../../schemas/src/registry.js';
import { SCOPES } from '../../actions/types.js';
import type { ScenarioContext } from '../../engine/context.js';
import type { Scenario } from '../../engine/scenario.js';
import { blocked, type Check } from '../../engine/verdict.js';
import { checkEnvelope } from './support/check-envelope.js';
import { CANNOT_BUILD, firstSupplied, SUPPLY_HOWTO } from './support/postable.js';
import { idsOf } from './support/records.js';
import { resolveRecipient } from './support/recipient.js';
import { apiSession, tokenWith } from './support/session.js';
import { listAll, POSTED_ASSERTION, postAssertion, type PostedAssertion } from './support/writes.js';
import { OBTAIN_TOKEN_REQUIREMENTS } from '../../actions/obtain-token.js';

const WRITE_REQS = ['OBC21-POST-ASSERTION', 'OBC21-CERT-provider-write'];

/** Creation could not be tested for want of a document: a MUST left open, so the run is inconclusive, not a pass. */
async function cannotPost(ctx: ScenarioContext, reason: string, needs: string, remedy: string): Promise<never> {
  const open: Check<null> = { id: 'ensure-assertion-created', title: 'POST /assertions stores a new assertion', run: () => blocked(reason, needs, undefined, remedy) };
  await ctx.mustContinue(open, null, WRITE_REQS);
  return ctx.skip(reason);
}
const SUPPLY_FLAG = '--post-assertion <file> (or "postAssertions" in the config file)';

/** One second before the provider's own clock said the response was sent (Date has second precision). */
function sinceFromDate(date: string | undefined): string | undefined {
  const ms = date ? Date.parse(date) : NaN;
  return Number.isNaN(ms) ? undefined : new Date(ms - 1000).toISOString().replace('.000Z', 'Z');
}

export const providerPostAssertion: Scenario = {
  id: 'provider-post-assertion',
  title: 'POST /assertions stores a new assertion',
  summary:
    'Posts the first vendor-supplied assertion (--post-assertion, config "postAssertions") that the signed-in user does not hold yet and that ' +
    "the suite's verification library does not find failed: hosted at its HTTP(S) id or signed under a key its issuer publishes, so a " +
    'provider that verifies what it receives can accept it (the suite cannot make such a document itself, so without one the scenario ' +
    'is inconclusive and says how to supply one). Expects 200 with the status envelope (the only success OB 2.1 lists for postAssertion), then the ' +
    'assertion listed by GET /assertions with every field unchanged, listed before the previously newest one (a SHOULD), and listed for a ' +
    '"since" one second before the provider\'s Date header on the POST (a SHOULD).',
  roles: ['obc-service-provider-write'],
  requirements: [...OBTAIN_TOKEN_REQUIREMENTS, ...WRITE_REQS, 'OBC21-ORDER', 'OBC21-SINCE', 'OBC21-ENVELOPE', 'OBC21-STATUS-TEXT', 'OBC21-CERT-no-extension-fields'],
  async run(ctx) {
    const supplied = ctx.config.postAssertions ?? [];
    if (supplied.length === 0) {
      await cannotPost(ctx, `no new assertion to post: ${CANNOT_BUILD}; ${SUPPLY_HOWTO} (provider-post-assertion-update re-posts a listed one meanwhile)`, 'an assertion to post that the provider can verify', SUPPLY_FLAG);
    }
    const s = apiSession(ctx);
    const token = await tokenWith(ctx, s, SCOPES.assertionCreate);
    const recipient = await resolveRecipient(ctx, s);
    const before = await listAll(ctx, s, 'GET assertions before POST');
    const held = new Set(idsOf(before.records));
    const fresh = supplied.filter((a) => !held.has(a.id));
    if (fresh.length === 0) {
      await cannotPost(ctx, `every supplied assertion (${supplied.map((a) => a.id).join(', ')}) is already held by the signed-in user, so none is new: remove it from the account or supply another`, 'an assertion the signed-in user does not hold yet', `another ${SUPPLY_FLAG}`);
    }
    const chosen = await firstSupplied(ctx, fresh, recipient);
    if ('reasons' in chosen) {
      return cannotPost(ctx, `no supplied assertion can be accepted by a provider that verifies it: ${chosen.reasons.join('; ')}`, 'an assertion that verifies (hosted at its id, or signed under its issuer\'s key)', `a valid ${SUPPLY_FLAG}`);
    }

    const x = await postAssertion(ctx, s, token, chosen.payload, `POST assertion (${chosen.source})`);
    const statusText = (x.json() as { status?: { statusText?: unknown } } | undefined)?.status?.statusText;
    if (x.status === 400 && statusText === 'RECIPIENT_PROFILE_MISMATCH' && !recipient.fromProfile) {
      await cannotPost(ctx, `the provider says ${chosen.source} names another recipient, and offers no profile.readonly scope to check that beforehand: supply an assertion for the signed-in user`, 'an assertion for the signed-in user', `${SUPPLY_FLAG} for the signed-in user`);
    }
    // The suite could not verify it either (a document out of its reach): a refusal may be right.
    if (x.status === 400 && statusText === 'INVALID_BADGE' && chosen.verdict !== 'verified') {
      await cannotPost(ctx, `the provider refused ${chosen.source} as INVALID_BADGE, and the suite could not verify it either (its documents were out of reach), so the refusal may be right: supply an assertion whose hosted copy or key the suite can fetch`, 'an assertion whose hosted copy or key the suite can fetch', `${SUPPLY_FLAG} the suite can verify`);
    }
    await ctx.must(ensureStatus(200), x, WRITE_REQS);
    await ctx.must(ensureJsonBody, x, WRITE_REQS);
    await checkEnvelope(ctx, x, 'postAssertion');
    await ctx.mustContinue(ensureSchemaValid(SchemaIds.obc.postAssertion200, 'POST /assertions body'), x.json(), WRITE_REQS, { http: x });
    await ctx.should(ensureNoUnknownProperties(SchemaIds.obc.postAssertion200, 'POST /assertions body'), x.json(), ['OBC21-CERT-no-extension-fields'], { http: x });

    const walk = await listAll(ctx, s, 'GET assertions after POST');
    const http = walk.pages.map((p) => p.exchange);
    const listed = walk.records.filter((r) => r.id === chosen.id).map((r) => r.doc);
    const stored = await ctx.mustContinue(ensureAssertionRoundTrip, { posted: chosen.doc, listed }, ['OBC21-POST-ASSERTION'], { http });
    if (stored.outcome !== 'pass') return;
    ctx.state.set<PostedAssertion>(POSTED_ASSERTION, { assertion: chosen.doc, payload: chosen.payload, recipientEmail: recipient.email }, ctx.scenarioId);
    const previous = before.records[0]?.id;
    if (previous) {
      await ctx.should(ensureOrderedByUpdate, { listed: idsOf(walk.records), updatedOldestFirst: [previous, chosen.id] }, ['OBC21-ORDER'], { http });
    }
    const since = sinceFromDate(x.headers.date);
    if (since) {
      const recent = await listAll(ctx, s, `GET assertions since=${since}`, `?since=${encodeURIComponent(since)}`);
      await ctx.should(ensureSinceRespected, { since, listed: idsOf(recent.records), include: [chosen.id], exclude: [] }, ['OBC21-SINCE'], {
        http: recent.pages.map((p) => p.exchange),
      });
    }
  },
};
