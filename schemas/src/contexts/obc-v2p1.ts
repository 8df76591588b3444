// Our JSON-LD context for Badge Connect (OB 2.1) documents: manifest and API envelopes.
// Built from the SPEC21 term list; see ERRATA.md E15 for the two type names we add.

const VOCAB = 'https://purl.imsglobal.org/spec/ob/vocab#';
const XSD = 'http://www.w3.org/2001/XMLSchema#';

/** Manifest endpoint properties; all are URLs of the datatype dtURL. */
const URL_TERMS = ['apiBase', 'authorizationUrl', 'privacyPolicyUrl', 'registrationUrl', 'termsOfServiceUrl', 'tokenRevocationUrl', 'tokenUrl'];

/** Structured datatypes of the binding. */
const DATATYPES = ['dtAssertion', 'dtBadgeConnectAPI', 'dtProfile', 'dtStatus', 'dtStatusResponse'];

const literal = (name: string, type: string) => ({ '@id': `obi:${name}`, '@type': `xsd:${type}` });
const set = (id: string, extra: object = {}) => ({ '@id': id, '@container': '@set', ...extra });

export const obcV2p1Context = {
  '@context': {
    id: '@id',
    type: '@type',
    obi: VOCAB,
    xsd: XSD,
    ...Object.fromEntries(DATATYPES.map((d) => [d, `obi:${d}`])),
    dtCompactJWS: literal('dtCompactJWS', 'string'),
    dtIRI: literal('dtIRI', 'normalizedString'),
    dtURL: literal('dtURL', 'anyURI'),
    ...Object.fromEntries(URL_TERMS.map((t) => [t, 'obi:dtURL'])),
    // E15: `type` values used by manifests; without terms they are relative IRIs that safe mode rejects.
    Manifest: 'obi:Manifest',
    BadgeConnectAPI: 'obi:BadgeConnectAPI',
    badgeConnectAPI: set('obi:dtBadgeConnectAPI'),
    scopesOffered: set('obi:scopesOffered', { '@type': 'xsd:anyURI' }),
    name: literal('name', 'string'),
    image: literal('image', 'anyURI'),
    version: literal('version', 'string'),
    status: 'obi:dtStatus',
    statusCode: literal('statusCode', 'integer'),
    statusText: 'obi:StatusTextEnumDType',
    error: literal('error', 'string'),
    assertion: 'obi:dtAssertion',
    assertions: set('obi:dtAssertion'),
    signedAssertion: 'obi:dtCompactJWS',
    signedAssertions: set('obi:dtCompactJWS'),
    profile: 'obi:dtProfile',
  },
};
