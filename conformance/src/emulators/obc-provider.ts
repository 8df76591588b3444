import { getRegistry, SchemaIds } from '../../../schemas/src/registry.js';
import { guarded, isObject, jsonBody, type ApiContext } from './api.js';
import { obcError, obcStatus } from './envelopes.js';
import { filterSince, paginate } from './paging.js';
import { buildObcSeed, type ObcSeed } from './seed-obc.js';
import { OBC_SCOPES, PAGE_SIZE, PATHS, type Answer, type Incoming } from './types.js';

const [READ, CREATE, PROFILE_READ, PROFILE_UPDATE] = OBC_SCOPES;
const valid = (schemaId: string, doc: unknown) => getRegistry().validate(schemaId, doc, { unknownProperties: 'allow' }).valid;

/** The emulated Badge Connect provider: manifest, assertions and profile of the test user. */
export class ObcProvider {
  private seed!: ObcSeed;
  private assertions: Record<string, unknown>[] = [];
  private profile: Record<string, unknown> = {};

  constructor(private readonly origin: string, private readonly seedSize: number) {
    this.reset();
  }

  /** Back to the seed, so every scenario sees the same provider. */
  reset(): void {
    this.seed = buildObcSeed(this.origin, this.seedSize);
    this.assertions = [...this.seed.assertions];
    this.profile = { ...this.seed.profile };
  }

  manifest(): Answer {
    const o = this.origin;
    return { status: 200, body: {
      id: `${o}${PATHS.manifest}`,
      badgeConnectAPI: [{
        name: 'LRC Conformance Emulator', image: 'https://example.org/emulator.png', apiBase: `${o}${PATHS.obcBase}`, version: 'v2p1',
        termsOfServiceUrl: 'https://example.org/terms', privacyPolicyUrl: 'https://example.org/privacy',
        // offline_access is not a URI, so it cannot be listed; the authorization server still grants it.
        scopesOffered: [...OBC_SCOPES],
        registrationUrl: `${o}${PATHS.register}`, authorizationUrl: `${o}${PATHS.authorize}`, tokenUrl: `${o}${PATHS.token}`, tokenRevocationUrl: `${o}${PATHS.revoke}`,
      }],
    } };
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
      const result = paginate(listed, req.query, `${this.origin}${req.path}`, PAGE_SIZE.obc, ctx.fault?.forcePaging === true);
      if (!result.ok) return obcError(400, result.reason);
      return { status: 200, headers: result.page.headers, body: { ...obcStatus(200), assertions: result.page.items } };
    });
  }

  postAssertion(req: Incoming, ctx: ApiContext): Answer {
    return guarded(req, ctx, CREATE!, true, () => {
      const body = jsonBody(req);
      if (!isObject(body) || !valid(SchemaIds.obc.postAssertionRequest, body)) return obcError(400, 'The body is not a valid Assertion Payload');
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
      if (!isObject(body) || !valid(SchemaIds.obc.postProfileRequest, body)) return obcError(400, 'The body is not a valid OB 2.0 Profile');
      // New identifiers are added; the profile keeps its own id and type.
      this.profile = { ...this.profile, ...body, id: this.profile.id, type: this.profile.type };
      return { status: 200, body: { ...obcStatus(200), profile: this.profile } };
    });
  }
}
