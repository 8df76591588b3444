import { invalidClientMetadata, invalidRedirectUri } from '../errors.js';
import type { Faults } from '../faults.js';
import { formatScope, parseScope } from '../scopes.js';
import type { ClientMetadata } from '../store/clients.js';
import { checkUrl, URL_PROBLEM_TEXT } from '../url-rules.js';

/** Badge Connect (OB 2.1 §Registration): a request missing any of these is not accepted. */
const REQUIRED_STRINGS = ['client_name', 'client_uri', 'logo_uri', 'tos_uri', 'policy_uri', 'software_id', 'software_version'] as const;
const URL_FIELDS = ['client_uri', 'logo_uri', 'tos_uri', 'policy_uri'] as const;
const ALLOWED_GRANTS = ['authorization_code', 'refresh_token'];
const MAX_STRING = 2000;
const MAX_REDIRECT_URIS = 20;

/**
 * Validates an RFC 7591 registration request against every Badge Connect rule and returns the
 * metadata to register, defaults filled in. Unknown fields are ignored (RFC 7591 §2).
 */
export function validateMetadata(body: unknown, offeredScopes: readonly string[], faults: Faults): ClientMetadata {
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw invalidClientMetadata('the request body must be a JSON object');
  }
  const input = body as Record<string, unknown>;
  const allowInsecure = faults.has('registration-accepts-insecure-urls');

  const strings: Record<string, string> = {};
  for (const field of REQUIRED_STRINGS) {
    const value = input[field];
    if (value === undefined || value === null || value === '') {
      if (faults.has('registration-accepts-missing-metadata')) continue;
      throw invalidClientMetadata(`\`${field}\` is required`);
    }
    if (typeof value !== 'string' || value.trim() === '') throw invalidClientMetadata(`\`${field}\` must be a non-empty string`);
    if (value.length > MAX_STRING) throw invalidClientMetadata(`\`${field}\` is too long`);
    strings[field] = value;
  }

  // Every URL must share one host name (OB 2.1); the first URL present sets it.
  let hostName: string | undefined;
  const sameHost = (url: URL) => {
    hostName ??= url.hostname.toLowerCase();
    return url.hostname.toLowerCase() === hostName;
  };
  for (const field of URL_FIELDS) {
    const value = strings[field];
    if (value === undefined) continue;
    const checked = checkUrl(value, { allowFragment: true, allowInsecure });
    if ('problem' in checked) throw invalidClientMetadata(`\`${field}\` ${URL_PROBLEM_TEXT[checked.problem]}`);
    if (!sameHost(checked.url)) throw invalidClientMetadata(`\`${field}\` must use the same host name as the other URLs`);
  }

  const redirectUris = input.redirect_uris;
  if (!Array.isArray(redirectUris) || redirectUris.length === 0) {
    throw invalidRedirectUri('`redirect_uris` must be a non-empty array');
  }
  if (redirectUris.length > MAX_REDIRECT_URIS) throw invalidRedirectUri('too many `redirect_uris`');
  for (const uri of redirectUris) {
    if (typeof uri !== 'string' || uri === '' || uri.length > MAX_STRING) throw invalidRedirectUri('each redirect URI must be a non-empty string');
    const checked = checkUrl(uri, { allowFragment: false, allowInsecure });
    if ('problem' in checked) throw invalidRedirectUri(`redirect URI ${URL_PROBLEM_TEXT[checked.problem]}`);
    if (!sameHost(checked.url)) throw invalidRedirectUri('redirect URIs must use the same host name as the other URLs');
  }

  const authMethod = input.token_endpoint_auth_method ?? 'client_secret_basic';
  if (typeof authMethod !== 'string') throw invalidClientMetadata('`token_endpoint_auth_method` must be a string');
  if (authMethod !== 'client_secret_basic' && !faults.has('registration-accepts-other-auth-method')) {
    throw invalidClientMetadata('`token_endpoint_auth_method` must be client_secret_basic');
  }

  const grantTypes = input.grant_types ?? ['authorization_code'];
  if (!isStringArray(grantTypes) || grantTypes.length === 0) throw invalidClientMetadata('`grant_types` must be a non-empty array of strings');
  const unknownGrant = grantTypes.find((g) => !ALLOWED_GRANTS.includes(g));
  if (unknownGrant !== undefined) throw invalidClientMetadata(`grant type \`${unknownGrant}\` is not supported`);
  if (!grantTypes.includes('authorization_code')) throw invalidClientMetadata('`grant_types` must include authorization_code');

  const responseTypes = input.response_types ?? ['code'];
  if (!isStringArray(responseTypes) || responseTypes.length !== 1 || responseTypes[0] !== 'code') {
    throw invalidClientMetadata('`response_types` must be ["code"]');
  }

  let scope = formatScope(offeredScopes);
  if (input.scope !== undefined) {
    const requested = typeof input.scope === 'string' ? parseScope(input.scope) : null;
    if (!requested) throw invalidClientMetadata('`scope` must be a space-separated list of scopes');
    const unknown = requested.find((s) => !offeredScopes.includes(s));
    if (unknown !== undefined) throw invalidClientMetadata(`scope \`${unknown}\` is not offered by this server`);
    scope = formatScope(requested);
  }

  return {
    client_name: strings.client_name ?? '',
    client_uri: strings.client_uri ?? '',
    logo_uri: strings.logo_uri ?? '',
    tos_uri: strings.tos_uri ?? '',
    policy_uri: strings.policy_uri ?? '',
    software_id: strings.software_id ?? '',
    software_version: strings.software_version ?? '',
    redirect_uris: [...new Set(redirectUris as string[])],
    token_endpoint_auth_method: authMethod,
    grant_types: [...new Set(grantTypes)],
    response_types: ['code'],
    scope,
  };
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}
