import { CONTEXT_URLS } from '../../../../../schemas/src/jsonld.js';
import type { TokenSet } from '../../../actions/types.js';
import { decodeCompactJws } from '../../../checks/obc/compact-jws.js';
import type { ScenarioContext } from '../../../engine/context.js';
import type { HttpExchange } from '../../../engine/http.js';
import { bearer } from '../../api/support/session.js';
import { clrPayload } from './fixture-clr.js';
import { clrUrl, type ClrSession } from './session.js';

export function postClr(ctx: ScenarioContext, s: ClrSession, token: TokenSet, clr: Record<string, unknown>, label: string): Promise<HttpExchange> {
  return ctx.http.send({ method: 'POST', url: s.clrsUrl, headers: { ...bearer(token), accept: 'application/json' }, json: clrPayload(clr), label });
}

/** postClr with a ClrPayload carrying a compact JWS (`signedClr`) instead of a Clr object. */
export function postSignedClr(ctx: ScenarioContext, s: ClrSession, token: TokenSet, jws: string, label: string): Promise<HttpExchange> {
  return ctx.http.send({ method: 'POST', url: s.clrsUrl, headers: { ...bearer(token), accept: 'application/json' }, json: { '@context': CONTEXT_URLS.clr10, signedClr: jws }, label });
}

export function getClr(ctx: ScenarioContext, s: ClrSession, token: TokenSet | undefined, id: string, label: string): Promise<HttpExchange> {
  return ctx.http.send({ url: clrUrl(s, id), headers: { ...(token ? bearer(token) : {}), accept: 'application/json' }, label });
}

export function deleteClr(ctx: ScenarioContext, s: ClrSession, token: TokenSet | undefined, id: string, label: string): Promise<HttpExchange> {
  return ctx.http.send({ method: 'DELETE', url: clrUrl(s, id), headers: token ? bearer(token) : {}, label });
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The Clr a postClr response echoes (ClrPayload `clr`, or the payload of its `signedClr`), or undefined. */
export function echoedClr(x: HttpExchange): Record<string, unknown> | undefined {
  const body = x.json();
  if (!isObject(body)) return undefined;
  if (isObject(body.clr)) return body.clr;
  const decoded = typeof body.signedClr === 'string' ? decodeCompactJws(body.signedClr) : undefined;
  return decoded?.ok && isObject(decoded.jws.payload) ? decoded.jws.payload : undefined;
}

/**
 * The id the provider stored a posted Clr under: the echoed id (a provider may mint its own getClr URL),
 * else the posted one. `clr` is the posted Clr with that id, for the comparisons that follow.
 */
export function storedAs(x: HttpExchange, posted: Record<string, unknown>): { id: string; clr: Record<string, unknown> } {
  const echoed = echoedClr(x)?.id;
  const id = typeof echoed === 'string' && echoed !== '' ? echoed : String(posted.id);
  return { id, clr: { ...posted, id } };
}
