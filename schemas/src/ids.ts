// Every schema id we publish. Kept apart from the registry so schema modules can reference each other.
export const SCHEMA_BASE = 'https://lrc-conformance.dev/schemas/';

const obc = (name: string) => `${SCHEMA_BASE}obc/v2p1/${name}.json`;
const ob20 = (name: string) => `${SCHEMA_BASE}ob/v2p0/${name}.json`;
const oauth = (name: string) => `${SCHEMA_BASE}oauth/${name}.json`;
const clr = (name: string) => `${SCHEMA_BASE}clr/v1p0/${name}.json`;

export const SchemaIds = {
  obc: {
    manifest: obc('manifest'),
    status: obc('status'),
    errorResponse: obc('error-response'),
    getAssertions200: obc('get-assertions-200'),
    postAssertionRequest: obc('post-assertion-request'),
    postAssertion200: obc('post-assertion-200'),
    getProfile200: obc('get-profile-200'),
    postProfileRequest: obc('post-profile-request'),
    postProfile200: obc('post-profile-200'),
  },
  ob20: {
    assertion: ob20('assertion'),
    badgeClass: ob20('badgeclass'),
    profile: ob20('profile'),
    issuer: ob20('issuer'),
    identityObject: ob20('identity-object'),
    verificationObject: ob20('verification-object'),
    image: ob20('image'),
    criteria: ob20('criteria'),
    evidence: ob20('evidence'),
    alignment: ob20('alignment'),
    endorsement: ob20('endorsement'),
    cryptographicKey: ob20('cryptographic-key'),
    revocationList: ob20('revocation-list'),
  },
  oauth: {
    registrationRequest: oauth('registration-request'),
    registrationResponse: oauth('registration-response'),
    tokenResponse: oauth('token-response'),
    errorResponse: oauth('error-response'),
  },
  clr: {
    clr: clr('clr'),
    clrSet: clr('clr-set'),
    clrPayload: clr('clr-payload'),
    discovery: clr('discovery'),
    statusInfo: clr('imsx-status-info'),
    assertion: clr('assertion'),
    achievement: clr('achievement'),
    profile: clr('profile'),
    identity: clr('identity'),
    result: clr('result'),
    resultDescription: clr('result-description'),
    alignment: clr('alignment'),
    evidence: clr('evidence'),
    endorsement: clr('endorsement'),
    endorsementClaim: clr('endorsement-claim'),
    verification: clr('verification'),
    cryptographicKey: clr('cryptographic-key'),
    revocationList: clr('revocation-list'),
    rubricCriterionLevel: clr('rubric-criterion-level'),
    association: clr('association'),
    artifact: clr('artifact'),
  },
} as const;

/** Shared definitions (primitives, JSON-LD helpers); not a payload schema of its own. */
export const OB20_COMMON_ID = ob20('common');

/** Shared CLR 1.0 definitions (primitives, Criteria, Address, SystemIdentifier, EndorsementProfile). */
export const CLR_COMMON_ID = clr('common');
