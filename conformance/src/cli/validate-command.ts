import { isUtf8 } from 'node:buffer';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve as resolvePath } from 'node:path';
import { createFetcher } from '../../../verification/src/index.js';
import { DOCUMENT_KINDS, detectKind, parseDocument, type DocumentKind, type ParsedDocument } from '../actions/clr/document-kind.js';
import { DEFAULT_CLIENT, DEFAULTS, type RunConfig } from '../engine/config.js';
import { UsageError } from '../engine/errors.js';
import type { ExitCode, RunEndEvent, RunEvent } from '../engine/events.js';
import { runPlans } from '../engine/run.js';
import type { Plan, Scenario } from '../engine/scenario.js';
import { openEventLog } from '../reporters/jsonl.js';
import type { Reporter } from '../reporters/index.js';
import { finishOutput, loadReporters, sayOutput, type CliOutput } from './output.js';
import { isPng, isSvg, readBakedPng, readBakedSvg, type BakedBadge } from '../actions/ob20/baked-badge.js';
import { documentScenario, recordCount, roleFor, type DocumentInput } from '../scenarios/clr/support/document-scenario.js';
import { createProgress, NO_PROGRESS, progressWanted, type Progress, type ProgressStream } from './progress.js';
import { officialSchemasHook } from './schemas-command.js';

export interface ValidateFlags {
  type?: string;
  allowNetwork?: boolean;
  resolve?: string[];
  out?: string;
  reporter?: string[];
  timeout?: string;
  /** Judge validity (expiry, issue date) at this instant instead of now. */
  at?: string;
  /** Only the schema checks: no JSON-LD expansion, no verification. */
  schemaOnly?: boolean;
  /** `--official-schemas [dir]`: the official verdicts beside ours, from a `schemas sync` cache. */
  officialSchemas?: string | true;
  /** Show the progress line on stderr even when it is not a terminal. */
  progress?: boolean;
}

const isUrl = (s: string) => /^https?:\/\//i.test(s);

/** `--resolve <url-prefix>=<dir>`: the directory must exist, so a typo is a usage error, not a skip. */
export function parseResolve(values: string[] = []): { prefix: string; dir: string }[] {
  return values.map((value) => {
    const eq = value.indexOf('=');
    const prefix = eq > 0 ? value.slice(0, eq) : '';
    const dir = eq > 0 ? value.slice(eq + 1) : '';
    if (!isUrl(prefix) || !dir) throw new UsageError('bad-resolve', `--resolve "${value}" must look like https://host/prefix/=<directory>`);
    let ok = false;
    try {
      ok = statSync(dir).isDirectory();
    } catch {
      ok = false;
    }
    if (!ok) throw new UsageError('bad-resolve', `--resolve ${prefix}: no directory at ${dir}`);
    return { prefix, dir: resolvePath(dir) };
  });
}

interface ReadDocument {
  text: string;
  /** The URL asked for and the one that finally answered (they differ after a redirect). */
  served?: { requested: string; served: string };
  baked?: BakedBadge;
}

/** Reads a URL through --resolve folders first, else the network (the user named it). */
async function readUrl(source: string, resolve: { prefix: string; dir: string }[], timeoutMs: number): Promise<{ text: string; served: string; contentType: string }> {
  const fetched = await createFetcher({ allowNetwork: true, resolve, timeoutMs })(source);
  if (!fetched.ok) throw new UsageError('input-unreadable', `cannot read ${source}: ${fetched.reason} (${fetched.message})`);
  if (fetched.status !== 200) throw new UsageError('input-unreadable', `cannot read ${source}: HTTP ${fetched.status}`);
  return { text: fetched.body, served: fetched.url, contentType: fetched.contentType };
}

/**
 * Reads a file or a URL. A baked badge (a PNG with an openbadges chunk, an SVG with an
 * openbadges:assertion element) yields the assertion it carries; one that carries only a URL yields the
 * document at that URL.
 */
async function readInput(source: string, resolve: { prefix: string; dir: string }[], timeoutMs: number): Promise<ReadDocument> {
  let bytes: Buffer | undefined;
  let text: string;
  let served: ReadDocument['served'];
  if (isUrl(source)) {
    const read = await readUrl(source, resolve, timeoutMs);
    // The fetcher decodes bodies as text, which would corrupt a PNG's bytes.
    if (/^image\/png\b/i.test(read.contentType)) throw new UsageError('input-unreadable', `${source} is a PNG image: save it and give the file to validate a baked badge`);
    text = read.text;
    served = { requested: source, served: read.served };
  } else {
    try {
      bytes = readFileSync(source);
    } catch (err) {
      throw new UsageError('input-unreadable', `cannot read ${source}: ${readError((err as NodeJS.ErrnoException).code)}`);
    }
    text = bytes.toString('utf8');
  }
  const png = bytes !== undefined && isPng(bytes);
  if (!png) notTextOrEmpty(source, text, bytes);
  if (!png && !isSvg(text)) return served ? { text, served } : { text };
  const read = png ? readBakedPng(bytes!) : readBakedSvg(text);
  if (!read.ok) throw new UsageError('not-baked', `${source}: ${read.reason}`);
  const { baked } = read;
  if (baked.carried !== 'url') return { text: baked.content, baked, ...(served ? { served } : {}) };
  const hosted = await readUrl(baked.content, resolve, timeoutMs);
  return { text: hosted.text, served: { requested: baked.content, served: hosted.served }, baked };
}

const READ_ERRORS: Record<string, string> = {
  ENOENT: 'no such file (ENOENT)',
  EISDIR: 'it is a directory, not a file (EISDIR)',
  EACCES: 'permission denied (EACCES)',
  ENOTDIR: 'a part of the path is not a directory (ENOTDIR)',
};
const readError = (code: string | undefined) => (code ? (READ_ERRORS[code] ?? code) : 'error');

/**
 * An empty input or bytes that are not text are named as such before parsing, which would otherwise
 * report them as a JWS with the wrong number of parts. NUL or undecodable UTF-8 marks binary data.
 */
function notTextOrEmpty(source: string, text: string, bytes: Buffer | undefined): void {
  if (text.trim() === '') throw new UsageError('input-empty', `${source} is empty: give a JSON document or a compact JWS`);
  if (text.includes('\u0000') || (bytes !== undefined && !isUtf8(bytes))) {
    throw new UsageError('input-binary', `${source} is not text (binary data): give a JSON document, a compact JWS or a baked PNG/SVG badge`);
  }
}

function forcedKind(type: string | undefined): DocumentKind | undefined {
  if (type === undefined) return undefined;
  if (!(DOCUMENT_KINDS as readonly string[]).includes(type)) {
    throw new UsageError('bad-type', `--type "${type}" is not one of ${DOCUMENT_KINDS.join(', ')}`);
  }
  return type as DocumentKind;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const OB11_CONTEXT = /w3id\.org\/openbadges\/v1\b|openbadgespec\.org\/v1\//;

/**
 * An Open Badges document older than 2.0, detected as the reference validator does (@context v1 -> 1.1;
 * none -> 1.0 or 0.5 by shape), so it is named for what it is rather than failed as a broken 2.0 one.
 */
export function legacyOpenBadges(value: unknown): { version: '0.5' | '1.0' | '1.1'; what: string; why: string; assertion: boolean } | undefined {
  if (!isObject(value)) return undefined;
  const context = value['@context'];
  if (context !== undefined) {
    const urls = (Array.isArray(context) ? context : [context]).filter((c): c is string => typeof c === 'string');
    const v1 = urls.find((c) => OB11_CONTEXT.test(c));
    if (!v1) return undefined;
    const type = typeof value.type === 'string' ? value.type : 'document';
    return { version: '1.1', what: type, why: `@context ${v1}`, assertion: type === 'Assertion' };
  }
  if ('uid' in value && isObject(value.verify) && 'badge' in value) return { version: '1.0', what: 'assertion', why: 'no @context; "uid" and a "verify" object', assertion: true };
  if (value.type === undefined && typeof value.name === 'string') {
    // 1.0 classes have no type: a BadgeClass names its criteria and issuer, an Issuer its url.
    if ('criteria' in value && 'issuer' in value) return { version: '1.0', what: 'BadgeClass', why: 'no @context or type; "criteria" and "issuer"', assertion: false };
    if (typeof value.url === 'string' && !('badge' in value) && !('scopesOffered' in value) && !('badgeConnectAPI' in value)) return { version: '1.0', what: 'Issuer', why: 'no @context or type; "name" and "url"', assertion: false };
  }
  if (typeof value.recipient === 'string' && isObject(value.badge)) {
    const version = typeof value.badge.version === 'string' ? `, badge.version ${value.badge.version}` : '';
    return { version: '0.5', what: 'assertion', why: `no @context; "recipient" is a string and "badge" an embedded object${version}`, assertion: true };
  }
  return undefined;
}

/**
 * CLR 1.0 defines signed Clrs (`signedClrs`), not a signed ClrSet: a ClrSet given as a compact JWS is
 * checked as its decoded payload, and the output says its signature is not verified.
 */
function unwrapClrSet(doc: ParsedDocument, forced: DocumentKind | undefined): ParsedDocument | undefined {
  if (doc.form !== 'jws') return undefined;
  const payload: ParsedDocument = { form: 'json', value: doc.payload };
  return forced === 'clr-set' || (forced === undefined && detectKind(payload) === 'clr-set') ? payload : undefined;
}

const envelopeNotice = (source: string) =>
  `${source}: a ClrSet given as a compact JWS; its payload is checked (CLR 1.0 signs Clrs, not ClrSets: the set's signature is not verified)`;

/** Reads and classifies every input before anything runs, so a bad one is a usage error (exit 2). */
export async function loadInputs(
  sources: string[],
  flags: ValidateFlags,
  timeoutMs: number = DEFAULTS.timeoutMs,
  say: (line: string) => void = () => undefined,
): Promise<DocumentInput[]> {
  if (sources.length === 0) throw new UsageError('missing-input', 'no document: give one or more files or URLs');
  const forced = forcedKind(flags.type);
  const resolve = parseResolve(flags.resolve);
  const inputs: DocumentInput[] = [];
  for (const source of sources) {
    const read = await readInput(source, resolve, timeoutMs);
    let doc = parseDocument(read.text);
    const unwrapped = unwrapClrSet(doc, forced);
    if (unwrapped) {
      say(envelopeNotice(source));
      doc = unwrapped;
    }
    const legacy = forced ? undefined : legacyOpenBadges(doc.form === 'json' ? doc.value : doc.form === 'jws' ? doc.payload : undefined);
    if (legacy) {
      const hint = legacy.assertion ? '; give --type assertion to judge it as a 2.0 assertion anyway' : '';
      throw new UsageError('not-ob20', `${source} is an Open Badges ${legacy.version} ${legacy.what} (${legacy.why}), not an Open Badges 2.0 document: validate checks OB 2.0 only${hint}`);
    }
    const kind = forced ?? detectKind(doc);
    if (!kind) {
      const why = doc.form === 'unparsable' ? doc.reason : 'no @context, type or shape of a known kind';
      throw new UsageError('unknown-document', `cannot tell what ${source} is (${why}); give --type ${DOCUMENT_KINDS.join('|')}`);
    }
    if (read.baked && kind !== 'assertion') throw new UsageError('not-baked', `${source}: the baked badge carries a ${kind}, not an assertion`);
    inputs.push({ source, kind, doc, ...(unwrapped ? { unverifiedEnvelope: true } : {}), ...(read.served ? { served: read.served } : {}), ...(read.baked ? { baked: read.baked } : {}) });
  }
  return inputs;
}

/** A RunConfig for a validate run: no target to reach, no client; the limits still apply. */
function validateConfig(sources: string[], flags: ValidateFlags, now: Date): RunConfig {
  const runId = randomUUID();
  const timeout = flags.timeout === undefined ? DEFAULTS.timeoutMs : Number(flags.timeout);
  if (!Number.isInteger(timeout) || timeout <= 0) throw new UsageError('bad-number', `--timeout must be a positive integer, got "${flags.timeout}"`);
  return {
    target: sources.join(' '),
    manifestUrl: '',
    plans: ['validate'],
    outDir: flags.out ?? join(DEFAULTS.outDir, `validate-${now.toISOString().replace(/[:.]/g, '-')}-${runId.slice(0, 8)}`),
    reporters: flags.reporter?.length ? flags.reporter : [...DEFAULTS.reporters],
    authorize: 'auto',
    authFields: {},
    client: { ...DEFAULT_CLIENT },
    pageSize: DEFAULTS.pageSize,
    timeoutMs: timeout,
    maxResponseBytes: DEFAULTS.maxResponseBytes,
    scenarioTimeoutMs: DEFAULTS.scenarioTimeoutMs,
    plainHttpLoopback: false,
    runId,
    missingDataRemedy: missingDataRemedy(flags),
  };
}

/** The flag that lets a check blocked for want of a fetched document finish, given what was already set. */
export function missingDataRemedy(flags: Pick<ValidateFlags, 'allowNetwork' | 'resolve'>): string {
  if (flags.allowNetwork !== true) return '--allow-network, or --resolve <prefix>=<dir> with a local copy';
  if (flags.resolve?.length) return 'a local copy in a --resolve <prefix>=<dir> folder (the network and the folders given did not serve it)';
  return '--resolve <prefix>=<dir> with a local copy (the network did not serve it)';
}

/** The progress line over all records (ClrSet members counted one by one); none under --quiet, --json or off a TTY. */
function startProgress(inputs: DocumentInput[], flags: ValidateFlags, output: CliOutput, stream: ProgressStream | undefined): Progress {
  if (!stream || !progressWanted({ ...output.mode, progress: flags.progress }, stream)) return NO_PROGRESS;
  return createProgress({ label: 'validate', total: inputs.reduce((n, i) => n + recordCount(i), 0), stream });
}

/** The same sinks, each wiping the progress line first (the reporters print while the counter is drawn). */
function clearingOutput(output: CliOutput, progress: Progress): CliOutput {
  if (progress === NO_PROGRESS) return output;
  const before = (write: (line: string) => void) => (line: string) => {
    progress.clear();
    write(line);
  };
  return { ...output, progress: before(output.progress), result: before(output.result), warn: before(output.warn), reporterWrite: before(output.reporterWrite), json: before(output.json) };
}

/**
 * `conformance validate <file|URL>…`: one plan with a synthetic scenario per document, run by the same
 * engine and reporters as `run`, so events, reports and exit codes (0/1/2/3) mean the same thing.
 */
export async function validateCommand(
  sources: string[],
  flags: ValidateFlags,
  say: (line: string) => void,
  now = new Date(),
  extras: { output?: CliOutput; env?: NodeJS.ProcessEnv; stderr?: ProgressStream } = {},
): Promise<ExitCode> {
  const output = extras.output ?? sayOutput(say);
  const env = extras.env ?? {};
  const base = validateConfig(sources, flags, now);
  // Same option as `run --official-schemas`, but a cache never synced is a usage error here (see officialSchemasHook).
  const officialSchemas = officialSchemasHook(flags.officialSchemas, output.progress, { missing: 'error' });
  const config: RunConfig = officialSchemas ? { ...base, officialSchemas } : base;
  const inputs = await loadInputs(sources, flags, config.timeoutMs, output.progress);
  // Only the CLI (which passes its output) draws on the real stderr; other callers pass a stream or get none.
  const progress = startProgress(inputs, flags, output, extras.stderr ?? (extras.output ? process.stderr : undefined));
  const reporters: Reporter[] = await loadReporters(config.reporters, clearingOutput(output, progress), env);
  const fetch = { allowNetwork: flags.allowNetwork === true, resolve: parseResolve(flags.resolve) };
  const at = flags.at === undefined ? undefined : new Date(flags.at);
  if (at && Number.isNaN(at.getTime())) throw new UsageError('bad-date', `--at "${flags.at}" is not a date-time`);
  const onRecords = (n: number) => progress.tick(n);
  const scenarios: Scenario[] = inputs.map((input, i) =>
    documentScenario(i, input, fetch, { ...(at ? { now: at } : {}), schemaOnly: flags.schemaOnly === true, onRecords }),
  );
  const plan: Plan = {
    id: 'validate',
    title: 'Validate documents',
    summary: 'Schema, JSON-LD and verification checks of documents given on the command line.',
    role: roleFor(inputs.map((i) => i.kind)),
    scenarios: scenarios.map((s) => s.id),
  };
  mkdirSync(config.outDir, { recursive: true });
  const log = openEventLog(config.outDir);
  const events: RunEvent[] = [];
  const write = (e: RunEvent) => {
    // The final count goes before the reporters' closing lines.
    if (e.type === 'run-end') progress.done();
    events.push(e);
    log.write(e);
    for (const r of reporters) r.onEvent?.(e);
  };
  // What the checks cannot show goes into the report as a warning, right after the run starts.
  const notices: RunEvent[] = inputs
    .filter((i) => i.unverifiedEnvelope)
    .map((i) => ({ type: 'notice', time: new Date().toISOString(), level: 'warning', code: 'envelope-signature-not-verified', message: envelopeNotice(i.source) }));
  const emit = (e: RunEvent) => {
    write(e);
    if (e.type === 'run-start') notices.forEach(write);
  };
  const options = {
    documents: inputs.map((i) => ({ source: i.source, kind: i.kind })),
    allowNetwork: fetch.allowNetwork,
    resolve: fetch.resolve.map((r) => r.prefix),
    ...(at ? { at: at.toISOString() } : {}),
    ...(officialSchemas ? { officialSchemas: true } : {}),
  };
  try {
    await runPlans({ config, plans: [plan], scenarios: new Map(scenarios.map((s) => [s.id, s])), sink: emit, options });
  } finally {
    progress.done();
  }
  const files = [log.file];
  for (const r of reporters) if (r.finish) files.push(...(await r.finish(events, config.outDir)));
  finishOutput(events, config.outDir, files, output, env);
  const end = events.find((e): e is RunEndEvent => e.type === 'run-end');
  return end?.exitCode ?? 2;
}
