// Our JSON-LD context for CLR 1.0 documents, built from the CLR term definitions (vocabulary `clri:`,
// with Open Badges, schema.org, security and credentials terms reused). Served for the CLR context URL by
// the offline loader. ERRATA.md E16: the Candidate Final terms and the envelope type names are added.

const PREFIXES = {
  clri: 'https://purl.imsglobal.org/spec/clr/vocab#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  cred: 'https://w3id.org/credentials/',
  dc: 'http://purl.org/dc/terms/',
  obi: 'https://w3id.org/openbadges#',
  schema: 'http://schema.org/',
  sec: 'https://w3id.org/security#',
};

/** Structured datatypes of the binding; each class name (Clr, Assertion, ...) aliases `dt<Name>`. */
const CLASSES = [
  'Achievement', 'Address', 'Alignment', 'Artifact', 'Assertion', 'Association', 'Clr', 'Criteria', 'CryptographicKey',
  'Endorsement', 'EndorsementClaim', 'EndorsementProfile', 'Evidence', 'ExtensibleAchievementType',
  'ExtensibleAlignmentTargetType', 'ExtensibleResultType', 'ExtensibleSystemIdentifierType', 'Identity', 'Profile',
  'Result', 'ResultDescription', 'RevocationList', 'RubricCriterionLevel', 'SystemIdentifier', 'Verification',
];

/** Primitive datatypes: name -> XML Schema type of their literal. */
const PRIMITIVES: Record<string, string> = { CompactJws: 'string', EnumExtString: 'string', IRI: 'normalizedString', Markdown: 'string', UUID: 'string' };

/** CLR properties with a typed literal value, by XML Schema type. */
const LITERALS: Record<string, string[]> = {
  string: [
    'addressCountry', 'addressLocality', 'addressRegion', 'fieldOfStudy', 'humanCode', 'identifier', 'level', 'licenseNumber',
    'official', 'points', 'postOfficeBoxNumber', 'postalCode', 'requiredValue', 'role', 'sourcedId', 'specialization',
    'streetAddress', 'studentId', 'term', 'title', 'value', 'valueMax', 'valueMin',
  ],
  dateTime: ['activityEndDate', 'activityStartDate'],
  date: ['birthDate'],
  float: ['creditsAvailable', 'creditsEarned'],
  boolean: ['partial'],
};

/** CLR properties whose value is an IRI. */
const IRI_VALUED = ['learner', 'publisher', 'authorizationUrl', 'privacyPolicyUrl', 'registrationUrl', 'termsOfServiceUrl', 'tokenUrl'];

/** Properties holding a structured datatype (single value), by datatype IRI suffix. */
const SINGLE: Record<string, string> = {
  achievedLevel: 'dtIRI', achievement: 'dtAchievement', achievementType: 'dtExtensibleAchievementType', address: 'dtAddress',
  associationType: 'AssociationTypeDType', clr: 'dtClr', identifierType: 'dtExtensibleSystemIdentifierType', requiredLevel: 'dtIRI',
  resultDescription: 'dtIRI', resultType: 'dtExtensibleResultType', signedClr: 'dtCompactJws', source: 'dtProfile',
  status: 'ResultStatusTypeDType', targetId: 'dtIRI', targetType: 'dtExtensibleAlignmentTargetType',
};

/** List properties (`@set`), by datatype IRI suffix. */
const SETS: Record<string, string> = {
  achievements: 'dtAchievement', artifacts: 'dtArtifact', assertions: 'dtAssertion', associations: 'dtAssociation', clrs: 'dtClr',
  identifiers: 'dtSystemIdentifier', resultDescriptions: 'dtResultDescription', results: 'dtResult',
  rubricCriterionLevels: 'dtRubricCriterionLevel', signedAssertions: 'dtCompactJws', signedClrs: 'dtCompactJws',
  signedEndorsements: 'dtCompactJws',
};

/** Terms borrowed from other vocabularies, as compact IRIs. */
const BORROWED: Record<string, string> = {
  additionalName: 'schema:additionalName', alignments: 'obi:alignment', allowedOrigins: 'obi:allowedOrigins', audience: 'obi:audience',
  claim: 'cred:claim', creator: 'dc:creator', description: 'schema:description', email: 'schema:email', endorsementComment: 'obi:endorsementComment',
  endorsements: 'cred:credential', evidence: 'obi:evidence', familyName: 'schema:familyName', genre: 'schema:genre',
  givenName: 'schema:givenName', hashed: 'obi:hashed', identity: 'obi:identityHash', issuedOn: 'obi:issueDate', issuer: 'obi:issuer',
  name: 'schema:name', narrative: 'obi:narrative', owner: 'sec:owner', parentOrg: 'obi:Profile', publicKey: 'sec:publicKey',
  publicKeyPem: 'sec:publicKeyPem', recipient: 'obi:recipient', requirement: 'obi:criteria', revocationList: 'obi:revocationList',
  revocationReason: 'obi:revocationReason', revoked: 'obi:revoked', revokedAssertions: 'obi:revokedAssertions', salt: 'obi:salt',
  startsWith: 'obi:startsWith', tags: 'schema:keywords', targetCode: 'obi:targetCode', targetDescription: 'schema:targetDescription',
  targetFramework: 'schema:educationalFramework', targetName: 'schema:targetName', targetUrl: 'schema:targetUrl',
  telephone: 'schema:telephone', url: 'schema:url', verification: 'obi:verify', verificationProperty: 'obi:verificationProperty',
  Hosted: 'obi:hosted', Signed: 'obi:signed',
};

/** E16: Candidate Final names for Final terms, and type names of the API envelopes. */
const ADDED = {
  startDate: { '@id': 'clri:activityStartDate', '@type': 'xsd:dateTime' },
  endDate: { '@id': 'clri:activityEndDate', '@type': 'xsd:dateTime' },
  educationalFramework: 'schema:educationalFramework',
  ClrSet: 'clri:ClrSet',
  ClrPayload: 'clri:ClrPayload',
};

const typed = (id: string, type: string) => ({ '@id': id, '@type': type });
const set = (id: string, extra: object = {}) => ({ '@id': id, ...extra, '@container': '@set' });
const entries = <T>(o: Record<string, T>) => Object.entries(o);

export const clrV1p0Context = {
  '@context': {
    id: '@id',
    type: '@type',
    ...PREFIXES,
    ...Object.fromEntries(CLASSES.filter((c) => c !== 'Verification').map((c) => [`dt${c}`, `clri:dt${c}`])),
    dtRevocationList: 'clri:dtRevocationList',
    ...Object.fromEntries(entries(PRIMITIVES).map(([p, x]) => [`dt${p}`, typed(`clri:dt${p}`, `xsd:${x}`)])),
    ...Object.fromEntries(CLASSES.filter((c) => c !== 'Verification').map((c) => [c, `dt${c}`])),
    dtVerification: 'clri:dtVerification',
    Verification: 'obi:VerificationObject',
    ...Object.fromEntries(Object.keys(PRIMITIVES).map((p) => [p, `dt${p}`])),
    ...Object.fromEntries(entries(LITERALS).flatMap(([x, terms]) => terms.map((t) => [t, typed(`clri:${t}`, `xsd:${x}`)]))),
    allowedValues: set('clri:allowedValues', { '@type': 'xsd:string' }),
    scopesOffered: set('clri:scopesOffered', { '@type': 'xsd:anyURI' }),
    ...Object.fromEntries(IRI_VALUED.map((t) => [t, typed(`clri:${t}`, '@id')])),
    ...Object.fromEntries(entries(SINGLE).map(([t, d]) => [t, `clri:${d}`])),
    ...Object.fromEntries(entries(SETS).map(([t, d]) => [t, set(`clri:${d}`)])),
    ...BORROWED,
    image: typed('schema:image', '@id'),
    expires: typed('sec:expiration', 'xsd:dateTime'),
    ...ADDED,
  },
};
