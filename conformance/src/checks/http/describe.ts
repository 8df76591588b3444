import type { HttpExchange } from '../../engine/http.js';

/** One line for an exchange that got no usable response. */
export function describeNoResponse(x: HttpExchange): string {
  return `no response from ${x.request.method} ${x.request.url}: ${x.error?.message ?? 'unknown transport error'}`;
}
