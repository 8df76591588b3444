import type { OfficialSchemaHook } from '../official/hook.js';
import type { ConsumerRunOptions } from '../emulators/harness.js';

/** Everything a run needs to know, after defaults, config file and flags are merged and checked. */
export interface ClientMetadata {
  client_name: string;
  client_uri: string;
  logo_uri: string;
  tos_uri: string;
  policy_uri: string;
  software_id: string;
  software_version: string;
  redirect_uris: string[];
}

/**
 * An assertion the vendor gives the Badge Connect Write plan to post (--post-assertion, config
 * "postAssertions"): one the provider can verify, hosted at its HTTP(S) id or signed under a published key.
 */
export interface SuppliedAssertion {
  /** Where it came from (the file path), for messages. */
  source: string;
  id: string;
  /** The assertion (for a signed one, the JWS payload). */
  doc: Record<string, unknown>;
  /** The Assertion Payload to send. */
  payload: { assertion: Record<string, unknown> } | { signedAssertion: string };
}

export interface RunConfig {
  /** The target as given: an origin or a manifest URL. */
  target: string;
  manifestUrl: string;
  plans: string[];
  outDir: string;
  reporters: string[];
  /** How the authorization step is driven. 'auto' submits the provider's sign-in and consent forms. */
  authorize: 'auto';
  /** Form fields for --authorize auto (e.g. username, password, decision). */
  authFields: Record<string, string>;
  /** Metadata the suite registers itself with. Redirect URIs are never fetched in auto mode. */
  client: ClientMetadata;
  /** Page size used to walk paged lists; small so that several pages are needed. */
  pageSize: number;
  /** Per-request timeout. */
  timeoutMs: number;
  /** Response bodies above this many bytes are cut and reported. */
  maxResponseBytes: number;
  /** Per-scenario time limit. */
  scenarioTimeoutMs: number;
  /** True when the target is plain http on a loopback host: accepted, but TLS is then untested. */
  plainHttpLoopback: boolean;
  /** A run id; used for per-run client names so runs never depend on earlier state. */
  runId: string;
  /** `--official-schemas`: official 1EdTech schema verdicts recorded beside ours (information only). */
  officialSchemas?: OfficialSchemaHook;
  /** Consumer plans: where the emulators listen and how the candidate is started. */
  consumer?: ConsumerRunOptions;
  /** Badge Connect Write: assertions to post, in the order given. */
  postAssertions?: SuppliedAssertion[];
  /**
   * What lets a check blocked for want of a document finish, for checks that do not say it themselves
   * (validate: `--allow-network` or `--resolve <prefix>=<dir>`); default `DEFAULT_MISSING_DATA_REMEDY`.
   */
  missingDataRemedy?: string;
  /** Consumer plans: the product under test as the reports name it (--candidate-name, else the trigger). */
  candidate?: string;
}

/** A provider run fetches documents on the target's origin only; anything else is for `validate`. */
export const DEFAULT_MISSING_DATA_REMEDY =
  "serve the document on the target's origin (a run fetches nothing else), or check the record with `conformance validate --allow-network` or `--resolve <prefix>=<dir>`";

export const DEFAULT_CLIENT: ClientMetadata = {
  client_name: 'LRC Conformance Suite',
  client_uri: 'https://conformance-client.example.com/',
  logo_uri: 'https://conformance-client.example.com/logo.png',
  tos_uri: 'https://conformance-client.example.com/terms',
  policy_uri: 'https://conformance-client.example.com/privacy',
  software_id: 'lrc-conformance-suite',
  software_version: '0.1.0',
  redirect_uris: ['https://conformance-client.example.com/callback'],
};

export const DEFAULTS = {
  pageSize: 5,
  timeoutMs: 10_000,
  maxResponseBytes: 5 * 1024 * 1024,
  scenarioTimeoutMs: 60_000,
  reporters: ['console', 'json', 'junit', 'html', 'markdown'],
  outDir: 'reports',
} as const;

export const LOOPBACK_HOSTS = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.test(hostname);
}
