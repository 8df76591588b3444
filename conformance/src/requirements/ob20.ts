import type { Role } from '../engine/scenario.js';
import type { Requirement } from './types.js';

const ROLES: Role[] = ['ob20-issuer', 'ob20-displayer'];
/** No run against a server fetches these documents on their own; `validate` judges them (its scenarios are built per document, so the catalog lists these rows as untestable by a run, with this reason). */
const BY_VALIDATE = 'a document rule, judged by `conformance validate` (scenarios validate-<n>-<kind>, built per document), not by a run against a server';

/**
 * OB 2.0 document rules that `conformance validate` judges beyond the assertion (which the Badge Connect
 * rows in obc21-api.ts cover): the other classes given on their own, extensions, baked images, and the
 * reference validator's warnings. Levels follow the source's wording; the validator's warnings are our
 * reconstruction and so SHOULD.
 */
export const OB20_DOCUMENT_REQUIREMENTS: Requirement[] = [
  { id: 'OB20-BadgeClass', source: 'OB20', section: 'BadgeClass', level: 'MUST', summary: 'A BadgeClass has id, type, name, description, image, criteria and issuer of the data model\'s types, and its issuer is a valid issuer Profile.', roles: ROLES, provenance: 'spec-text', untestable: BY_VALIDATE },
  { id: 'OB20-Issuer', source: 'OB20', section: 'Profile', level: 'MUST', summary: 'An issuer Profile has id, type, name, url and email; each key it lists is a usable RSA key naming it as owner, and its revocationList is a RevocationList.', roles: ROLES, provenance: 'spec-text', untestable: BY_VALIDATE },
  { id: 'OB20-Endorsement', source: 'OB20', section: 'Endorsement', level: 'MUST', summary: 'An Endorsement has id, type, claim (naming what is endorsed), issuer, issuedOn and verification, and verifies like an assertion, hosted or signed.', roles: ROLES, provenance: 'spec-text', untestable: BY_VALIDATE },
  { id: 'OB20-RevocationList', source: 'OB20', section: 'RevocationList', level: 'MUST', summary: 'A RevocationList has type and revokedAssertions (ids, or objects naming an assertion by id or uid), and its issuer names it as its revocationList.', roles: ROLES, provenance: 'spec-text', untestable: BY_VALIDATE },
  { id: 'OB20-CryptographicKey', source: 'OB20', section: 'CryptographicKey', level: 'MUST', summary: 'A CryptographicKey holds a PEM public key usable for RS256 and an owner Profile that lists the key in publicKey (the link holds both ways).', roles: ROLES, provenance: 'spec-text', untestable: BY_VALIDATE },
  { id: 'OB20-Extension', source: 'OB20', section: 'Extensions', level: 'MUST', summary: 'An object of an official OB 2.0 extension has its context and an Extension type, and matches the extension\'s JSON Schema.', roles: ROLES, provenance: 'official-file', untestable: BY_VALIDATE },
  { id: 'OB20-BAKING-PNG', source: 'OB20-BAKING', section: 'png', level: 'MUST', summary: 'A baked PNG carries the assertion (JSON, compact JWS or URL) in exactly one uncompressed iTXt chunk with the keyword openbadges.', roles: ROLES, provenance: 'spec-text', untestable: BY_VALIDATE },
  { id: 'OB20-BAKING-SVG', source: 'OB20-BAKING', section: 'svg', level: 'MUST', summary: 'A baked SVG declares xmlns:openbadges="http://openbadges.org" and holds exactly one openbadges:assertion element whose verify attribute is the JWS or the assertion URL.', roles: ROLES, provenance: 'spec-text', untestable: BY_VALIDATE },
  { id: 'OB20-NO-REDIRECT', source: 'OB20', section: 'HostedBadge', level: 'SHOULD', summary: 'A validated document is served at its own URL; OB 2.0 accepts a redirect that ends in 200, 1EdTech\'s validator warns about it, and so does the suite.', roles: ROLES, provenance: 'reconstruction', untestable: BY_VALIDATE },
  { id: 'OB20-ISSUER-HTTP-ID', source: 'OB20', section: 'Profile', level: 'SHOULD', summary: 'An issuer profile id is an http(s) URL: OB 2.0 allows any IRI, but most platforms fetch only http(s) ones and 1EdTech\'s validators warn.', roles: ROLES, provenance: 'reconstruction', untestable: BY_VALIDATE },
];
