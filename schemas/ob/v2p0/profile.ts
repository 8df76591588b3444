// OB 2.0 Profile/Issuer and the issuer-side classes (CryptographicKey, RevocationList, Endorsement).
import { common, iriOr, jsonLdType, ldObject, obClass, oneOrMany, ref, requires, type Schema } from '../../src/build.js';
import { SchemaIds } from '../../src/ids.js';

const ids = SchemaIds.ob20;

const profileProperties: Schema = {
  '@language': common('language'),
  id: common('iri'),
  type: jsonLdType([...obClass('Profile'), ...obClass('Issuer')]),
  name: common('text'),
  description: common('text'),
  image: iriOr(ref(ids.image), 'imageIri'),
  url: oneOrMany(common('url')),
  email: oneOrMany(common('email')),
  telephone: oneOrMany(common('telephone')),
  publicKey: oneOrMany(iriOr(ref(ids.cryptographicKey))),
  verification: ref(ids.verificationObject),
  revocationList: common('iri'),
  endorsement: oneOrMany(iriOr(ref(ids.endorsement))),
  related: oneOrMany(common('related')),
  version: common('version'),
};

export const profileSchema: Schema = ldObject({
  id: ids.profile,
  title: 'OB 2.0 Profile',
  comment:
    'A recipient profile needs only id and type; contact properties may be multi-valued. ' +
    'An issuer additionally needs name, url and email ($defs/issuer, and the issuer schema).',
  properties: profileProperties,
  required: ['id', 'type'],
  extra: {
    $defs: {
      issuer: {
        $comment: 'SPEC20 requires name, url and email of an issuer (the properties are typed by the root).',
        $ref: '#',
        type: 'object',
        properties: { name: true, url: true, email: true },
        required: ['name', 'url', 'email'],
      },
    },
  },
});

/** The same Profile judged as an issuer: a document given on its own is checked with this one. */
export const issuerSchema: Schema = ldObject({
  id: ids.issuer,
  title: 'OB 2.0 Issuer Profile',
  comment: 'A Profile that issues badges: SPEC20 requires name, url and email besides id and type.',
  properties: profileProperties,
  required: ['id', 'type', 'name', 'url', 'email'],
});

export const cryptographicKeySchema: Schema = ldObject({
  id: ids.cryptographicKey,
  title: 'OB 2.0 CryptographicKey',
  comment: 'id and publicKeyPem are required here because a key without them cannot verify anything.',
  properties: {
    type: jsonLdType(['CryptographicKey', 'sec:Key', 'https://w3id.org/security#Key']),
    id: common('iri'),
    owner: common('iri'),
    publicKeyPem: { type: 'string', pattern: '-----BEGIN [A-Z ]*PUBLIC KEY-----' },
  },
  required: ['id', 'publicKeyPem'],
});

export const revocationListSchema: Schema = ldObject({
  id: ids.revocationList,
  title: 'OB 2.0 RevocationList',
  properties: {
    type: jsonLdType(obClass('RevocationList')),
    id: common('iri'),
    issuer: iriOr(ref(ids.profile, '/$defs/issuer')),
    revokedAssertions: {
      type: 'array',
      items: {
        $comment: 'An assertion IRI, or an object naming it by id (or 1.x uid) with an optional reason.',
        anyOf: [
          common('iri'),
          {
            type: 'object',
            properties: { id: common('iri'), uid: { type: 'string' }, revocationReason: common('text') },
            anyOf: [requires('id'), requires('uid')],
          },
        ],
      },
    },
  },
  required: ['type', 'revokedAssertions'],
});

export const endorsementSchema: Schema = ldObject({
  id: ids.endorsement,
  title: 'OB 2.0 Endorsement',
  properties: {
    '@language': common('language'),
    id: common('iri'),
    type: jsonLdType(['Endorsement', 'cred:Credential', 'https://w3id.org/credentials#Credential']),
    claim: {
      $comment: 'The claim restates properties of the endorsed node, so any of its terms may appear.',
      type: 'object',
      properties: { id: common('iri'), endorsementComment: common('markdown') },
      required: ['id'],
    },
    issuer: iriOr(ref(ids.profile, '/$defs/issuer')),
    issuedOn: common('dateTime'),
    verification: ref(ids.verificationObject, '/$defs/forAssertion'),
    revoked: { type: 'boolean' },
    revocationReason: common('text'),
    related: oneOrMany(common('related')),
    version: common('version'),
  },
  required: ['id', 'type', 'claim', 'issuer', 'issuedOn', 'verification'],
});
