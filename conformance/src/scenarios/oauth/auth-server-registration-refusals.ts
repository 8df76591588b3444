import { buildRegistrationRequest, postRegistration, type RegistrationRequest } from '../../actions/register-client.js';
import { STATE, type DiscoveredApi } from '../../actions/types.js';
import { ensureOAuthError } from '../../checks/oauth/ensure-oauth-error.js';
import { ensureRegistrationRefusedOrSafe } from '../../checks/oauth/ensure-registration-refused-or-safe.js';
import type { Scenario } from '../../engine/scenario.js';

const REQUIRED = ['client_name', 'client_uri', 'logo_uri', 'tos_uri', 'policy_uri', 'software_id', 'software_version', 'redirect_uris'];
const URL_FIELDS = ['client_uri', 'logo_uri', 'tos_uri', 'policy_uri'];
const UNOFFERED_SCOPE = 'https://example.com/scope/not-offered';

type Registered = Record<string, unknown>;

function urlsOf(r: Registered): string[] {
  const redirects = Array.isArray(r.redirect_uris) ? r.redirect_uris : [];
  return [...URL_FIELDS.map((k) => r[k]), ...redirects].filter((u): u is string => typeof u === 'string');
}

function hostOf(u: string): string {
  try {
    return new URL(u).hostname;
  } catch {
    return u;
  }
}

interface RuleCase {
  rule: string;
  requirement: string;
  mutate: (req: RegistrationRequest) => RegistrationRequest;
  unsafe: (registered: Registered) => string | undefined;
}

/** Metadata breaking one Badge Connect rule each, and how to tell that a 201 kept the breach. */
const RULE_CASES: RuleCase[] = [
  {
    rule: 'all URLs use https',
    requirement: 'OBC21-REGISTRATION-HTTPS',
    mutate: (req) => {
      const out: RegistrationRequest = { ...req };
      for (const k of URL_FIELDS) out[k] = String(req[k]).replace(/^https:/, 'http:');
      out.redirect_uris = (req.redirect_uris as string[]).map((u) => u.replace(/^https:/, 'http:'));
      return out;
    },
    unsafe: (r) => {
      const insecure = urlsOf(r).filter((u) => u.startsWith('http:'));
      return insecure.length ? `kept http URLs ${insecure.join(', ')}` : undefined;
    },
  },
  {
    rule: 'all URLs share one host',
    requirement: 'OBC21-REGISTRATION-SAME-HOST',
    mutate: (req) => ({ ...req, redirect_uris: ['https://other-host.example.org/callback'] }),
    unsafe: (r) => {
      const hosts = [...new Set(urlsOf(r).map(hostOf))];
      return hosts.length > 1 ? `URLs on hosts ${hosts.join(', ')}` : undefined;
    },
  },
  {
    rule: 'token_endpoint_auth_method is client_secret_basic',
    requirement: 'OBC21-REGISTRATION-AUTH-METHOD',
    mutate: (req) => ({ ...req, token_endpoint_auth_method: 'client_secret_post' }),
    unsafe: (r) =>
      r.token_endpoint_auth_method !== undefined && r.token_endpoint_auth_method !== 'client_secret_basic'
        ? `token_endpoint_auth_method ${JSON.stringify(r.token_endpoint_auth_method)}`
        : undefined,
  },
  {
    rule: 'grant_types only authorization_code and refresh_token',
    requirement: 'OBC21-REGISTRATION-GRANT-TYPES',
    mutate: (req) => ({ ...req, grant_types: ['authorization_code', 'implicit'] }),
    unsafe: (r) => (Array.isArray(r.grant_types) && r.grant_types.includes('implicit') ? 'grant_types keeps "implicit"' : undefined),
  },
  {
    rule: 'response_types only code',
    requirement: 'OBC21-REGISTRATION-RESPONSE-TYPES',
    mutate: (req) => ({ ...req, response_types: ['code', 'token'] }),
    unsafe: (r) => (Array.isArray(r.response_types) && r.response_types.includes('token') ? 'response_types keeps "token"' : undefined),
  },
  {
    rule: 'scope only from scopesOffered',
    requirement: 'OBC21-REGISTRATION-SCOPE',
    mutate: (req) => ({ ...req, scope: `${String(req.scope)} ${UNOFFERED_SCOPE}` }),
    unsafe: (r) => (typeof r.scope === 'string' && r.scope.split(' ').includes(UNOFFERED_SCOPE) ? `scope keeps ${UNOFFERED_SCOPE}` : undefined),
  },
];

export const authServerRegistrationRefusals: Scenario = {
  id: 'auth-server-registration-refusals',
  title: 'Registration refuses incomplete or non-compliant metadata',
  summary:
    'Sends registrations each missing one required metadata field; each must be refused with 400 invalid_client_metadata (or invalid_redirect_uri). Then sends registrations breaking one Badge Connect rule each (http URLs, URLs on two hosts, client_secret_post, the implicit grant, response type token, a scope not offered). OB 2.1 lets the provider reject these or substitute compliant values; accepting one unchanged is a warning, because the client it creates breaks a Badge Connect MUST.',
  roles: ['obc-service-provider-read', 'obc-service-provider-write'],
  requirements: [
    'OBC21-REGISTRATION-REQUIRED-METADATA',
    'RFC7591-3.2.2',
    'OBC21-REGISTRATION-VALIDATION',
    ...RULE_CASES.map((c) => c.requirement),
  ],
  async run(ctx) {
    const api = ctx.need<DiscoveredApi>(STATE.api, 'the Badge Connect manifest');
    const valid = buildRegistrationRequest(ctx, api);
    const refusal = ensureOAuthError([400], ['invalid_client_metadata', 'invalid_redirect_uri']);
    for (const field of REQUIRED) {
      const { [field]: _dropped, ...body } = valid;
      const x = await postRegistration(ctx, api, body, `register without ${field}`);
      await ctx.mustContinue(refusal, x, ['OBC21-REGISTRATION-REQUIRED-METADATA', 'RFC7591-3.2.2'], {
        title: `registration without ${field} is refused`,
      });
    }
    for (const c of RULE_CASES) {
      const x = await postRegistration(ctx, api, c.mutate(valid), `register breaking: ${c.rule}`);
      await ctx.should(ensureRegistrationRefusedOrSafe(c.rule, c.unsafe), x, ['OBC21-REGISTRATION-VALIDATION', c.requirement]);
    }
  },
};
