import { ISSUER_EMAIL, ISSUER_NAME, PROVIDER_NAME } from '../defaults.js';
import type { BadgeDefinition } from '../seed/catalog.js';
import type { SigningKey } from '../store/keys.js';
import { OB2_CONTEXT, type ProviderUrls } from '../urls.js';

/** OB 2.0 documents the provider publishes as the issuer of its seed badges (served under /public/). */

export function issuerProfile(urls: ProviderUrls, key: SigningKey): Record<string, unknown> {
  return {
    '@context': OB2_CONTEXT,
    type: 'Issuer',
    id: urls.issuer,
    name: ISSUER_NAME,
    url: urls.origin,
    email: ISSUER_EMAIL,
    description: 'Issuer of the demonstration badges held by the reference provider.',
    image: urls.logo,
    publicKey: urls.key(key.kid),
    revocationList: urls.revocationList,
  };
}

export function badgeClass(urls: ProviderUrls, badge: BadgeDefinition): Record<string, unknown> {
  return {
    '@context': OB2_CONTEXT,
    type: 'BadgeClass',
    id: urls.badgeClass(badge.slug),
    name: badge.name,
    description: badge.description,
    image: urls.badgeImage(badge.slug),
    criteria: { narrative: badge.criteria },
    issuer: urls.issuer,
    alignment: [badge.alignment],
    tags: badge.tags,
  };
}

export function cryptographicKey(urls: ProviderUrls, key: SigningKey): Record<string, unknown> {
  return {
    '@context': OB2_CONTEXT,
    type: 'CryptographicKey',
    id: urls.key(key.kid),
    owner: urls.issuer,
    publicKeyPem: key.publicKeyPem,
  };
}

/** An assertion id on the list that is held by nobody, so consumers see a non-empty list to parse. */
export const REVOKED_SAMPLE_ID = 'urn:uuid:6f1b7d2e-3c4a-4e5f-9a0b-1c2d3e4f5a6b';

export function revocationList(urls: ProviderUrls): Record<string, unknown> {
  return {
    '@context': OB2_CONTEXT,
    type: 'RevocationList',
    id: urls.revocationList,
    issuer: urls.issuer,
    revokedAssertions: [{ id: REVOKED_SAMPLE_ID, revocationReason: 'Issued in error' }],
  };
}

const escapeXml = (s: string) =>
  s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c);

/** Square SVG image of a badge: coloured disc with the badge's initials. */
export function badgeSvg(badge: BadgeDefinition): string {
  const initials = badge.name
    .split(/\s+/)
    .map((w) => w[0] ?? '')
    .join('')
    .slice(0, 3);
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512" viewBox="0 0 512 512">',
    `<title>${escapeXml(badge.name)}</title>`,
    `<circle cx="256" cy="256" r="240" fill="${badge.color}"/>`,
    '<circle cx="256" cy="256" r="200" fill="none" stroke="#fff" stroke-width="12"/>',
    `<text x="256" y="300" font-family="sans-serif" font-size="140" text-anchor="middle" fill="#fff">${escapeXml(initials)}</text>`,
    '</svg>',
  ].join('');
}

export const LOGO_SVG = [
  '<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512" viewBox="0 0 512 512">',
  `<title>${escapeXml(PROVIDER_NAME)}</title>`,
  '<rect width="512" height="512" rx="64" fill="#123c69"/>',
  '<path d="M256 96l48 98 108 16-78 76 18 108-96-50-96 50 18-108-78-76 108-16z" fill="#f5c518"/>',
  '</svg>',
].join('');
