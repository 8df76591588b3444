// CLR 1.0 Profile and the trust classes: Endorsement, EndorsementClaim, Verification, CryptographicKey,
// RevocationList. Errata ids: ERRATA.md.
import { ref, type Schema } from '../../src/build.js';
import { SchemaIds } from '../../src/ids.js';
import { arrayOf, byJsonType, clrClass, clrDef, profileTerms } from './common.js';

const ids = SchemaIds.clr;

export const profileSchema: Schema = clrClass({
  id: ids.profile,
  title: 'CLR 1.0 Profile',
  comment:
    'E17: Final requires only id and adds additionalName, familyName, givenName, identifiers, official, birthDate and parentOrg; ' +
    'Candidate Final also requires name.',
  properties: {
    ...profileTerms(),
    birthDate: clrDef('date'),
    endorsements: arrayOf(ref(ids.endorsement)),
    signedEndorsements: arrayOf(clrDef('compactJws')),
    parentOrg: ref(ids.profile),
  },
  required: ['id'],
});

export const endorsementClaimSchema: Schema = clrClass({
  id: ids.endorsementClaim,
  title: 'CLR 1.0 EndorsementClaim',
  comment: 'id is the endorsed entity: a Clr, Assertion, Achievement or Profile.',
  properties: { endorsementComment: clrDef('markdown') },
  required: ['id'],
});

export const verificationSchema: Schema = clrClass({
  id: ids.verification,
  title: 'CLR 1.0 Verification',
  comment: 'Hosted/Signed on a verifiable object; Verification (a policy) on an issuer or publisher profile.',
  properties: {
    type: { type: 'string', enum: ['Hosted', 'Signed', 'Verification'] },
    allowedOrigins: arrayOf(clrDef('text')),
    creator: clrDef('uri'),
    startsWith: arrayOf(clrDef('text')),
    verificationProperty: clrDef('text'),
  },
  required: ['type'],
});

export const endorsementSchema: Schema = clrClass({
  id: ids.endorsement,
  title: 'CLR 1.0 Endorsement',
  comment: 'E25: @context is optional so the same schema serves embedded and standalone (hosted) endorsements.',
  properties: {
    claim: ref(ids.endorsementClaim),
    issuedOn: clrDef('dateTime'),
    issuer: clrDef('endorsementProfile'),
    revoked: { type: 'boolean' },
    revocationReason: clrDef('text'),
    verification: ref(ids.verification),
  },
  required: ['id', 'claim', 'issuedOn', 'issuer', 'verification'],
});

export const cryptographicKeySchema: Schema = clrClass({
  id: ids.cryptographicKey,
  title: 'CLR 1.0 CryptographicKey',
  comment: 'E20: publicKeyPem must be a PEM public key. E25: @context optional (embedded in a Profile or standalone).',
  properties: {
    owner: clrDef('iri'),
    publicKeyPem: { type: 'string', pattern: '-----BEGIN [A-Z ]*PUBLIC KEY-----' },
  },
  required: ['id', 'owner', 'publicKeyPem'],
});

export const revocationListSchema: Schema = clrClass({
  id: ids.revocationList,
  title: 'CLR 1.0 RevocationList',
  comment: 'E25: entries may also be OB 2.0 style {id, revocationReason} objects; @context optional. Lists CLR, assertion and endorsement ids.',
  properties: {
    issuer: clrDef('iri'),
    revokedAssertions: arrayOf(
      byJsonType({
        string: clrDef('iri'),
        object: {
          type: 'object',
          properties: { id: clrDef('iri'), revocationReason: clrDef('text') },
          required: ['id'],
          additionalProperties: false,
        },
      }),
    ),
  },
  required: ['id', 'issuer'],
});
