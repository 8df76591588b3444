/** One table mapping requirement sources to their documents; a requirement's link is base + section. */
export const SOURCES: Record<string, { title: string; base: string }> = {
  OBC21: { title: 'Open Badges 2.1 (Badge Connect API)', base: 'https://www.imsglobal.org/spec/ob/v2p1/#' },
  'OBC21-CERT': {
    title: 'Open Badges 2.1 Conformance and Certification Guide',
    base: 'https://www.imsglobal.org/spec/ob/v2p1/cert/#',
  },
  OB20: { title: 'Open Badges 2.0', base: 'https://www.imsglobal.org/sites/default/files/Badges/OBv2p0Final/index.html#' },
  'OB20-BAKING': { title: 'Open Badges 2.0 Baking Specification', base: 'https://www.imsglobal.org/sites/default/files/Badges/OBv2p0Final/baking/index.html#' },
  CLR10: { title: 'Comprehensive Learner Record 1.0', base: 'https://www.imsglobal.org/spec/clr/v1p0/#' },
  'CLR10-CERT': {
    title: 'Comprehensive Learner Record 1.0 Conformance and Certification',
    base: 'https://www.imsglobal.org/spec/clr/v1p0/cert/#',
  },
  RFC6749: { title: 'RFC 6749 OAuth 2.0', base: 'https://www.rfc-editor.org/rfc/rfc6749#section-' },
  RFC6750: { title: 'RFC 6750 Bearer Token Usage', base: 'https://www.rfc-editor.org/rfc/rfc6750#section-' },
  RFC7009: { title: 'RFC 7009 Token Revocation', base: 'https://www.rfc-editor.org/rfc/rfc7009#section-' },
  RFC7591: { title: 'RFC 7591 Dynamic Client Registration', base: 'https://www.rfc-editor.org/rfc/rfc7591#section-' },
  RFC7636: { title: 'RFC 7636 PKCE', base: 'https://www.rfc-editor.org/rfc/rfc7636#section-' },
  RFC8414: { title: 'RFC 8414 Authorization Server Metadata', base: 'https://www.rfc-editor.org/rfc/rfc8414#section-' },
  RFC8288: { title: 'RFC 8288 Web Linking', base: 'https://www.rfc-editor.org/rfc/rfc8288#section-' },
  LRC: { title: 'Conformance suite operating rules', base: 'https://lrc-conformance.dev/docs/run-rules#' },
};

export function requirementUrl(source: string, section: string): string | undefined {
  const s = SOURCES[source];
  return s ? `${s.base}${section}` : undefined;
}
