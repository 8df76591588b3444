import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CLIENT, DEFAULTS, isLoopbackHost, type ClientMetadata, type RunConfig } from '../engine/config.js';
import { UsageError } from '../engine/errors.js';
import { CLR_DISCOVERY_PATH, clrDiscoveryUrl } from '../actions/clr/constants.js';
import { loadSuppliedAssertions } from './post-assertions.js';
import { dirname, resolve as resolvePath } from 'node:path';
import { candidateName, EMULATOR_PLACEHOLDER_TARGET, resolveConsumerOptions, type ConsumerFlags } from './consumer-config.js';

/** What the command line gave; every field optional because the config file may supply it. */
export interface RunFlags extends ConsumerFlags {
  plan?: string[];
  target?: string;
  config?: string;
  out?: string;
  reporter?: string[];
  authorize?: string;
  authField?: string[];
  pageSize?: string;
  timeout?: string;
  /** Files holding assertions for the Badge Connect Write plan to post (repeatable). */
  postAssertion?: string[];
}

/** The config file format (JSON). Same names as the flags, plus client metadata overrides. */
interface ConfigFile {
  target?: string;
  plans?: string[];
  out?: string;
  reporters?: string[];
  authorize?: string;
  authFields?: Record<string, string>;
  client?: Partial<ClientMetadata>;
  pageSize?: number;
  timeoutMs?: number;
  maxResponseBytes?: number;
  scenarioTimeoutMs?: number;
  /** Files (relative to the config file) holding assertions to post. */
  postAssertions?: string[];
}

const CONFIG_KEYS = new Set([
  'target', 'plans', 'out', 'reporters', 'authorize', 'authFields', 'client',
  'pageSize', 'timeoutMs', 'maxResponseBytes', 'scenarioTimeoutMs', 'postAssertions',
]);
const CLIENT_KEYS = new Set(Object.keys(DEFAULT_CLIENT));

export function readConfigFile(path: string): ConfigFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new UsageError('config-unreadable', `cannot read config file ${path}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new UsageError('config-malformed', `config file ${path} is not valid JSON: ${(err as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UsageError('config-malformed', `config file ${path} must hold a JSON object`);
  }
  const obj = value as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    if (!CONFIG_KEYS.has(key)) throw new UsageError('config-unknown-key', `config file ${path}: unknown key "${key}"`);
  }
  const bad = (key: string, want: string) =>
    new UsageError('config-malformed', `config file ${path}: "${key}" must be ${want}`);
  for (const key of ['target', 'out', 'authorize'] as const) {
    if (obj[key] !== undefined && typeof obj[key] !== 'string') throw bad(key, 'a string');
  }
  for (const key of ['plans', 'reporters', 'postAssertions'] as const) {
    const v = obj[key];
    if (v !== undefined && !(Array.isArray(v) && v.every((x) => typeof x === 'string'))) throw bad(key, 'an array of strings');
  }
  for (const key of ['pageSize', 'timeoutMs', 'maxResponseBytes', 'scenarioTimeoutMs'] as const) {
    const v = obj[key];
    if (v !== undefined && !(Number.isInteger(v) && (v as number) > 0)) throw bad(key, 'a positive integer');
  }
  if (obj.authFields !== undefined && !isStringRecord(obj.authFields)) throw bad('authFields', 'an object of strings');
  if (obj.client !== undefined) {
    if (typeof obj.client !== 'object' || obj.client === null) throw bad('client', 'an object');
    for (const [k, v] of Object.entries(obj.client)) {
      if (!CLIENT_KEYS.has(k)) throw new UsageError('config-unknown-key', `config file ${path}: unknown client key "${k}"`);
      const ok = k === 'redirect_uris' ? Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string') : typeof v === 'string';
      if (!ok) throw bad(`client.${k}`, k === 'redirect_uris' ? 'a non-empty array of strings' : 'a string');
    }
  }
  return obj as ConfigFile;
}

/** Merges defaults < config file < flags, and checks the result. Throws UsageError naming the problem. */
export function resolveRunConfig(flags: RunFlags, knownPlans: readonly string[], now = new Date()): RunConfig {
  const file = flags.config ? readConfigFile(flags.config) : {};
  // A misspelt plan is named first: otherwise a consumer plan beside it would be told it needs a target.
  for (const p of flags.plan?.length ? flags.plan : (file.plans ?? [])) {
    if (!knownPlans.includes(p)) throw new UsageError('unknown-plan', `unknown plan "${p}" (known: ${knownPlans.join(', ')})`);
  }
  const consumer = resolveConsumerOptions(flags, flags.plan?.length ? flags.plan : (file.plans ?? []));
  // Consumer-only runs test a candidate through the emulators: no target until they listen.
  const target = flags.target ?? file.target ?? (consumer?.only ? EMULATOR_PLACEHOLDER_TARGET : undefined);
  if (!target) throw new UsageError('missing-target', 'no target: give --target <origin, manifest URL or CLR discovery URL> or "target" in the config file');
  const parsed = parseTarget(target);
  const plainHttpLoopback = parsed.plainHttpLoopback;
  const plans = flags.plan?.length ? flags.plan : (file.plans ?? []);
  if (plans.length === 0) throw new UsageError('missing-plan', `no plan: give --plan <id> (known: ${knownPlans.join(', ')})`);
  const manifestUrl = entryUrlForPlans(target, parsed.manifestUrl, plans);
  const authorize = flags.authorize ?? file.authorize ?? 'auto';
  if (authorize !== 'auto') throw new UsageError('bad-authorize', `unsupported --authorize mode "${authorize}" (supported: auto)`);
  const authFields = { ...(file.authFields ?? {}), ...parseFields(flags.authField ?? []) };
  // Flags replace the config file's list; the file's paths are relative to the file.
  const postAssertions = flags.postAssertion?.length
    ? loadSuppliedAssertions(flags.postAssertion, '--post-assertion')
    : flags.config && file.postAssertions?.length
      ? loadSuppliedAssertions(file.postAssertions.map((p) => resolvePath(dirname(flags.config as string), p)), `config file ${flags.config}: postAssertions`)
      : [];
  const runId = randomUUID();
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  return {
    target,
    manifestUrl,
    plans,
    outDir: flags.out ?? file.out ?? join(DEFAULTS.outDir, `${stamp}-${runId.slice(0, 8)}`),
    reporters: flags.reporter?.length ? flags.reporter : (file.reporters ?? [...DEFAULTS.reporters]),
    authorize,
    authFields,
    client: { ...DEFAULT_CLIENT, ...(file.client ?? {}) },
    pageSize: positiveInt(flags.pageSize, '--page-size') ?? file.pageSize ?? DEFAULTS.pageSize,
    timeoutMs: positiveInt(flags.timeout, '--timeout') ?? file.timeoutMs ?? DEFAULTS.timeoutMs,
    maxResponseBytes: file.maxResponseBytes ?? DEFAULTS.maxResponseBytes,
    // A consumer scenario waits for the candidate (--wait) before it judges; leave room for that.
    scenarioTimeoutMs: Math.max(file.scenarioTimeoutMs ?? DEFAULTS.scenarioTimeoutMs, consumer ? consumer.waitMs + 30_000 : 0),
    plainHttpLoopback,
    runId,
    ...(consumer ? { consumer, candidate: candidateName(flags) } : {}),
    ...(postAssertions.length ? { postAssertions } : {}),
  };
}

/** An origin means its well-known manifest; any other path is the manifest URL itself. */
export function parseTarget(target: string): { manifestUrl: string; plainHttpLoopback: boolean } {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    throw new UsageError('bad-target', `target "${target}" is not an absolute URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new UsageError('bad-target', `target "${target}" must be an https URL`);
  }
  const plain = url.protocol === 'http:';
  if (plain && !isLoopbackHost(url.hostname)) {
    throw new UsageError('insecure-target', `target "${target}" uses plain http; only loopback hosts may be tested without TLS`);
  }
  const manifestUrl =
    url.pathname === '/' || url.pathname === '' ? `${url.origin}/.well-known/badgeconnect.json` : url.toString();
  return { manifestUrl, plainHttpLoopback: plain };
}

/** Plans that test a CLR provider from its discovery document (consumer plans start elsewhere). */
const CLR_PROVIDER_PLANS: readonly string[] = ['clr-provider'];

/** A URL whose path ends in /ims/clr/v1p0/discovery names the CLR discovery document. */
export function isClrDiscoveryUrl(target: string): boolean {
  try {
    return new URL(target).pathname.replace(/\/+$/, '').endsWith(CLR_DISCOVERY_PATH);
  } catch {
    return false;
  }
}

/**
 * The URL a run starts from (checked for reachability, shown in the report): for CLR plans alone the
 * discovery document ({origin}/ims/clr/v1p0/discovery, or the discovery URL given); a CLR discovery URL
 * is never a Badge Connect manifest, so Badge Connect plans then use the origin's well-known manifest.
 * CLR scenarios derive the discovery URL from the target themselves, so mixed runs work too.
 */
export function entryUrlForPlans(target: string, manifestUrl: string, plans: readonly string[]): string {
  if (plans.length > 0 && plans.every((p) => CLR_PROVIDER_PLANS.includes(p))) return clrDiscoveryUrl(target);
  if (isClrDiscoveryUrl(target)) return `${new URL(target).origin}/.well-known/badgeconnect.json`;
  return manifestUrl;
}

function parseFields(list: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of list) {
    const eq = item.indexOf('=');
    if (eq <= 0) throw new UsageError('bad-auth-field', `--auth-field "${item.split('=')[0]}" must look like name=value`);
    out[item.slice(0, eq)] = item.slice(eq + 1);
  }
  return out;
}

function positiveInt(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[1-9]\d{0,8}$/.test(value)) throw new UsageError('bad-number', `${flag} must be a positive integer, got "${value}"`);
  return Number(value);
}

function isStringRecord(v: unknown): v is Record<string, string> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string');
}
