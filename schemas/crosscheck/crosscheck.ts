// Cross-check: our schemas and contexts against the official OB 2.1 schemas and OB contexts, on every
// official example and on named single-field mutations of them.
import fs from 'node:fs';
import path from 'node:path';
import { getRegistry } from '../src/registry.js';
import { SchemaIds } from '../src/ids.js';
import { documentLoader } from '../src/jsonld.js';
import { extensionContextUrls, OB_EXTENSIONS } from '../ob/v2p0/extensions.js';
import { expandWith } from './expand.js';
import { explain, type Disagreement } from './errata.js';
import { mutations, type Json } from './mutations.js';
import { runClrCrosscheck, type FamilyReport } from './crosscheck-clr.js';
import { OFFICIAL_SCHEMAS as OFF, OfficialSchemas, officialContextLoader, readJson } from './official.js';

const obc = SchemaIds.obc;
const ob20 = SchemaIds.ob20;
const oauth = SchemaIds.oauth;

interface Seed {
  name: string;
  ourSchema: string;
  officialSchemas: string[];
  document: Json;
}

export interface CrosscheckReport {
  documents: number;
  agreed: number;
  /** Disagreements fully explained by documented errata. */
  explained: number;
  /** Hits per erratum id (one disagreement may need several errata). */
  knownErrata: Record<string, number>;
  unexpected: Disagreement[];
  /** Examples with no official schema (OAuth, OB 2.0 classes): checked against ours only, must be valid. */
  oursOnly: { name: string; schema: string; valid: boolean }[];
  contexts: { compared: number; identical: number; differences: string[] };
  /** CLR 1.0: our fixtures and their mutations against the official draft-04 files (the figures above are OB). */
  clr: FamilyReport;
}

const OK_STATUS = { statusCode: 200, statusText: 'OK' };
const ERROR_SCHEMAS = [OFF.getAssertionsError, OFF.postAssertionAny, OFF.getProfileError, OFF.postProfileError];
const b64url = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

function loadSeeds(specData: string) {
  const ob = (rel: string) => readJson(path.join(specData, 'ob', rel)) as Json;
  const v21 = (name: string) => ob(`v2p1/examples/ob-spec-v2p1-example-${name}.json`);
  const v20 = (name: string) => ob(`v2p0/examples/ob20-${name}.json`);
  const fixture = (name: string) => ob(`v2p0/validator-core-fixtures/${name}.json`);

  const seeds: Seed[] = [
    { name: 'v2p1 manifest', ourSchema: obc.manifest, officialSchemas: [OFF.manifest], document: v21('manifest') },
    { name: 'v2p1 getProfile-200', ourSchema: obc.getProfile200, officialSchemas: [OFF.getProfile200], document: v21('getProfile-200-response') },
    { name: 'v2p1 postProfile-200', ourSchema: obc.postProfile200, officialSchemas: [OFF.postProfile200], document: v21('postProfile-200-response') },
    { name: 'v2p1 postAssertion-200', ourSchema: obc.postAssertion200, officialSchemas: [OFF.postAssertionAny], document: v21('postAssertion-200-response') },
  ];
  for (const code of ['400', '401', '404', '405']) {
    seeds.push({ name: `v2p1 error-${code}`, ourSchema: obc.errorResponse, officialSchemas: ERROR_SCHEMAS, document: v21(`error-${code}-response`) });
  }

  // OB 2.0 documents carried by Badge Connect payloads.
  const assertions: [string, Json][] = [
    ['ob20 examples-01 assertion', v20('examples-01-Assertion-Example')],
    ['ob20 examples-06 signed assertion', v20('examples-06-Signed-Badges-Example')],
    ['ob20 spec-01 introduction assertion', v20('spec-01-Introduction')],
    ['validator-core 2_0_basic_assertion', fixture('2_0_basic_assertion')],
  ];
  for (const [name, a] of assertions) {
    seeds.push({ name: `postAssertion request {assertion: ${name}}`, ourSchema: obc.postAssertionRequest, officialSchemas: [OFF.postAssertionRequest], document: { assertion: a } });
    seeds.push({ name: `getAssertions-200 [${name}]`, ourSchema: obc.getAssertions200, officialSchemas: [OFF.getAssertions200], document: { status: OK_STATUS, assertions: [a] } });
  }
  // A compact JWS built from the spec's signed-badge header and payload examples (shape only, not verified).
  const jws = `${b64url(v20('examples-05-Signed-Badges-Example'))}.${b64url(v20('examples-06-Signed-Badges-Example'))}.${b64url('signature')}`;
  seeds.push({ name: 'postAssertion request {signedAssertion: examples-05/06}', ourSchema: obc.postAssertionRequest, officialSchemas: [OFF.postAssertionRequest], document: { signedAssertion: jws } });
  seeds.push({ name: 'getAssertions-200 signedAssertions [examples-05/06]', ourSchema: obc.getAssertions200, officialSchemas: [OFF.getAssertions200], document: { status: OK_STATUS, signedAssertions: [jws] } });

  const profiles: [string, Json][] = [
    ['ob20 examples-03 issuer profile', v20('examples-03-Issuer-Profile-Example')],
    ['validator-core 2_0_basic_issuer', fixture('2_0_basic_issuer')],
  ];
  for (const [name, p] of profiles) {
    seeds.push({ name: `postProfile request ${name}`, ourSchema: obc.postProfileRequest, officialSchemas: [OFF.postProfileRequest], document: p });
    seeds.push({ name: `getProfile-200 {profile: ${name}}`, ourSchema: obc.getProfile200, officialSchemas: [OFF.getProfile200], document: { status: OK_STATUS, profile: p } });
    seeds.push({ name: `postProfile-200 {profile: ${name}}`, ourSchema: obc.postProfile200, officialSchemas: [OFF.postProfile200], document: { status: OK_STATUS, profile: p } });
  }

  const oursOnly: [string, string, Json][] = [
    ['v2p1 registration-request', oauth.registrationRequest, v21('registration-request')],
    ['v2p1 registration-response', oauth.registrationResponse, v21('registration-response')],
    ['ob20 examples-01', ob20.assertion, v20('examples-01-Assertion-Example')],
    ['ob20 examples-06', ob20.assertion, v20('examples-06-Signed-Badges-Example')],
    ['validator-core 2_0_basic_assertion', ob20.assertion, fixture('2_0_basic_assertion')],
    ['ob20 examples-02', ob20.badgeClass, v20('examples-02-BadgeClass-Example')],
    ['validator-core 2_0_basic_badgeclass', ob20.badgeClass, fixture('2_0_basic_badgeclass')],
    ['ob20 examples-03', ob20.profile, v20('examples-03-Issuer-Profile-Example')],
    ['validator-core 2_0_basic_issuer', ob20.profile, fixture('2_0_basic_issuer')],
    ['ob20 examples-07', ob20.cryptographicKey, v20('examples-07-CryptographicKey-Example')],
    ['ob20 examples-08', ob20.revocationList, v20('examples-08-RevocationList-Example')],
    ['ob20 examples-23', ob20.endorsement, v20('examples-23-Endorsement-Examples')],
    ['ob20 examples-24', ob20.endorsement, v20('examples-24-Endorsement-Examples')],
    ['ob20 spec-03', ob20.endorsement, v20('spec-03-Endorsement')],
  ];
  return { seeds, oursOnly };
}

/**
 * A document using every term of an official context, once as a property (IRI-like text value) and once
 * as a type, so each term definition of ours is compared with the official one.
 */
async function everyTermDocument(url: string, loader: ReturnType<typeof officialContextLoader>): Promise<[string, unknown]> {
  const ctx = ((await loader(url)).document as { '@context': Record<string, unknown> })['@context'];
  const terms = Object.keys(ctx).filter((t) => t !== 'id' && t !== 'type');
  const doc = { '@context': url, id: 'https://example.org/node', type: terms, ...Object.fromEntries(terms.map((t) => [t, 'https://example.org/value'])) };
  return [`every term of ${url}`, doc];
}

/** Expands every OB example (and an every-term document) with the official contexts and with ours. */
async function compareContexts(specData: string): Promise<CrosscheckReport['contexts']> {
  const official = officialContextLoader(specData);
  const dirs = [path.join(specData, 'ob', 'v2p0', 'examples'), path.join(specData, 'ob', 'v2p1', 'examples')];
  const files = dirs.flatMap((d) => fs.readdirSync(d).filter((f) => f.endsWith('.json')).map((f) => path.join(d, f)));
  const docs: [string, unknown][] = files.map((f) => [path.basename(f), readJson(f)]);
  for (const url of ['https://w3id.org/openbadges/v2', 'https://purl.imsglobal.org/spec/ob/v2p1/context/ob_v2p1.jsonld']) {
    docs.push(await everyTermDocument(url, official));
  }
  // Each official extension: its every-term document as an extension node inside an OB 2.0 document.
  for (const ext of OB_EXTENSIONS) {
    const url = extensionContextUrls(ext.name)[0]!;
    const [, node] = await everyTermDocument(url, official);
    docs.push([`every term of ${url}`, { '@context': 'https://w3id.org/openbadges/v2', id: 'https://example.org/host', 'extensions:node': node }]);
  }
  const differences: string[] = [];
  for (const [name, doc] of docs) {
    const [a, b] = await Promise.all([expandWith(doc, official as typeof documentLoader), expandWith(doc, documentLoader)]);
    if (a !== b) differences.push(`${name}: official ${a.slice(0, 160)} / ours ${b.slice(0, 160)}`);
  }
  return { compared: docs.length, identical: docs.length - differences.length, differences };
}

/** Runs the whole cross-check against the spec-data folder. */
export async function runCrosscheck(specData: string): Promise<CrosscheckReport> {
  const registry = getRegistry();
  const official = new OfficialSchemas(specData);
  const { seeds, oursOnly } = loadSeeds(specData);
  const report: CrosscheckReport = {
    documents: 0,
    agreed: 0,
    explained: 0,
    knownErrata: {},
    unexpected: [],
    oursOnly: [],
    contexts: { compared: 0, identical: 0, differences: [] },
    clr: await runClrCrosscheck(specData),
  };

  for (const seed of seeds) {
    const variants = [{ name: 'original', document: seed.document }, ...mutations(seed.document)];
    for (const variant of variants) {
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
  for (const [name, schema, document] of oursOnly) {
    report.oursOnly.push({ name, schema, valid: registry.validate(schema, document).valid });
  }
  report.contexts = await compareContexts(specData);
  return report;
}

/** True when the report has nothing unexplained. */
export const crosscheckPassed = (r: CrosscheckReport): boolean =>
  r.unexpected.length === 0 &&
  r.oursOnly.every((o) => o.valid) &&
  r.contexts.differences.length === 0 &&
  r.clr.unexpected.length === 0 &&
  r.clr.contexts.differences.length === 0;
