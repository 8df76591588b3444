// Our JSON-LD context for Open Badges 2.0, built from the term table of the OB 2.0 data model.
// Served for https://w3id.org/openbadges/v2 (and its openbadgespec.org alias) by the offline loader.

const PREFIXES = {
  obi: 'https://w3id.org/openbadges#',
  extensions: 'https://w3id.org/openbadges/extensions#',
  cred: 'https://w3id.org/credentials#',
  dc: 'http://purl.org/dc/terms/',
  schema: 'http://schema.org/',
  sec: 'https://w3id.org/security#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
};

/** Class names, including the short verification aliases `hosted` and `signed`. */
const CLASSES: Record<string, string> = {
  Assertion: 'obi:Assertion',
  BadgeClass: 'obi:BadgeClass',
  Profile: 'obi:Profile',
  Issuer: 'obi:Issuer',
  IdentityObject: 'obi:IdentityObject',
  VerificationObject: 'obi:VerificationObject',
  HostedBadge: 'obi:HostedBadge',
  hosted: 'obi:HostedBadge',
  SignedBadge: 'obi:SignedBadge',
  signed: 'obi:SignedBadge',
  Criteria: 'obi:Criteria',
  Evidence: 'obi:Evidence',
  Image: 'obi:Image',
  Extension: 'obi:Extension',
  RevocationList: 'obi:RevocationList',
  FrameValidation: 'obi:FrameValidation',
  TypeValidation: 'obi:TypeValidation',
  AlignmentObject: 'schema:AlignmentObject',
  CryptographicKey: 'sec:Key',
  Endorsement: 'cred:Credential',
};

/** Properties whose values are node references (IRIs or embedded nodes). */
const NODE_VALUED: Record<string, string> = {
  alignment: 'obi:alignment',
  author: 'schema:author',
  badge: 'obi:badge',
  claim: 'cred:claim',
  creator: 'dc:creator',
  criteria: 'obi:criteria',
  endorsement: 'cred:credential',
  evidence: 'obi:evidence',
  image: 'schema:image',
  issuer: 'obi:issuer',
  owner: 'sec:owner',
  publicKey: 'sec:publicKey',
  recipient: 'obi:recipient',
  related: 'dc:relation',
  revocationList: 'obi:revocationList',
  url: 'schema:url',
  verification: 'obi:verify',
};

const DATE_VALUED: Record<string, string> = {
  created: 'dc:created',
  expires: 'sec:expiration',
  issuedOn: 'obi:issueDate',
};

const BOOLEAN_VALUED: Record<string, string> = {
  hashed: 'obi:hashed',
  revoked: 'obi:revoked',
};

/** Literal-valued properties (text, numbers, or mixed). */
const LITERAL_VALUED: Record<string, string> = {
  allowedOrigins: 'obi:allowedOrigins',
  audience: 'obi:audience',
  caption: 'schema:caption',
  description: 'schema:description',
  email: 'schema:email',
  endorsementComment: 'obi:endorsementComment',
  genre: 'schema:genre',
  identity: 'obi:identityHash',
  name: 'schema:name',
  narrative: 'obi:narrative',
  publicKeyPem: 'sec:publicKeyPem',
  revocationReason: 'obi:revocationReason',
  revokedAssertions: 'obi:revoked',
  salt: 'obi:salt',
  startsWith: 'http://purl.org/dqm-vocabulary/v1/dqm#startsWith',
  tags: 'schema:keywords',
  targetCode: 'obi:targetCode',
  targetDescription: 'schema:targetDescription',
  targetFramework: 'schema:educationalFramework',
  targetName: 'schema:targetName',
  targetUrl: 'schema:targetUrl',
  telephone: 'schema:telephone',
  uid: 'obi:uid',
  validatesType: 'obi:validatesType',
  validation: 'obi:validation',
  validationFrame: 'obi:validationFrame',
  validationSchema: 'obi:validationSchema',
  verificationProperty: 'obi:verificationProperty',
  version: 'schema:version',
};

const typed = (table: Record<string, string>, type: string) =>
  Object.fromEntries(Object.entries(table).map(([term, iri]) => [term, { '@id': iri, '@type': type }]));

export const obV2Context = {
  '@context': {
    id: '@id',
    type: '@type',
    ...PREFIXES,
    ...CLASSES,
    ...typed(NODE_VALUED, '@id'),
    ...typed(DATE_VALUED, 'xsd:dateTime'),
    ...typed(BOOLEAN_VALUED, 'xsd:boolean'),
    ...Object.fromEntries(Object.entries(LITERAL_VALUED).map(([term, iri]) => [term, { '@id': iri }])),
    // `verify` is the 1.x name of `verification`: same property, but (as an alias) without IRI coercion.
    verify: 'verification',
  },
};
