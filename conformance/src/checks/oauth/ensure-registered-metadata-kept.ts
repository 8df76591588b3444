import { fail, pass, type Check } from '../../engine/verdict.js';

export interface RegistrationPair {
  request: Record<string, unknown>;
  response: unknown;
}

/**
 * The metadata echoed in the registration response still allows a Badge Connect client to work: the same
 * redirect URIs, client_secret_basic (or nothing, its default), only authorization_code / refresh_token
 * grants including authorization_code, only the code response type, and no scope beyond the requested.
 * RFC 7591 §3.2.1 lets the server change values; these are the changes that would break the client.
 */
export const ensureRegisteredMetadataKept: Check<RegistrationPair> = {
  id: 'ensure-registered-metadata-kept',
  title: 'registered metadata is echoed and still Badge Connect compliant',
  run({ request, response }) {
    if (typeof response !== 'object' || response === null) return fail('response body is not a JSON object');
    const r = response as Record<string, unknown>;
    const problems: string[] = [];
    if (JSON.stringify(r.redirect_uris) !== JSON.stringify(request.redirect_uris)) {
      problems.push(`"redirect_uris" is ${JSON.stringify(r.redirect_uris ?? null)}, expected ${JSON.stringify(request.redirect_uris)}`);
    }
    if (r.token_endpoint_auth_method !== undefined && r.token_endpoint_auth_method !== 'client_secret_basic') {
      problems.push(`"token_endpoint_auth_method" is ${JSON.stringify(r.token_endpoint_auth_method)}, expected "client_secret_basic"`);
    }
    if (r.grant_types !== undefined) {
      const g = Array.isArray(r.grant_types) ? r.grant_types : [];
      if (!g.includes('authorization_code') || g.some((x) => x !== 'authorization_code' && x !== 'refresh_token')) {
        problems.push(`"grant_types" is ${JSON.stringify(r.grant_types)}`);
      }
    }
    if (r.response_types !== undefined && JSON.stringify(r.response_types) !== '["code"]') {
      problems.push(`"response_types" is ${JSON.stringify(r.response_types)}, expected ["code"]`);
    }
    if (r.scope !== undefined) {
      const asked = typeof request.scope === 'string' ? request.scope.split(' ') : [];
      const extra = typeof r.scope === 'string' ? r.scope.split(' ').filter((s) => s && !asked.includes(s)) : ['(not a string)'];
      if (extra.length) problems.push(`"scope" adds ${extra.join(', ')}`);
    }
    for (const k of ['client_name', 'client_uri', 'logo_uri', 'tos_uri', 'policy_uri', 'software_id', 'software_version']) {
      if (typeof r[k] !== 'string') problems.push(`"${k}" is not echoed`);
    }
    if (problems.length) return fail(problems.join('; '), { problems });
    return pass('registered metadata echoed and compliant');
  },
};
