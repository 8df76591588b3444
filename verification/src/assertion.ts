// OB 2.0 assertions (and CLR 1.0 assertions, whose issuer sits on the achievement instead of the badge).
import { SchemaIds } from '../../schemas/src/registry.js';
import { loadRef, type Loaded } from './documents.js';
import { clrSchemaId, verifyWith, type Kind } from './engine.js';
import type { Fetcher } from './fetcher.js';
import { checkRecipient, type ExpectedRecipient } from './recipient.js';
import type { Json, VerificationResult, VerifyOptions } from './result.js';

/** The issuer profile: badge → issuer for OB 2.0, achievement → issuer for CLR assertions. */
export async function assertionIssuer(doc: Json, fetcher: Fetcher): Promise<Loaded> {
  const holder = doc['badge'] !== undefined ? 'badge' : 'achievement';
  const loaded = await loadRef(fetcher, doc[holder], holder === 'badge' ? 'badge class' : 'achievement');
  if (!loaded.ok) return { ok: false, url: loaded.url, message: `${holder === 'badge' ? 'badge class' : 'achievement'} unavailable: ${loaded.message}` };
  const issuer = await loadRef(fetcher, loaded.doc['issuer'], 'issuer profile');
  return issuer.ok ? issuer : { ...issuer, message: `issuer profile unavailable: ${issuer.message}` };
}

export function assertionKind(options: { clr: boolean; expectedRecipient?: ExpectedRecipient | ((doc: Json) => ExpectedRecipient | undefined) }): Kind {
  return {
    label: 'assertion',
    // An embedded Open Badge (it has `badge`) keeps the OB 2.0 schema; CLR-shaped ones use the CLR schema.
    schemaId: (doc) => (!options.clr || doc['badge'] !== undefined ? SchemaIds.ob20.assertion : clrSchemaId('assertion')),
    requireMethod: !options.clr,
    issuer: assertionIssuer,
    checks: (doc) => {
      const expected = typeof options.expectedRecipient === 'function' ? options.expectedRecipient(doc) : options.expectedRecipient;
      return expected ? [checkRecipient(doc, expected)] : [];
    },
  };
}

/** Verify an OB 2.0 Assertion given as JSON or as a compact JWS. */
export function verifyAssertion(input: string | Record<string, unknown>, options: VerifyOptions): Promise<VerificationResult> {
  const kind = assertionKind(options.expectedRecipient ? { clr: false, expectedRecipient: options.expectedRecipient } : { clr: false });
  return verifyWith(kind, input, options);
}
