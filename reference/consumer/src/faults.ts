/**
 * Consumer faults: each switches off one correct behaviour of the wallet's client code, so the
 * conformance suite's consumer plans can prove that every check fails a faulty candidate.
 * Off unless named in the `faults` option, `--fault NAME` (cli.ts) or REFERENCE_FAULTS.
 */
import { FaultSet } from '../../shared/faults.js';

export const CONSUMER_FAULTS = {
  /** Authorization request without code_challenge; token request without code_verifier. */
  'skip-pkce': 'no PKCE at all',
  /** PKCE with method `plain` (the challenge is the verifier) instead of S256. */
  'pkce-plain': 'PKCE plain instead of S256',
  /** Authorization request without `state` (and so no check of it on return). */
  'omit-state': 'no state parameter',
  /** Accepts an authorization response whose `state` differs from the one sent. */
  'ignore-state-mismatch': 'state not checked on return',
  /** Registration without `software_id`. */
  'omit-software-id': 'registration lacks software_id',
  /** Registers client_secret_post and sends the client secret in the token request body, not Basic auth. */
  'client-secret-post': 'client secret in the form body',
  /** Reads only the first page of a list, ignoring the Link `next` relation. */
  'first-page-only': 'Link next not followed',
  /** Sends the access token as an `access_token` query parameter instead of the Authorization header. */
  'token-in-query': 'access token in the query string',
  /** Asks for a scope the provider does not offer (registration and authorization). */
  'unoffered-scope': 'asks for an unoffered scope',
  /** Gives up on a 401 invalid_token instead of refreshing the access token. */
  'no-refresh': 'no refresh on an expired token',
  /** After the grant is revoked (refresh refused), keeps calling the API until the time limit. */
  'retry-forever': 'keeps calling after revocation',
  /** Reports a POST as successful even when the provider answered with an error envelope. */
  'ignore-post-error': 'POST errors reported as success',
  /** Adds a field the specification does not define to every body it POSTs to the API. */
  'extension-fields': 'non-spec field in POST bodies',
} as const;

export type ConsumerFault = keyof typeof CONSUMER_FAULTS;
export const CONSUMER_FAULT_NAMES = Object.keys(CONSUMER_FAULTS) as ConsumerFault[];

/** The field name the `extension-fields` fault adds: not defined by OB 2.1 or CLR 1.0. */
export const EXTENSION_FIELD = 'walletExtension';

/** The scope the `unoffered-scope` fault asks for in addition to the right ones. */
export const UNOFFERED_SCOPE = 'https://purl.imsglobal.org/spec/ob/v2p1/scope/not-offered';

export class ConsumerFaults extends FaultSet {
  constructor(names: Iterable<string> = []) {
    super(names, CONSUMER_FAULT_NAMES);
  }
  override has(name: ConsumerFault): boolean {
    return super.has(name);
  }
}
