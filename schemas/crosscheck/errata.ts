// Known, deliberate differences between our schemas and the official OB 2.1 JSON Schemas.
// Ids and slugs match schemas/ERRATA.md; a disagreement that no entry explains fails the cross-check.
import type { SchemaError } from '../src/registry.js';
import { SchemaIds } from '../src/ids.js';
import { missing, officialRejects, oursRejects, valueAt, type Disagreement, type Erratum } from './errata-kit.js';
import { CLR_ERRATA } from './errata-clr.js';

export type { Disagreement, Erratum, Verdict } from './errata-kit.js';

const ob = SchemaIds.obc;
const EMBEDDED_OB20 = /^\/(assertion|assertions\/\d+|profile)(\/|$)/;


/** Errors located inside an embedded OB 2.0 object (or anywhere in a POST /profile body, which is one). */
const insideOb20 = (d: Disagreement, e: SchemaError) => d.ourSchema === ob.postProfileRequest || EMBEDDED_OB20.test(e.instancePath);


export const ERRATA: Erratum[] = [
  {
    id: 'E1',
    slug: 'getassertions-json-syntax',
    summary: 'The official getAssertions-200 schema is not valid JSON; the cross-check reads the syntax-fixed copy.',
    originals: true,
    explains: null,
  },
  {
    id: 'E2',
    slug: 'manifest-context',
    summary: 'Manifest may carry @context (the spec example does); the official schema rejects it.',
    originals: true,
    explains: officialRejects(
      (d, e) => d.ourSchema === ob.manifest && e.instancePath === '' && e.keyword === 'additionalProperties' && e.params.additionalProperty === '@context',
    ),
  },
  {
    id: 'E3',
    slug: 'status-error-null',
    summary: 'status.error may be null or absent; the official schema requires a string when present.',
    originals: true,
    explains: officialRejects((d, e) => e.instancePath === '/status/error' && valueAt(d.document, '/status/error') === null),
  },
  {
    id: 'E4',
    slug: 'ob20-extension-objects',
    summary: 'Compact-IRI keys of OB 2.0 objects may hold any JSON value (extensions are objects); the official pattern allows only scalars and arrays.',
    originals: true,
    explains: officialRejects((_d, e) => e.schemaPath.includes('/patternProperties/')),
  },
  {
    id: 'E5',
    slug: 'profile-required',
    summary: 'profile is required in getProfile/postProfile 200 responses, per the SPEC21 table.',
    originals: false,
    explains: oursRejects((_d, e) => e.instancePath === '' && missing(e, 'profile')),
  },
  {
    id: 'E6',
    slug: 'status-text-required',
    summary: 'status.statusText is required, per the SPEC21 status table; the official schema requires only statusCode.',
    originals: false,
    explains: oursRejects((_d, e) => e.instancePath === '/status' && missing(e, 'statusText')),
  },
  {
    id: 'E7',
    slug: 'status-text-global-enum',
    summary: 'statusText is checked against the global enum; which values suit which endpoint is a runner check.',
    originals: true,
    explains: null,
  },
  {
    id: 'E8',
    slug: 'ob20-data-model',
    summary: 'Embedded Assertions and Profiles are validated against the OB 2.0 data model; the official schemas check only id and type.',
    originals: false,
    explains: oursRejects((d, e) => insideOb20(d, e) && e.keyword !== 'additionalProperties'),
  },
  {
    id: 'E9',
    slug: 'manifest-formats',
    summary: 'Manifest id must be a URI and version must have the vMAJORpMINOR form the spec text requires.',
    originals: false,
    explains: oursRejects(
      (d, e) => d.ourSchema === ob.manifest && (e.instancePath === '/id' || /^\/badgeConnectAPI\/\d+\/version$/.test(e.instancePath)),
    ),
  },
  {
    id: 'E10',
    slug: 'compact-jws',
    summary: 'signedAssertion(s) must be JWS compact serializations; the official schemas accept any string.',
    originals: false,
    explains: oursRejects((_d, e) => e.keyword === 'pattern' && /^\/(signedAssertion|signedAssertions\/\d+)$/.test(e.instancePath)),
  },
  {
    id: 'E11',
    slug: 'recipient-hashed-required',
    summary: 'IdentityObject.hashed is required as in the SPEC20 class table, although the spec introduction example omits it.',
    originals: true,
    explains: oursRejects((_d, e) => /\/recipient$/.test(e.instancePath) && missing(e, 'hashed')),
  },
  {
    id: 'E12',
    slug: 'optional-null',
    summary: 'Optional Badge Connect properties may be null (SPEC21 "Handling Null Values"); the official types exclude null.',
    originals: true,
    explains: officialRejects((d, e) => e.instancePath !== '/status/error' && e.keyword === 'type' && valueAt(d.document, e.instancePath) === null),
  },
  {
    id: 'E13',
    slug: 'post-assertion-needs-content',
    summary: 'A POST /assertions body must carry an assertion or a signedAssertion; the official schema accepts {}.',
    originals: false,
    explains: oursRejects(
      (d, e) =>
        d.ourSchema === ob.postAssertionRequest &&
        ((e.instancePath === '' && (missing(e, 'assertion') || missing(e, 'signedAssertion'))) ||
          (['/assertion', '/signedAssertion'].includes(e.instancePath) && e.keyword === 'type' && valueAt(d.document, e.instancePath) === null)),
    ),
  },
  {
    id: 'E14',
    slug: 'ob20-unknown-terms',
    summary: 'Plain (non-IRI) property names undefined in the OB 2.0 context are rejected in reject mode; the official schemas allow any.',
    originals: false,
    explains: oursRejects((d, e) => insideOb20(d, e) && e.keyword === 'additionalProperties'),
  },
  {
    id: 'E15',
    slug: 'context-urls-and-types',
    summary: 'Both Badge Connect context URLs are served, and our context names the Manifest and BadgeConnectAPI types.',
    originals: true,
    explains: null,
  },
  ...CLR_ERRATA,
];

/**
 * Errors that only report that a combinator failed (anyOf/oneOf/if) or that a value is not the `null`
 * alternative; the branch errors beside them carry the actual reason.
 */
const isCombinatorNoise = (e: SchemaError) => ['anyOf', 'oneOf', 'if'].includes(e.keyword) || (e.keyword === 'type' && e.params.type === 'null');

/**
 * The errata explaining a disagreement: every error on the rejecting side must be covered by one of
 * them. Returns null when some error is not.
 */
export function explain(d: Disagreement): Erratum[] | null {
  const side = d.ours.valid ? 'official-rejects' : 'ours-rejects';
  const errors = (side === 'ours-rejects' ? d.ours.errors : d.official.errors).filter((e) => !isCombinatorNoise(e));
  // OB and CLR disagreements are explained only by errata of their own family.
  const family = d.ourSchema.includes('/clr/v1p0/') ? CLR_ERRATA : ERRATA.filter((x) => !CLR_ERRATA.includes(x));
  const usable = family.filter((x) => x.explains?.side === side && (d.mutation !== 'original' || x.originals));
  const used = new Set<Erratum>();
  for (const e of errors) {
    const erratum = usable.find((x) => x.explains!.error(d, e));
    if (!erratum) return null;
    used.add(erratum);
  }
  return used.size > 0 ? [...used] : null;
}
