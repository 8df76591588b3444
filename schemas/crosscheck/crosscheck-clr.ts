// CLR 1.0 part of the cross-check. The spec-data holds no official CLR examples, so the documents are our
// fixtures (one per payload and binding), compared with the official draft-04 files together with every
// named single-field mutation of them; our CLR context is compared with the official one by expansion.
import { getRegistry } from '../src/registry.js';
import { SchemaIds } from '../src/ids.js';
import { documentLoader } from '../src/jsonld.js';
import { expandWith } from './expand.js';
import { CLR_CODE_MINOR } from '../clr/v1p0/index.js';
import * as fx from '../test/clr-fixtures.js';
import { explain, type Disagreement } from './errata.js';
import { mutations, type Json } from './mutations.js';
import { OFFICIAL_CLR_SCHEMAS as OFF, OfficialSchemas, officialContextLoader } from './official.js';

const clr = SchemaIds.clr;
const JWS = 'eyJhbGciOiJSUzI1NiJ9.eyJpZCI6InVybjp1dWlkOjMifQ.c2lnbmF0dXJl';
const ERROR_FILES = [OFF.getClrError, OFF.getClrsError, OFF.postClrError, OFF.deleteClrAny, OFF.discoveryError];

export interface FamilyReport {
  documents: number;
  agreed: number;
  explained: number;
  knownErrata: Record<string, number>;
  unexpected: Disagreement[];
  contexts: { compared: number; identical: number; explained: number; differences: string[] };
}

interface Seed {
  name: string;
  ourSchema: string;
  officialSchemas: string[];
  document: Json;
}

const bare = (doc: Record<string, unknown>) => {
  const { '@context': _c, ...rest } = doc;
  return rest;
};

function seeds(): Seed[] {
  const records: [string, Record<string, unknown>][] = [
    ['neutral', fx.neutralClr()],
    ['final', fx.finalClr()],
    ['candidate-final', fx.candidateFinalClr()],
  ];
  const out: Seed[] = [];
  const add = (name: string, ourSchema: string, officialSchemas: string[], document: unknown) =>
    out.push({ name, ourSchema, officialSchemas, document: document as Json });
  for (const [name, record] of records) {
    add(`getClr-200 ${name}`, clr.clr, [OFF.getClr200], record);
    add(`getClrs-200 [${name}]`, clr.clrSet, [OFF.getClrs200], { '@context': fx.CLR_CONTEXT, type: 'ClrSet', clrs: [bare(record)] });
    add(`postClr {clr: ${name}}`, clr.clrPayload, [OFF.postClrRequest, OFF.postClr200], { '@context': fx.CLR_CONTEXT, clr: bare(record) });
  }
  add('getClrs-200 signedClrs', clr.clrSet, [OFF.getClrs200], { '@context': fx.CLR_CONTEXT, signedClrs: [JWS] });
  add('postClr {signedClr}', clr.clrPayload, [OFF.postClrRequest, OFF.postClr200], { '@context': fx.CLR_CONTEXT, signedClr: JWS });
  add('discovery-200', clr.discovery, [OFF.discovery200], fx.discovery());
  for (const value of CLR_CODE_MINOR) {
    const body = fx.statusInfo();
    body.imsx_codeMinor.imsx_codeMinorField[0]!.imsx_codeMinorFieldValue = value;
    add(`imsx_StatusInfo ${value}`, clr.statusInfo, ERROR_FILES, body);
  }
  add('hosted assertion', clr.assertion, [OFF.assertion], { '@context': fx.CLR_CONTEXT, ...fx.assertion() });
  add('hosted endorsement', clr.endorsement, [OFF.endorsement], { '@context': fx.CLR_CONTEXT, ...fx.endorsement() });
  add('cryptographic key', clr.cryptographicKey, [OFF.cryptographicKey], fx.cryptographicKey());
  add('revocation list', clr.revocationList, [OFF.revocationList], fx.revocationList());
  return out;
}

/** Removes what only our context defines (E16), so the rest can be compared with the official context. */
function withoutAdditions(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutAdditions);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (['startDate', 'endDate', 'educationalFramework'].includes(k)) continue;
    if (k === 'type' && (v === 'ClrSet' || v === 'ClrPayload')) continue;
    out[k] = withoutAdditions(v);
  }
  return out;
}

/** Our CLR context against the official one: every seed plus a document using every official term. */
async function compareContexts(specData: string): Promise<FamilyReport['contexts']> {
  const official = officialContextLoader(specData) as typeof documentLoader;
  const url = 'https://purl.imsglobal.org/spec/clr/v1p0/context/clr_v1p0.jsonld';
  const ctx = ((await official(url)).document as { '@context': Record<string, unknown> })['@context'];
  const terms = Object.keys(ctx).filter((t) => t !== 'id' && t !== 'type');
  const docs: [string, unknown][] = seeds()
    .filter((s) => s.document !== null && typeof s.document === 'object' && '@context' in (s.document as object))
    .map((s) => [s.name, s.document]);
  docs.push([`every term of ${url}`, { '@context': url, id: 'https://example.org/node', type: terms, ...Object.fromEntries(terms.map((t) => [t, 'https://example.org/value'])) }]);
  const result = { compared: docs.length, identical: 0, explained: 0, differences: [] as string[] };
  for (const [name, doc] of docs) {
    const [a, b] = await Promise.all([expandWith(doc, official), expandWith(doc, documentLoader)]);
    if (a === b) result.identical += 1;
    else {
      const stripped = withoutAdditions(doc);
      const [a2, b2] = await Promise.all([expandWith(stripped, official), expandWith(stripped, documentLoader)]);
      if (a2 === b2 && !b.startsWith('error')) result.explained += 1;
      else result.differences.push(`${name}: official ${a.slice(0, 160)} / ours ${b.slice(0, 160)}`);
    }
  }
  return result;
}

/** Runs the CLR cross-check against the spec-data folder. */
export async function runClrCrosscheck(specData: string): Promise<FamilyReport> {
  const registry = getRegistry();
  const official = new OfficialSchemas(specData, 'clr');
  const report: FamilyReport = { documents: 0, agreed: 0, explained: 0, knownErrata: {}, unexpected: [], contexts: { compared: 0, identical: 0, explained: 0, differences: [] } };
  for (const seed of seeds()) {
    for (const variant of [{ name: 'original', document: seed.document }, ...mutations(seed.document)]) {
      const ours = registry.validate(seed.ourSchema, variant.document);
      for (const officialSchema of seed.officialSchemas) {
        report.documents += 1;
        const theirs = official.validate(officialSchema, variant.document);
        if (ours.valid === theirs.valid) {
          report.agreed += 1;
          continue;
        }
        const d: Disagreement = { seed: seed.name, mutation: variant.name, ourSchema: seed.ourSchema, officialSchema, document: variant.document, ours, official: theirs };
        const errata = explain(d);
        if (errata) report.explained += 1;
        else report.unexpected.push(d);
        for (const erratum of errata ?? []) report.knownErrata[erratum.id] = (report.knownErrata[erratum.id] ?? 0) + 1;
      }
    }
  }
  report.contexts = await compareContexts(specData);
  return report;
}
