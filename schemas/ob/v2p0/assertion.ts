// OB 2.0 Assertion and the classes only an Assertion embeds (IdentityObject, VerificationObject, Evidence).
import { common, iriOr, jsonLdType, ldObject, obClass, oneOrMany, ref, requires, type Schema } from '../../src/build.js';
import { SchemaIds } from '../../src/ids.js';

const ids = SchemaIds.ob20;

const HASH = '^(?:[Mm][Dd]5\\$[0-9a-fA-F]{32}|[Ss][Hh][Aa]256\\$[0-9a-fA-F]{64})$';

export const identityObjectSchema: Schema = ldObject({
  id: ids.identityObject,
  title: 'OB 2.0 IdentityObject',
  comment: '`type` names the profile property the identity matches; hash rules follow SPEC20 and the reference validator.',
  properties: {
    type: { type: 'string', enum: ['email', 'url', 'telephone', 'id'] },
    identity: { type: 'string', minLength: 1 },
    hashed: { type: 'boolean' },
    salt: { type: 'string' },
  },
  required: ['type', 'identity', 'hashed'],
  extra: {
    allOf: [
      {
        if: { properties: { hashed: { const: true } }, required: ['hashed'] },
        then: { properties: { identity: { type: 'string', pattern: HASH } } },
        else: { properties: { identity: { not: { type: 'string', pattern: HASH } } } },
      },
      ...(
        [
          ['email', common('email')],
          ['url', common('url')],
          ['telephone', common('telephone')],
          ['id', common('iri')],
        ] as const
      ).map(([kind, plain]) => ({
        $comment: `An unhashed ${kind} identity must look like one.`,
        if: { properties: { type: { const: kind }, hashed: { const: false } }, required: ['type', 'hashed'] },
        then: { properties: { identity: plain } },
      })),
    ],
  },
});

const VERIFICATION_TYPES = [...obClass('HostedBadge', 'hosted'), ...obClass('SignedBadge', 'signed'), ...obClass('VerificationObject')];

export const verificationObjectSchema: Schema = ldObject({
  id: ids.verificationObject,
  title: 'OB 2.0 VerificationObject',
  comment: 'Used both as an assertion verification (HostedBadge/SignedBadge) and as an issuer policy (VerificationObject).',
  properties: {
    type: jsonLdType(VERIFICATION_TYPES),
    verificationProperty: { type: 'string' },
    startsWith: oneOrMany(common('url')),
    allowedOrigins: oneOrMany({ type: 'string', format: 'hostname' }),
    creator: common('iri'),
  },
  extra: {
    $defs: {
      forAssertion: {
        $comment: 'An assertion or endorsement must say how it is verified: hosted or signed.',
        $ref: '#',
        type: 'object',
        properties: { type: jsonLdType([...obClass('HostedBadge', 'hosted'), ...obClass('SignedBadge', 'signed')]) },
        required: ['type'],
      },
    },
  },
});

export const evidenceSchema: Schema = ldObject({
  id: ids.evidence,
  title: 'OB 2.0 Evidence',
  properties: {
    type: jsonLdType(obClass('Evidence')),
    id: common('iri'),
    narrative: common('markdown'),
    name: common('text'),
    description: common('text'),
    genre: common('text'),
    audience: common('text'),
  },
});

export const assertionSchema: Schema = ldObject({
  id: ids.assertion,
  title: 'OB 2.0 Assertion',
  comment: 'SPEC20 Assertion. `verify` is the context alias of `verification`; exactly one must be present.',
  properties: {
    '@language': common('language'),
    id: common('iri'),
    type: jsonLdType(obClass('Assertion')),
    recipient: ref(ids.identityObject),
    badge: iriOr(ref(ids.badgeClass)),
    verification: ref(ids.verificationObject, '/$defs/forAssertion'),
    verify: ref(ids.verificationObject, '/$defs/forAssertion'),
    issuedOn: common('dateTime'),
    image: { $comment: 'The validator rejects data URIs on assertions (baked images carry the assertion instead).', anyOf: [common('iri'), ref(ids.image)] },
    evidence: oneOrMany(iriOr(ref(ids.evidence))),
    narrative: common('markdown'),
    expires: common('dateTime'),
    revoked: { type: 'boolean' },
    revocationReason: common('text'),
    uid: { $comment: 'Deprecated in 2.0, tolerated for upgraded 1.x assertions.', type: 'string' },
    endorsement: oneOrMany(iriOr(ref(ids.endorsement))),
    related: oneOrMany(common('related')),
    version: common('version'),
  },
  required: ['id', 'type', 'recipient', 'badge', 'issuedOn'],
  extra: {
    // Exactly one branch matches when exactly one of the two names is present.
    oneOf: [requires('verification'), requires('verify')],
  },
});
