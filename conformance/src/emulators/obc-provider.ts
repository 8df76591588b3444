import { getRegistry, SchemaIds } from '../../../schemas/src/registry.js';
import { guarded, isObject, jsonBody, type ApiContext } from './api.js';
import { obcError, obcStatus } from './envelopes.js';
import { filterSince, paginate } from './paging.js';
import { buildObcSeed, type ObcSeed } from './seed-obc.js';
import { OBC_SCOPES, PAGE_MAX, PAGE_SIZE, PATHS, type Answer, type Incoming } from './types.js';

const [READ, CREATE, PROFILE_READ, PROFILE_UPDATE] = OBC_SCOPES;
/** The first schema error of a request body, or undefined; extension fields are left to the consumer checks. */
export function firstError(schemaId: string, doc: unknown): string | undefined {
  const result = getRegistry().validate(schemaId, doc, { unknownProperties: 'allow' });
  if (result.valid) return undefined;
  const e = result.errors[0];
  return e ? `${e.instancePath || '/'} ${e.message}`.slice(0, 200) : 'invalid';
}

/** The emulated Badge Connect provider: manifest, assertions and profile of the test user. */
export class ObcProvider {
  private seed!: ObcSeed;
  private assertions: Record<string, unknown>[] = [];
  private profile: Record<string, unknown> = {};

  constructor(private readonly origin: string, private readonly seedSize: number, private readonly offered: readonly string[]) {
    this.reset();
  }

  /** Back to the seed, so every scenario sees the same provider. */
  reset(): void {
    this.seed = buildObcSeed(this.origin, this.seedSize);
    this.assertions = [...this.seed.assertions];
    this.profile = { ...this.seed.profile };
  }

  /**
   * Two entries, as a provider that kept its draft API lists them: the draft v1p0 first, then v2p1. A
   * consumer must pick the entry by `version`, not by position.
   */
  manifest(): Answer {
    const o = this.origin;
    const entry = (version: string, apiBase: string, name: string) => ({
      name, image: 'https://example.org/emulator.png', apiBase, version,
      termsOfServiceUrl: 'https://example.org/terms', privacyPolicyUrl: 'https://example.org/privacy',
      // offline_access is not a URI, so it cannot be listed; the authorization server still grants it.
      scopesOffered: [...this.offered],
      registrationUrl: `${o}${PATHS.register}`, authorizationUrl: `${o}${PATHS.authorize}`, tokenUrl: `${o}${PATHS.token}`, tokenRevocationUrl: `${o}${PATHS.revoke}`,
    });
    return { status: 200, body: {
      id: `${o}${PATHS.manifest}`,
      badgeConnectAPI: [
        entry('v1p0', `${o}${PATHS.obcDraftBase}`, 'LRC Conformance Emulator (draft Badge Connect 1.0)'),
        entry('v2p1', `${o}${PATHS.obcBase}`, 'LRC Conformance Emulator'),
      ],
    } };
  }

  /** The draft API is retired here: every call under its apiBase is refused (and judged by the checks). */
  draftApi(): Answer {
    return obcError(404, 'The draft Badge Connect v1p0 API is not served; use the badgeConnectAPI entry with version v2p1', 'NOT_FOUND');
  }

  /** Public OB 2.0 documents, so hosted verification of the seeded assertions works. */
  document(path: string): Answer | undefined {
    const doc = this.seed.documents.get(path);
    return doc ? { status: 200, body: doc } : undefined;
  }

  getAssertions(req: Incoming, ctx: ApiContext): Answer {
    return guarded(req, ctx, READ!, false, () => {
      const listed = filterSince(this.assertions, req.query.get('since'), 'issuedOn');
      if (!listed) return obcError(400, 'since must be an ISO 8601 date-time');
      const result = paginate(listed, req.query, `${this.origin}${req.path}`, { default: PAGE_SIZE.obc, max: PAGE_MAX.obc }, ctx.fault?.forcePaging === true);
      if (!result.ok) return obcError(400, result.reason);
      return { status: 200, headers: result.page.headers, body: { ...obcStatus(200), assertions: result.page.items } };
    });
  }

  postAssertion(req: Incoming, ctx: ApiContext): Answer {
    return guarded(req, ctx, CREATE!, true, () => {
      const body = jsonBody(req);
      if (!isObject(body)) return obcError(400, 'The body is not a JSON object', 'BAD_REQUEST');
      const problem = firstError(SchemaIds.obc.postAssertionRequest, body);
      if (problem) return obcError(400, `The body is not a valid Assertion Payload: ${problem}`);
      const assertion = body.assertion;
      if (isObject(assertion)) {
        this.assertions = [assertion, ...this.assertions.filter((a) => a.id !== assertion.id)];
      }
      return { status: 200, body: obcStatus(200) };
    });
  }

  getProfile(req: Incoming, ctx: ApiContext): Answer {
    return guarded(req, ctx, PROFILE_READ!, false, () => ({ status: 200, body: { ...obcStatus(200), profile: this.profile } }));
  }

  postProfile(req: Incoming, ctx: ApiContext): Answer {
    return guarded(req, ctx, PROFILE_UPDATE!, true, () => {
      const body = jsonBody(req);
      if (!isObject(body)) return obcError(400, 'The body is not a JSON object', 'BAD_REQUEST');
      const problem = firstError(SchemaIds.obc.postProfileRequest, body);
      if (problem) return obcError(400, `The body is not a valid OB 2.0 Profile: ${problem}`);
      // New identifiers are added; the profile keeps its own id and type.
      this.profile = { ...this.profile, ...body, id: this.profile.id, type: this.profile.type };
      return { status: 200, body: { ...obcStatus(200), profile: this.profile } };
    });
  }
}
