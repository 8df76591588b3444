// Known, deliberate differences between our CLR 1.0 schemas and the official draft-04 CLR files.
// Ids and slugs match schemas/ERRATA.md; a disagreement that no entry explains fails the cross-check.
import type { SchemaError } from '../src/registry.js';
import { SchemaIds } from '../src/ids.js';
import { OFFICIAL_CLR_SCHEMAS } from './official.js';
import { missing, officialRejects, oursRejects, valueAt, type Disagreement, type Erratum } from './errata-kit.js';

const clr = SchemaIds.clr;
const EXTENSION_NAME = /^[^:\s]+:\S+$/;
const STANDALONE = new Set<string>([clr.assertion, clr.endorsement, clr.cryptographicKey, clr.revocationList]);

/** Terms that exist in only one of the two bindings. */
const ONE_BINDING_TERMS = new Set([
  'endorsements', 'signedEndorsements', 'status', 'identifiers', 'additionalName', 'familyName', 'givenName', 'official',
  'birthDate', 'parentOrg', 'activityStartDate', 'activityEndDate', 'expires', 'targetFramework', 'educationalFramework',
  'startDate', 'endDate',
]);
/** Enum values that exist in only one of the two bindings. */
const ONE_BINDING_VALUES = new Set(['Assessment', 'Assignment', 'AssessmentResult', 'Status']);

const assertionFile = (d: Disagreement) => d.officialSchema === OFFICIAL_CLR_SCHEMAS.assertion;
const at = (d: Disagreement, e: SchemaError) => valueAt(d.document, e.instancePath);
const last = (e: SchemaError) => e.instancePath.split('/').pop() ?? '';

export const CLR_ERRATA: Erratum[] = [
  {
    id: 'E16',
    slug: 'clr-context-additions',
    summary: 'Our CLR context also defines the Candidate Final names startDate, endDate, educationalFramework and the type names ClrSet and ClrPayload.',
    originals: true,
    explains: null,
  },
  {
    id: 'E17',
    slug: 'clr-both-bindings',
    summary: 'Shapes of the Final (getClr/getClrs) and Candidate Final (every other file) bindings are both accepted; each official file accepts only its own.',
    originals: true,
    explains: officialRejects(
      (d, e) =>
        (e.keyword === 'additionalProperties' && ONE_BINDING_TERMS.has(String(e.params.additionalProperty))) ||
        (e.keyword === 'required' && ['name', 'targetType'].includes(String(e.params.missingProperty))) ||
        (missing(e, 'id') && /\/requirement$/.test(e.instancePath)) ||
        (['enum', 'pattern'].includes(e.keyword) && ONE_BINDING_VALUES.has(String(at(d, e)))) ||
        (e.instancePath === '/@context' && Array.isArray(at(d, e))) ||
        // A Final Clr carries its own @context; the Candidate Final payload file closes the embedded Clr without it.
        (e.keyword === 'additionalProperties' && e.instancePath === '/clr' && e.params.additionalProperty === '@context'),
    ),
  },
  {
    id: 'E18',
    slug: 'clr-extension-properties',
    summary: 'IRI-named extension properties may hold any JSON value on every CLR class, the Clr included; the official files close the Clr and the Candidate Final classes and fail integers in their oneOf.',
    originals: false,
    explains: officialRejects(
      (_d, e) => (e.keyword === 'additionalProperties' && EXTENSION_NAME.test(String(e.params.additionalProperty))) || e.schemaPath.includes('/patternProperties/'),
    ),
  },
  {
    id: 'E19',
    slug: 'clr-unknown-terms',
    summary: 'Plain property names outside the CLR terms are rejected in reject mode (JSON-LD would drop them); the open Final classes accept any.',
    originals: false,
    explains: oursRejects((_d, e) => e.keyword === 'additionalProperties' && !EXTENSION_NAME.test(String(e.params.additionalProperty))),
  },
  {
    id: 'E20',
    slug: 'clr-value-formats',
    summary: 'Identifiers must be IRIs, email an address, image a URL or data URI, Artifact.url a URI and publicKeyPem a PEM public key; the official files take any string.',
    originals: false,
    explains: oursRejects(
      (_d, e) =>
        (e.keyword === 'format' && ['ob-iri', 'email', 'image-iri'].includes(String(e.params.format))) ||
        (e.keyword === 'format' && /\/artifacts\/\d+\/url$/.test(e.instancePath)) ||
        (e.keyword === 'pattern' && last(e) === 'publicKeyPem'),
    ),
  },
  {
    id: 'E21',
    slug: 'clr-anchored-ext-values',
    summary: 'Extensible enumerations accept `ext:` names only as a prefix; the official patterns are unanchored and match `ext:` anywhere.',
    originals: false,
    explains: oursRejects((d, e) => e.keyword === 'pattern' && /.ext:/.test(String(at(d, e)))),
  },
  {
    id: 'E22',
    slug: 'clr-recipient-rules',
    summary: 'An Assertion needs a recipient unless revoked (binding text), and a hashed identity must be an md5$/sha256$ hash while a plain one must not look like one.',
    originals: false,
    explains: oursRejects((_d, e) => missing(e, 'recipient') || /\/recipient\/identity$/.test(e.instancePath)),
  },
  {
    id: 'E23',
    slug: 'clr-payload-needs-content',
    summary: 'A ClrPayload carries exactly one of clr and signedClr; the official schema accepts a payload with neither.',
    originals: false,
    explains: oursRejects((d, e) => d.ourSchema === clr.clrPayload && e.instancePath === '' && (missing(e, 'clr') || missing(e, 'signedClr'))),
  },
  {
    id: 'E24',
    slug: 'clr-public-key-forms',
    summary: 'Profile.publicKey may be a CryptographicKey, its IRI, or a list of those; the official files allow one embedded key.',
    originals: true,
    explains: officialRejects((d, e) => e.keyword === 'type' && last(e) === 'publicKey' && typeof at(d, e) !== 'object'),
  },
  {
    id: 'E25',
    slug: 'clr-standalone-documents',
    summary: 'One schema per class serves embedded and standalone (hosted) documents, so @context is optional there, and revocation entries may be {id, revocationReason} objects.',
    originals: false,
    explains: officialRejects(
      (d, e) => (STANDALONE.has(d.ourSchema) && e.instancePath === '' && missing(e, '@context')) || (e.keyword === 'type' && /^\/revokedAssertions\/\d+$/.test(e.instancePath)),
    ),
  },
  {
    id: 'E26',
    slug: 'clr-assertion-file-looser',
    summary: 'The official standalone assertion file leaves ResultDescription id and name optional and RubricCriterionLevel properties untyped, unlike the API files; we use one shape per class.',
    originals: false,
    explains: oursRejects(
      (d, e) =>
        assertionFile(d) &&
        ((/\/resultDescriptions\/\d+$/.test(e.instancePath) && (missing(e, 'id') || missing(e, 'name'))) ||
          (e.keyword === 'type' && /\/rubricCriterionLevels\/\d+\/(type|name|level|points|description)$/.test(e.instancePath))),
    ),
  },
  {
    id: 'E27',
    slug: 'clr-assertion-file-result-value',
    summary: 'The official standalone assertion file requires Result.value, unlike the API files; we follow the API files (value optional).',
    originals: false,
    explains: officialRejects((d, e) => assertionFile(d) && missing(e, 'value') && /\/results\/\d+$/.test(e.instancePath)),
  },
];
