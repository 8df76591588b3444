import { randomUUID } from 'node:crypto';
import { CONTEXT_URLS } from '../../../../../schemas/src/jsonld.js';
import { CLR_STATE } from '../../../actions/clr/constants.js';
import type { ScenarioContext } from '../../../engine/context.js';

/** Learner email when no listed CLR names one and the config gives none (a provider may refuse it). */
export const FALLBACK_LEARNER = 'conformance-learner@example.org';
const ORIGIN = 'https://example.org/conformance';

/** ISO 8601 without milliseconds, a minute in the past so no clock skew makes it "in the future". */
const issuedNow = (): string => new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000).toISOString().replace('.000Z', 'Z');

/** The learner email for posted CLRs: from a listed CLR, else the --auth-field email, else the fallback. */
export function learnerEmail(ctx: ScenarioContext): { email: string; known: boolean } {
  const listed = ctx.state.get<string>(CLR_STATE.learnerEmail);
  if (listed) return { email: listed, known: true };
  const configured = ctx.config.authFields.email;
  if (configured?.includes('@')) return { email: configured, known: true };
  return { email: FALLBACK_LEARNER, known: false };
}

/**
 * A fresh Final-binding Clr for postClr: a new urn:uuid id (getClr URLs are the provider's to mint; the
 * suite reads it back at {clrs}/{encoded id}), publisher and achievement under example.org (never
 * fetched), one assertion to the learner by plaintext email, and no verification (the suite holds no key
 * a provider would trust, and hosting is the provider's job).
 */
export function buildClr(email: string, name = 'LRC conformance suite test record'): Record<string, unknown> {
  const publisher = { type: 'Profile', id: `${ORIGIN}/publisher`, name: 'LRC Conformance Suite Test Publisher', email: 'publisher@example.org', url: 'https://example.org/' };
  return {
    '@context': CONTEXT_URLS.clr10,
    type: 'Clr',
    id: `urn:uuid:${randomUUID()}`,
    name,
    issuedOn: issuedNow(),
    learner: { type: 'Profile', id: `urn:example:conformance-learner:${randomUUID()}`, email },
    publisher,
    assertions: [
      {
        type: 'Assertion',
        id: `urn:uuid:${randomUUID()}`,
        recipient: { type: 'email', hashed: false, identity: email },
        issuedOn: issuedNow(),
        achievement: {
          type: 'Achievement',
          id: `${ORIGIN}/achievements/clr-write`,
          achievementType: 'Achievement',
          name: 'CLR Write Conformance',
          description: 'Posted by the conformance suite to show that a CLR provider stores what it receives.',
          issuer: publisher,
        },
      },
    ],
  };
}

/** The postClr request body (ClrPayload): the envelope carries @context, the embedded Clr inherits it. */
export function clrPayload(clr: Record<string, unknown>): Record<string, unknown> {
  const { '@context': context, ...record } = clr;
  return { '@context': context ?? CONTEXT_URLS.clr10, clr: record };
}

/** Named mutations of a valid Clr, each breaking one rule of the binding. */
type Mutation = (c: Record<string, unknown>) => Record<string, unknown>;
export const CLR_MUTATIONS: Record<string, Mutation> = {
  'missing-learner': (c: Record<string, unknown>) => {
    const { learner: _l, ...rest } = c;
    return rest;
  },
  'missing-publisher': (c: Record<string, unknown>) => {
    const { publisher: _p, ...rest } = c;
    return rest;
  },
  'issuedOn-not-a-date': (c: Record<string, unknown>) => ({ ...c, issuedOn: 'yesterday' }),
};
