// The official 1EdTech JSON Schema files the suite can consult beside its own: Badge Connect (OB 2.1,
// draft-07) and CLR 1.0 (draft-04), by their published purl URLs. They are downloaded on demand by
// `conformance schemas sync`, never bundled.
import { SchemaIds } from '../../../schemas/src/ids.js';

export const PUBLISHER = 'https://purl.imsglobal.org/';
export const DEFAULT_CACHE_DIR = '.cache/official-schemas';

export type OfficialKind = `obc.${keyof typeof SchemaIds.obc}` | `clr.${keyof typeof SchemaIds.clr}`;

export interface OfficialFile {
  /** Path below the publisher base, also the path inside the cache. */
  path: string;
  family: 'ob21' | 'clr10';
  /** JSON Schema dialect of the file. */
  draft: '07' | '04';
  /** The payload kinds this file stands for (our schema keys). */
  kinds: OfficialKind[];
  /** Known defect of the published file that the validator works around (ERRATA.md). */
  syntaxErratum?: string;
  /** Why the official verdict may differ from ours for a reason that is not a schema rule. */
  note?: string;
}

const ob = (name: string, kinds: OfficialKind[], extra: Partial<OfficialFile> = {}): OfficialFile => ({
  path: `spec/ob/v2p1/schema/json/imsob_v2p1v2p1-${name}-schemav1p0.json`,
  family: 'ob21',
  draft: '07',
  kinds,
  ...extra,
});

const clr = (name: string, kinds: OfficialKind[], extra: Partial<OfficialFile> = {}): OfficialFile => ({
  path: `spec/clr/v1p0/schema/json/clrv1p0-${name}.json`,
  family: 'clr10',
  draft: '04',
  kinds,
  ...extra,
});

const STANDALONE = 'standalone-document schema: requires @context, so an embedded object without one is rejected (ERRATA.md E25)';

/** Every official file `schemas sync` downloads; the first file listing a kind is the one used for it. */
export const OFFICIAL_FILES: readonly OfficialFile[] = [
  ob('getmanifest-200-responsepayload', ['obc.manifest']),
  ob('getassertions-200-responsepayload', ['obc.getAssertions200'], {
    syntaxErratum: 'E1: the published file has a trailing comma; it is removed before parsing (content unchanged)',
  }),
  ob('getassertions-400-401-404-405-500-responsepayload', ['obc.errorResponse', 'obc.status']),
  ob('postassertion-requestpayload', ['obc.postAssertionRequest']),
  ob('postassertion-200-400-401-404-405-500-responsepayload', ['obc.postAssertion200']),
  ob('getprofile-200-responsepayload', ['obc.getProfile200']),
  ob('getprofile-400-401-404-405-500-responsepayload', []),
  ob('postprofile-requestpayload', ['obc.postProfileRequest']),
  ob('postprofile-200-responsepayload', ['obc.postProfile200']),
  ob('postprofile-400-401-404-405-responsepayload', []),
  // Our CLR schema ids map here through their keys (kindForSchemaId): SchemaIds.clr.clr -> clr.clr, ...
  clr('getclr-200-responsepayload-schemav2p0', ['clr.clr']),
  // The five CLR error files differ only in title, description and id: this one judges every imsx_StatusInfo body.
  clr('getclr-400-401-403-404-410-421-responsepayload-schemav2p0', ['clr.statusInfo']),
  clr('getclrs-200-responsepayload-schemav2p0', ['clr.clrSet']),
  clr('getclrs-400-401-403-404-421-responsepayload-schemav2p0', []),
  // Judges postClr request and 200/201 bodies alike: the 200/201 file differs only in title, description and id.
  clr('postclr-requestpayload-schemav2p0', ['clr.clrPayload'], { note: 'Candidate Final binding: Final-only shapes are rejected (ERRATA.md E17)' }),
  clr('postclr-200-201-responsepayload-schemav2p0', []),
  clr('postclr-304-400-401-403-404-405-421-responsepayload-schemav2p0', []),
  clr('deleteclr-204-400-401-403-404-405-421-responsepayload-schemav2p0', []),
  clr('getdiscoverydocument-200-responsepayload-schemav2p0', ['clr.discovery']),
  clr('getdiscoverydocument-404-421-responsepayload-schemav2p0', []),
  clr('assertion', ['clr.assertion'], { note: STANDALONE }),
  clr('endorsement', ['clr.endorsement'], { note: STANDALONE }),
  clr('cryptographickey', ['clr.cryptographicKey'], { note: STANDALONE }),
  clr('revocationlist', ['clr.revocationList'], { note: STANDALONE }),
];

/** The published URL of a file, or its URL under a stand-in publisher (`--source`). */
export function fileUrl(file: OfficialFile, source: string = PUBLISHER): string {
  return new URL(file.path, source.endsWith('/') ? source : `${source}/`).toString();
}

/** Our schema id -> the official kind naming it (undefined when no official file covers it). */
export function kindForSchemaId(schemaId: string): OfficialKind | undefined {
  for (const family of ['obc', 'clr'] as const) {
    for (const [key, id] of Object.entries(SchemaIds[family])) {
      const kind = `${family}.${key}` as OfficialKind;
      if (id === schemaId && OFFICIAL_FILES.some((f) => f.kinds.includes(kind))) return kind;
    }
  }
  return undefined;
}

/** The file used for a kind. */
export const fileForKind = (kind: OfficialKind): OfficialFile | undefined => OFFICIAL_FILES.find((f) => f.kinds.includes(kind));
