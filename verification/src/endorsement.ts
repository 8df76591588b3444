// Endorsements (OB 2.0 and CLR 1.0): verified like assertions, with their own issuer and claim.
import { SchemaIds } from '../../schemas/src/registry.js';
import { loadRef } from './documents.js';
import { clrSchemaId, verifyWith, type Kind } from './engine.js';
import { CODES, fail, isObject, pass, type Json, type VerificationResult, type VerifyOptions } from './result.js';

const CLR_CONTEXT = 'https://purl.imsglobal.org/spec/clr/v1p0/context/clr_v1p0.jsonld';

function usesClrContext(doc: Json): boolean {
  const ctx = doc['@context'];
  return (Array.isArray(ctx) ? ctx : [ctx]).includes(CLR_CONTEXT);
}

export function endorsementKind(inClr: boolean): Kind {
  return {
    label: 'endorsement',
    schemaId: (doc) => (inClr || usesClrContext(doc) ? clrSchemaId('endorsement') : SchemaIds.ob20.endorsement),
    requireMethod: true,
    issuer: async (doc, fetcher) => {
      const issuer = await loadRef(fetcher, doc['issuer'], 'endorsement issuer');
      return issuer.ok ? issuer : { ...issuer, message: `endorsement issuer unavailable: ${issuer.message}` };
    },
    // What is endorsed must be named; the claim itself is not something we can check.
    checks: (doc: Json) => {
      const claim = doc['claim'];
      return isObject(claim) && typeof claim['id'] === 'string'
        ? [pass(CODES.schemaInvalid, `claim about ${claim['id']}`, { claim: claim['id'] })]
        : [fail(CODES.schemaInvalid, 'the endorsement has no claim.id', { property: 'claim.id' })];
    },
  };
}

/** Verify an Endorsement (OB 2.0 or CLR 1.0) given as JSON or as a compact JWS. */
export function verifyEndorsement(input: string | Record<string, unknown>, options: VerifyOptions): Promise<VerificationResult> {
  return verifyWith(endorsementKind(false), input, options);
}
