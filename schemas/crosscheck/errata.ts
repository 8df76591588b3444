// Known, deliberate differences between our schemas and the official OB 2.1 JSON Schemas.
// Ids and slugs match schemas/ERRATA.md; a disagreement that no entry explains fails the cross-check.
import type { SchemaError } from '../src/registry.js';
import { SchemaIds } from '../src/ids.js';

export interface Verdict {
  valid: boolean;
  errors: SchemaError[];
}

export interface Disagreement {
  seed: string;
  /** `original` or the mutation name (`<kind>:<pointer>`). */
  mutation: string;
  ourSchema: string;
  officialSchema: string;
  document: unknown;
  ours: Verdict;
  official: Verdict;
}

export interface Erratum {
  id: string;
  slug: string;
  summary: string;
  /** Whether an unmutated official example may hit it (otherwise only mutated documents may). */
  originals: boolean;
  /** null: the erratum is documented but cannot show up as a verdict difference. */
  matches: ((d: Disagreement) => boolean) | null;
}

const ob = SchemaIds.obc;
const EMBEDDED_OB20 = /^\/(assertion|assertions\/\d+|profile)(\/|$)/;

const oursOnlyRejects = (d: Disagreement) => !d.ours.valid && d.official.valid;
const officialOnlyRejects = (d: Disagreement) => d.ours.valid && !d.official.valid;
const all = (errors: SchemaError[], test: (e: SchemaError) => boolean) => errors.length > 0 && errors.every(test);
const missing = (e: SchemaError, name: string) => e.keyword === 'required' && e.params.missingProperty === name;

function valueAt(doc: unknown, pointer: string): unknown {
  let node = doc;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  }
  return node;
}

/** Errors located inside an embedded OB 2.0 object (or anywhere in a POST /profile body, which is one). */
const insideOb20 = (d: Disagreement, e: SchemaError) => d.ourSchema === ob.postProfileRequest || EMBEDDED_OB20.test(e.instancePath);

export const ERRATA: Erratum[] = [
  {
    id: 'E1',
    slug: 'getassertions-json-syntax',
    summary: 'The official getAssertions-200 schema is not valid JSON; the cross-check reads the syntax-fixed copy.',
    originals: true,
    matches: null,
  },
  {
    id: 'E2',
    slug: 'manifest-context',
    summary: 'Manifest may carry @context (the spec example does); the official schema rejects it.',
    originals: true,
    matches: (d) =>
      d.ourSchema === ob.manifest &&
      officialOnlyRejects(d) &&
      all(d.official.errors, (e) => e.instancePath === '' && e.keyword === 'additionalProperties' && e.params.additionalProperty === '@context'),
  },
  {
    id: 'E3',
    slug: 'status-error-null',
    summary: 'status.error may be null or absent; the official schema requires a string when present.',
    originals: true,
    matches: (d) => officialOnlyRejects(d) && valueAt(d.document, '/status/error') === null && all(d.official.errors, (e) => e.instancePath === '/status/error'),
  },
  {
    id: 'E4',
    slug: 'ob20-extension-objects',
    summary: 'Compact-IRI keys of OB 2.0 objects may hold any JSON value (extensions are objects); the official pattern allows only scalars and arrays.',
    originals: true,
    matches: (d) => officialOnlyRejects(d) && all(d.official.errors, (e) => e.schemaPath.includes('/patternProperties/')),
  },
  {
    id: 'E5',
    slug: 'profile-required',
    summary: 'profile is required in getProfile/postProfile 200 responses, per the SPEC21 table.',
    originals: false,
    matches: (d) => oursOnlyRejects(d) && all(d.ours.errors, (e) => e.instancePath === '' && missing(e, 'profile')),
  },
  {
    id: 'E6',
    slug: 'status-text-required',
    summary: 'status.statusText is required, per the SPEC21 status table; the official schema requires only statusCode.',
    originals: false,
    matches: (d) => oursOnlyRejects(d) && all(d.ours.errors, (e) => e.instancePath === '/status' && missing(e, 'statusText')),
  },
  {
    id: 'E7',
    slug: 'status-text-global-enum',
    summary: 'statusText is checked against the global enum; which values suit which endpoint is a runner check.',
    originals: true,
    matches: null,
  },
  {
    id: 'E8',
    slug: 'ob20-data-model',
    summary: 'Embedded Assertions and Profiles are validated against the OB 2.0 data model; the official schemas check only id and type.',
    originals: false,
    matches: (d) => oursOnlyRejects(d) && all(d.ours.errors, (e) => insideOb20(d, e)),
  },
  {
    id: 'E9',
    slug: 'manifest-formats',
    summary: 'Manifest id must be a URI and version must have the vMAJORpMINOR form the spec text requires.',
    originals: false,
    matches: (d) =>
      d.ourSchema === ob.manifest && oursOnlyRejects(d) && all(d.ours.errors, (e) => e.instancePath === '/id' || /^\/badgeConnectAPI\/\d+\/version$/.test(e.instancePath)),
  },
  {
    id: 'E10',
    slug: 'compact-jws',
    summary: 'signedAssertion(s) must be JWS compact serializations; the official schemas accept any string.',
    originals: false,
    matches: (d) => oursOnlyRejects(d) && all(d.ours.errors, (e) => /^\/(signedAssertion|signedAssertions\/\d+)$/.test(e.instancePath)),
  },
  {
    id: 'E11',
    slug: 'recipient-hashed-required',
    summary: 'IdentityObject.hashed is required as in the SPEC20 class table, although the spec introduction example omits it.',
    originals: true,
    matches: (d) => oursOnlyRejects(d) && all(d.ours.errors, (e) => /\/recipient$/.test(e.instancePath) && missing(e, 'hashed')),
  },
  {
    id: 'E12',
    slug: 'optional-null',
    summary: 'Optional Badge Connect properties may be null (SPEC21 "Handling Null Values"); the official types exclude null.',
    originals: true,
    matches: (d) => officialOnlyRejects(d) && all(d.official.errors, (e) => e.instancePath !== '/status/error' && valueAt(d.document, e.instancePath) === null),
  },
  {
    id: 'E13',
    slug: 'post-assertion-needs-content',
    summary: 'A POST /assertions body must carry an assertion or a signedAssertion; the official schema accepts {}.',
    originals: false,
    matches: (d) =>
      d.ourSchema === ob.postAssertionRequest &&
      oursOnlyRejects(d) &&
      d.ours.errors.some((e) => e.instancePath === '' && e.keyword === 'anyOf') &&
      all(d.ours.errors, (e) => e.instancePath === '' || (['/assertion', '/signedAssertion'].includes(e.instancePath) && e.keyword === 'type')),
  },
  {
    id: 'E14',
    slug: 'ob20-unknown-terms',
    summary: 'Plain (non-IRI) property names undefined in the OB 2.0 context are rejected in reject mode; the official schemas allow any.',
    originals: false,
    matches: (d) => oursOnlyRejects(d) && all(d.ours.errors, (e) => insideOb20(d, e) && e.keyword === 'additionalProperties'),
  },
  {
    id: 'E15',
    slug: 'context-urls-and-types',
    summary: 'Both Badge Connect context URLs are served, and our context names the Manifest and BadgeConnectAPI types.',
    originals: true,
    matches: null,
  },
];

/** The erratum explaining a disagreement, if any (most specific entries come first in the table order used). */
export function explain(d: Disagreement): Erratum | undefined {
  const candidates = ERRATA.filter((e) => e.matches && (d.mutation !== 'original' || e.originals));
  // Narrow entries before the broad data-model one (E8).
  const ordered = [...candidates.filter((e) => e.id !== 'E8'), ...candidates.filter((e) => e.id === 'E8')];
  return ordered.find((e) => e.matches!(d));
}
