// CLR 1.0: the Clr itself (publisher = issuer), then each embedded assertion and endorsement in turn.
import { assertionKind } from './assertion.js';
import { loadRef } from './documents.js';
import { endorsementKind } from './endorsement.js';
import { clrSchemaId, verifyWith, type Kind } from './engine.js';
import type { ExpectedRecipient } from './recipient.js';
import { checkLearner } from './recipient.js';
import { CODES, isObject, nestSteps, step, type Json, type VerificationResult, type VerificationStep, type VerifyOptions } from './result.js';

/** What the learner profile says for the property an assertion's recipient names (clr.md §7.6). */
function learnerIdentity(learner: unknown): (assertion: Json) => ExpectedRecipient | undefined {
  return (assertion) => {
    const recipient = assertion['recipient'];
    if (!isObject(learner) || !isObject(recipient) || typeof recipient['type'] !== 'string') return undefined;
    const value = learner[recipient['type']];
    // A learner without that property cannot be matched; the CLR schema, not this check, owns that.
    return typeof value === 'string' ? { type: recipient['type'], value } : undefined;
  };
}

async function nestedSteps(clr: Json, options: VerifyOptions): Promise<VerificationStep[]> {
  const out: VerificationStep[] = [];
  // The fetcher and clock are shared; the expected recipient of nested assertions is the learner.
  const inner: VerifyOptions = options.now ? { fetcher: options.fetcher, now: options.now } : { fetcher: options.fetcher };
  const aKind = assertionKind({ clr: true, expectedRecipient: learnerIdentity(clr['learner']) });
  const eKind = endorsementKind(true);
  const items: [string, Kind, unknown[]][] = [
    ['assertions', aKind, asList(clr['assertions'])],
    ['signedAssertions', { ...aKind, requireMethod: true }, asList(clr['signedAssertions'])],
    ['endorsements', eKind, asList(clr['endorsements'])],
    ['signedEndorsements', eKind, asList(clr['signedEndorsements'])],
  ];
  for (const [name, kind, list] of items) {
    for (const [i, item] of list.entries()) {
      const path = `${name}[${i}]`;
      const result = await verifyWith(kind, item as string | Json, inner);
      out.push(...nestSteps(path, result.steps));
      if (kind.label === 'endorsement') out.push(endorsementSummary(path, result));
    }
  }
  return out;
}

const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function endorsementSummary(path: string, result: VerificationResult): VerificationStep {
  const outcome = result.status === 'verified' ? 'pass' : result.status === 'failed' ? 'fail' : 'unverifiable';
  const failing = result.steps.filter((s) => s.outcome !== 'pass').map((s) => s.code);
  return step(CODES.endorsementFailed, outcome, `${path}: endorsement ${result.status}${failing.length ? ` (${failing.join(', ')})` : ''}`, {
    path,
    status: result.status,
    codes: failing,
  });
}

const clrKind: Kind = {
  label: 'CLR',
  schemaId: () => clrSchemaId('clr'),
  requireMethod: true,
  issuer: async (doc, fetcher) => {
    const publisher = await loadRef(fetcher, doc['publisher'], 'publisher profile');
    return publisher.ok ? publisher : { ...publisher, message: `publisher profile unavailable: ${publisher.message}` };
  },
  checks: (doc, options) => (options.expectedRecipient ? [checkLearner(doc['learner'], options.expectedRecipient)] : []),
  nested: nestedSteps,
};

/** Verify a CLR 1.0 Clr (JSON or compact JWS) including its assertions and endorsements. */
export function verifyClr(input: string | Record<string, unknown>, options: VerifyOptions): Promise<VerificationResult> {
  return verifyWith(clrKind, input, options);
}
