import { SchemaIds } from '../../../schemas/src/registry.js';
import { guarded, isObject, jsonBody, type ApiContext } from './api.js';
import { clrError } from './envelopes.js';
import { firstError } from './obc-provider.js';
import { filterSince, paginate } from './paging.js';
import { buildClrSeed, CLR_CONTEXT } from './seed-clr.js';
import { CLR_SCOPES, PAGE_MAX, PAGE_SIZE, PATHS, type Answer, type Incoming } from './types.js';

const [READ, REPLACE, DELETE] = CLR_SCOPES;

/** The emulated CLR 1.0 provider: flat discovery, getClrs, getClr, postClr, deleteClr. */
export class ClrProvider {
  private clrs: Record<string, unknown>[] = [];
  private readonly deleted = new Set<string>();

  constructor(private readonly origin: string, private readonly seedSize: number, private readonly offered: readonly string[]) {
    this.reset();
  }

  reset(): void {
    this.clrs = buildClrSeed(this.origin, this.seedSize);
    this.deleted.clear();
  }

  discovery(): Answer {
    const o = this.origin;
    return { status: 200, body: {
      '@context': CLR_CONTEXT, name: 'LRC Conformance Emulator (CLR)', image: 'https://example.org/emulator.png',
      authorizationUrl: `${o}${PATHS.authorize}`, tokenUrl: `${o}${PATHS.token}`, registrationUrl: `${o}${PATHS.register}`,
      scopesOffered: [...this.offered], // offline_access is not a URI; the authorization server still grants it
      privacyPolicyUrl: 'https://example.org/privacy', termsOfServiceUrl: 'https://example.org/terms',
    } };
  }

  getClrs(req: Incoming, ctx: ApiContext): Answer {
    return guarded(req, ctx, READ!, false, () => {
      const listed = filterSince(this.clrs, req.query.get('since'), 'issuedOn');
      if (!listed) return clrError(400, 'since must be an ISO 8601 date-time', 'invalid_query_parameter');
      const result = paginate(listed, req.query, `${this.origin}${req.path}`, { default: PAGE_SIZE.clr, max: PAGE_MAX.clr }, ctx.fault?.forcePaging === true);
      if (!result.ok) return clrError(400, result.reason, 'invalid_query_parameter');
      return { status: 200, headers: result.page.headers, body: { '@context': CLR_CONTEXT, type: 'ClrSet', clrs: result.page.items } };
    });
  }

  getClr(req: Incoming, ctx: ApiContext): Answer {
    return guarded(req, ctx, READ!, false, () => {
      const id = `${this.origin}${req.path}`;
      if (this.deleted.has(id)) return clrError(410, 'This CLR was deleted');
      const clr = this.clrs.find((c) => c.id === id);
      return clr ? { status: 200, body: { '@context': CLR_CONTEXT, ...clr } } : clrError(404, 'No such CLR');
    });
  }

  postClr(req: Incoming, ctx: ApiContext): Answer {
    return guarded(req, ctx, REPLACE!, true, () => {
      const body = jsonBody(req);
      if (!isObject(body)) return clrError(400, 'The body is not a JSON object');
      // A bare Clr (no clr / signedClr member) fails here: the body must be the ClrPayload envelope.
      const problem = firstError(SchemaIds.clr.clrPayload, body);
      if (problem) return clrError(400, `The body is not a valid ClrPayload: ${problem}`);
      const clr = isObject(body.clr) ? body.clr : undefined;
      if (!clr) return { status: 201, body };
      const known = this.clrs.some((c) => c.id === clr.id);
      this.clrs = [clr, ...this.clrs.filter((c) => c.id !== clr.id)];
      this.deleted.delete(String(clr.id));
      return { status: known ? 200 : 201, body };
    });
  }

  deleteClr(req: Incoming, ctx: ApiContext): Answer {
    return guarded(req, ctx, DELETE!, true, () => {
      const id = `${this.origin}${req.path}`;
      if (!this.clrs.some((c) => c.id === id)) return clrError(404, 'No such CLR');
      this.clrs = this.clrs.filter((c) => c.id !== id);
      this.deleted.add(id);
      return { status: 204 };
    });
  }
}
