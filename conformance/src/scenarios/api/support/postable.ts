import { verifyAssertion, type VerificationResult } from '../../../../../verification/src/index.js';
import { runFetcher } from '../../../actions/clr/verification-fetcher.js';
import type { SuppliedAssertion } from '../../../engine/config.js';
import type { ScenarioContext } from '../../../engine/context.js';
import type { ListedAssertion } from './records.js';
import type { Recipient } from './recipient.js';
import type { ApiSession } from './session.js';

/** An assertion the suite may post: one a provider that verifies what it receives can accept. */
export type Postable = SuppliedAssertion & {
  from: 'supplied' | 'listed';
  /** What the suite's own verification found: 'unverifiable' when it could not reach a document the provider may. */
  verdict?: VerificationResult['status'];
};

/** How a vendor lets the write plan post a new assertion (README "Service Provider (Write)"). */
export const SUPPLY_HOWTO =
  'give one with --post-assertion <file> (config "postAssertions"): an OB 2.0 assertion for the signed-in user, hosted at its HTTP(S) id ' +
  'or signed under a key its issuer publishes, that the user does not hold yet';

/**
 * Why the suite does not build its own: a hosted assertion must be fetchable at its HTTP(S) id and a signed
 * one must verify under a key its issuer publishes, and the suite is neither host nor issuer for the provider.
 */
export const CANNOT_BUILD =
  'the suite cannot make an assertion the provider could verify (a hosted one must be served at its HTTP(S) id, a signed one signed under a key its issuer publishes)';

const problemsOf = (r: VerificationResult) => [...new Set(r.steps.filter((s) => s.outcome !== 'pass').map((s) => s.code))].join(', ');

/**
 * The supplied assertions the suite's verification library does not find failed (a vendor's document may be
 * hosted where only the provider reaches it, so unverifiable ones are kept), naming the signed-in user when
 * the profile gives the email; and why each other one was left out.
 */
export async function usableSupplied(ctx: ScenarioContext, supplied: SuppliedAssertion[], recipient?: Recipient): Promise<{ usable: Postable[]; reasons: string[] }> {
  const fetcher = runFetcher(ctx, { allowNetwork: true });
  const usable: Postable[] = [];
  const reasons: string[] = [];
  for (const a of supplied) {
    const input = 'signedAssertion' in a.payload ? a.payload.signedAssertion : a.payload.assertion;
    const expected = recipient?.fromProfile ? { expectedRecipient: { type: 'email', value: recipient.email } } : {};
    const verdict = await verifyAssertion(input, { fetcher, ...expected });
    if (verdict.status !== 'failed') usable.push({ ...a, from: 'supplied', verdict: verdict.status });
    else reasons.push(`${a.source} (${a.id}) does not verify: ${problemsOf(verdict)}`);
  }
  return { usable, reasons };
}

/** The first usable supplied assertion (checked in order, stopping there), or why none is. */
export async function firstSupplied(ctx: ScenarioContext, supplied: SuppliedAssertion[], recipient: Recipient): Promise<Postable | { reasons: string[] }> {
  const reasons: string[] = [];
  for (const a of supplied) {
    const one = await usableSupplied(ctx, [a], recipient);
    if (one.usable[0]) return one.usable[0];
    reasons.push(...one.reasons);
  }
  return { reasons };
}

/**
 * A listed assertion the suite verifies with documents on the provider's origin only (hosted there at its
 * id, or signed under a key it publishes): re-posting it unchanged is an update any verifying provider accepts.
 */
export async function firstListedVerifiable(ctx: ScenarioContext, s: ApiSession, records: ListedAssertion[]): Promise<Postable | undefined> {
  const fetcher = runFetcher(ctx, { allowNetwork: true, origin: new URL(s.assertionsUrl).origin });
  for (const r of records) {
    if (typeof r.doc !== 'object' || r.doc === null || Array.isArray(r.doc)) continue;
    const doc = r.doc as Record<string, unknown>;
    if (r.kind === 'signed' && r.jws) {
      if ((await verifyAssertion(r.jws, { fetcher })).status === 'verified') return { source: r.where, id: r.id, doc, payload: { signedAssertion: r.jws }, from: 'listed' };
    } else if (r.kind === 'assertion' && /^https?:\/\//.test(r.id)) {
      if ((await verifyAssertion(doc, { fetcher })).status === 'verified') return { source: r.where, id: r.id, doc, payload: { assertion: doc }, from: 'listed' };
    }
  }
  return undefined;
}
