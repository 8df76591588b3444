// Valid documents for every schema, built from the data model (identifiers under example.org).
import { SchemaIds } from '../src/ids.js';
import { CLR_VALID } from './clr-fixtures.js';

const ORG = 'https://example.org';
const HASH = 'sha256$' + 'a'.repeat(64);
export const JWS = 'eyJhbGciOiJSUzI1NiJ9.eyJpZCI6InVybjp1dWlkOjEifQ.c2lnbmF0dXJl';

export const issuer = () => ({
  '@context': 'https://w3id.org/openbadges/v2',
  type: 'Issuer',
  id: `${ORG}/issuer`,
  name: 'Example Issuer',
  url: ORG,
  email: 'badges@example.org',
  telephone: '+15555550100',
  publicKey: `${ORG}/keys/1`,
  revocationList: `${ORG}/revocations`,
  verification: { type: 'VerificationObject', allowedOrigins: 'example.org', startsWith: `${ORG}/assertions/` },
});

export const badgeClass = () => ({
  '@context': 'https://w3id.org/openbadges/v2',
  type: 'BadgeClass',
  id: `${ORG}/badges/1`,
  name: 'Example Badge',
  description: 'Awarded in tests.',
  image: { id: `${ORG}/badges/1.png`, caption: 'badge image' },
  criteria: { narrative: 'Pass the test.' },
  issuer: issuer(),
  alignment: [{ targetName: 'Skill', targetUrl: `${ORG}/skills/1` }],
  tags: ['test'],
});

export const assertion = () => ({
  '@context': 'https://w3id.org/openbadges/v2',
  type: 'Assertion',
  id: `${ORG}/assertions/1`,
  recipient: { type: 'email', hashed: true, salt: 'pepper', identity: HASH },
  badge: badgeClass(),
  verification: { type: 'HostedBadge' },
  issuedOn: '2024-01-02T03:04:05Z',
  expires: '2030-01-01T00:00:00+01:00',
  image: `${ORG}/assertions/1.png`,
  evidence: [{ id: `${ORG}/evidence/1`, narrative: 'Built a robot.' }],
  narrative: 'Well done.',
});

export const profile = () => ({
  '@context': 'https://w3id.org/openbadges/v2',
  type: 'Profile',
  id: `${ORG}/users/alice`,
  name: 'Alice',
  email: 'alice@example.org',
});

export const endorsement = () => ({
  '@context': 'https://w3id.org/openbadges/v2',
  type: 'Endorsement',
  id: `${ORG}/endorsements/1`,
  issuer: `${ORG}/endorser`,
  issuedOn: '2024-01-02T03:04:05+00:00',
  claim: { id: `${ORG}/badges/1`, endorsementComment: 'Good badge.' },
  verification: { type: 'hosted' },
});

const OK = { statusCode: 200, statusText: 'OK', error: null };
const SCOPE = 'https://purl.imsglobal.org/spec/ob/v2p1/scope/';

export const manifest = () => ({
  '@context': 'https://purl.imsglobal.org/spec/ob/v2p1/context/ob_v2p1.jsonld',
  id: `${ORG}/.well-known/badgeconnect.json`,
  badgeConnectAPI: [
    {
      name: 'Example Provider',
      image: `${ORG}/logo.png`,
      apiBase: `${ORG}/ims/ob/v2p1`,
      version: 'v2p1',
      termsOfServiceUrl: `${ORG}/terms`,
      privacyPolicyUrl: `${ORG}/privacy`,
      scopesOffered: [`${SCOPE}assertion.readonly`, `${SCOPE}profile.readonly`],
      registrationUrl: `${ORG}/register`,
      authorizationUrl: `${ORG}/authorize`,
      tokenUrl: `${ORG}/token`,
      tokenRevocationUrl: `${ORG}/revoke`,
    },
  ],
});

export const registrationRequest = () => ({
  client_name: 'Example Consumer',
  client_uri: 'https://consumer.example.org',
  logo_uri: 'https://consumer.example.org/logo.png',
  tos_uri: 'https://consumer.example.org/terms',
  policy_uri: 'https://consumer.example.org/privacy',
  software_id: 'example-consumer',
  software_version: '1.0.0',
  redirect_uris: ['https://consumer.example.org/callback'],
  token_endpoint_auth_method: 'client_secret_basic',
  grant_types: ['authorization_code', 'refresh_token'],
  response_types: ['code'],
  scope: `${SCOPE}assertion.readonly offline_access`,
});

/** One valid document per schema id. */
export const VALID: Record<string, () => unknown> = {
  [SchemaIds.ob20.assertion]: assertion,
  [SchemaIds.ob20.badgeClass]: badgeClass,
  [SchemaIds.ob20.profile]: profile,
  [SchemaIds.ob20.issuer]: issuer,
  [SchemaIds.ob20.identityObject]: () => ({ type: 'email', hashed: false, identity: 'alice@example.org' }),
  [SchemaIds.ob20.verificationObject]: () => ({ type: 'SignedBadge', creator: `${ORG}/keys/1` }),
  [SchemaIds.ob20.image]: () => ({ type: 'Image', id: 'data:image/png;base64,iVBORw0KGgo=', caption: 'x', author: `${ORG}/people/1` }),
  [SchemaIds.ob20.criteria]: () => ({ id: `${ORG}/criteria`, narrative: 'Do it.' }),
  [SchemaIds.ob20.evidence]: () => ({ type: 'Evidence', id: `${ORG}/evidence/1`, name: 'Robot', genre: 'Project' }),
  [SchemaIds.ob20.alignment]: () => ({ targetName: 'Skill', targetUrl: `${ORG}/skills/1`, targetCode: 'S1' }),
  [SchemaIds.ob20.endorsement]: endorsement,
  [SchemaIds.ob20.cryptographicKey]: () => ({
    type: 'CryptographicKey',
    id: `${ORG}/keys/1`,
    owner: `${ORG}/issuer`,
    publicKeyPem: '-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----\n',
  }),
  [SchemaIds.ob20.revocationList]: () => ({
    type: 'RevocationList',
    id: `${ORG}/revocations`,
    issuer: `${ORG}/issuer`,
    revokedAssertions: ['urn:uuid:3c574c87-b96f-4f06-8eb5-68a29335b60e', { id: `${ORG}/assertions/9`, revocationReason: 'error' }],
  }),
  [SchemaIds.obc.manifest]: manifest,
  [SchemaIds.obc.status]: () => ({ ...OK }),
  [SchemaIds.obc.errorResponse]: () => ({ status: { statusCode: 404, statusText: 'NOT_FOUND', error: null } }),
  [SchemaIds.obc.getAssertions200]: () => ({ status: { ...OK }, assertions: [assertion()], signedAssertions: [JWS] }),
  [SchemaIds.obc.postAssertionRequest]: () => ({ assertion: assertion() }),
  [SchemaIds.obc.postAssertion200]: () => ({ status: { ...OK } }),
  [SchemaIds.obc.getProfile200]: () => ({ status: { ...OK }, profile: profile() }),
  [SchemaIds.obc.postProfileRequest]: profile,
  [SchemaIds.obc.postProfile200]: () => ({ status: { ...OK }, profile: profile() }),
  [SchemaIds.oauth.registrationRequest]: registrationRequest,
  [SchemaIds.oauth.registrationResponse]: () => ({
    ...registrationRequest(),
    client_id: 'client-1',
    client_secret: 'secret-1',
    client_id_issued_at: 1700000000,
    client_secret_expires_at: 0,
  }),
  [SchemaIds.oauth.tokenResponse]: () => ({ access_token: 'at', token_type: 'Bearer', expires_in: 3600, refresh_token: 'rt', scope: 'a b' }),
  [SchemaIds.oauth.errorResponse]: () => ({ error: 'invalid_client_metadata', error_description: 'logo_uri is missing' }),
  ...CLR_VALID,
};
