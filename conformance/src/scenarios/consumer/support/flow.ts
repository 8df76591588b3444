import { ensureApiVersion } from '../../../checks/consumer/ensure-api-version.js';
import { ensureCodeOnce } from '../../../checks/consumer/ensure-code-once.js';
import { ensureDiscoveryFirst } from '../../../checks/consumer/ensure-discovery-first.js';
import { ensureFailureReported } from '../../../checks/consumer/ensure-failure-reported.js';
import { ensurePagesFollowed } from '../../../checks/consumer/ensure-pages-followed.js';
import { ensurePkceS256 } from '../../../checks/consumer/ensure-pkce-s256.js';
import { ensureRedirectUris } from '../../../checks/consumer/ensure-redirect-uris.js';
import { ensureRefreshGrantUsed } from '../../../checks/consumer/ensure-refresh-grant-used.js';
import { ensureRefreshed } from '../../../checks/consumer/ensure-refreshed.js';
import { ensureRegistrationAuthMethod } from '../../../checks/consumer/ensure-registration-auth-method.js';
import { ensureRegistrationMetadata } from '../../../checks/consumer/ensure-registration-metadata.js';
import { ensureRouteAnswered } from '../../../checks/consumer/ensure-route-answered.js';
import { ensureScopesOffered } from '../../../checks/consumer/ensure-scopes-offered.js';
import { ensureStateMismatchRejected } from '../../../checks/consumer/ensure-state-mismatch-rejected.js';
import { ensureStateEntropy, ensureStateFresh } from '../../../checks/consumer/ensure-state-fresh.js';
import { ensureStateSent } from '../../../checks/consumer/ensure-state-sent.js';
import { ensureStoppedAfterRevocation } from '../../../checks/consumer/ensure-stopped-after-revocation.js';
import { ensureTokenBasicAuth } from '../../../checks/consumer/ensure-token-basic-auth.js';
import { ensureTokenParams } from '../../../checks/consumer/ensure-token-params.js';
import { API_ROUTES, type EmulatorCall, type Route } from '../../../emulators/types.js';
import type { ScenarioContext } from '../../../engine/context.js';
import type { Scenario } from '../../../engine/scenario.js';
import type { FamilyInfo } from './family.js';
import { OBSERVATION_REQUIREMENTS, observe } from './observe.js';

/** Requests a candidate may still make after its grant is revoked: the 401, one refresh attempt, a retry or two. */
export const MAX_CALLS_AFTER_REVOCATION = 4;

const certs = (f: FamilyInfo) => (f.family === 'obc' ? ['OBC21-CERT-consumer-read', 'OBC21-CERT-consumer-write'] : ['CLR10-CERT-consumer']);
export const paginationRequirement = (f: FamilyInfo) => (f.family === 'obc' ? 'OBC21-CERT-consumer-pagination' : 'CLR10-CONSUMER-PAGINATION');

/**
 * The certification row of a call the candidate must make. OB 2.1's guide was read (a MUST); CLR 1.0's
 * could not be, its list is reconstructed from the reference consumer's flow, so a missing call is a warning.
 */
function routeAnswered(ctx: ScenarioContext, f: FamilyInfo, calls: EmulatorCall[], route: Route, name: string) {
  const check = ensureRouteAnswered(route, name);
  if (f.family === 'clr') return ctx.should(check, calls, ['CLR10-CERT-consumer']);
  return ctx.mustContinue(check, calls, [ctx.planId.includes('write') ? 'OBC21-CERT-consumer-write' : 'OBC21-CERT-consumer-read']);
}

export function discoveryRegistration(f: FamilyInfo): Scenario {
  return {
    id: `consumer-${f.family}-discovery-registration`,
    title: `${f.label} consumer: discovery, then dynamic registration`,
    summary: `Runs the candidate against the emulators and checks that it read the ${f.discoveryName} first${f.family === 'obc' ? ' (and used its v2p1 entry, not the draft v1p0 entry listed first)' : ''}, then registered with every required metadata field, https or loopback redirect URIs on one host, and client_secret_basic.`,
    roles: f.roles,
    requirements: [...OBSERVATION_REQUIREMENTS, ...certs(f), f.req('DISCOVERY'), ...(f.family === 'obc' ? ['OBC21-CONSUMER-API-VERSION'] : []), f.req('REGISTRATION-METADATA'), f.req('REGISTRATION-URLS'), f.req('REGISTRATION-AUTH-METHOD')],
    async run(ctx) {
      const { calls } = await observe(ctx, f.family);
      await routeAnswered(ctx, f, calls, f.discoveryRoute, `the ${f.discoveryName}`);
      // OB 2.1 states discovery before registration; for CLR 1.0 it is the reference consumer's flow (a warning).
      const first = ensureDiscoveryFirst(f.discoveryRoute, `the ${f.discoveryName}`);
      if (f.family === 'clr') await ctx.should(first, calls, ['CLR10-CONSUMER-DISCOVERY']);
      else await ctx.mustContinue(first, calls, ['OBC21-CONSUMER-DISCOVERY']);
      if (f.family === 'obc') await ctx.mustContinue(ensureApiVersion, calls, ['OBC21-CONSUMER-API-VERSION']);
      await routeAnswered(ctx, f, calls, 'register', 'registration');
      await ctx.mustContinue(ensureRegistrationMetadata, calls, [f.req('REGISTRATION-METADATA')]);
      await ctx.mustContinue(ensureRedirectUris, calls, [f.req('REGISTRATION-URLS')]);
      await ctx.mustContinue(ensureRegistrationAuthMethod, calls, [f.req('REGISTRATION-AUTH-METHOD')]);
    },
  };
}

export function authorize(f: FamilyInfo): Scenario {
  return {
    id: `consumer-${f.family}-authorize`,
    title: `${f.label} consumer: authorization request`,
    summary: 'Checks the authorization requests the candidate sent: PKCE with S256, a state value, and only scopes the provider offers.',
    roles: f.roles,
    requirements: [...OBSERVATION_REQUIREMENTS, ...certs(f), f.req('PKCE-S256'), f.req('STATE'), f.req('SCOPES-OFFERED')],
    async run(ctx) {
      const { calls } = await observe(ctx, f.family);
      await routeAnswered(ctx, f, calls, 'authorize', 'the authorization endpoint');
      await ctx.mustContinue(ensurePkceS256, calls, [f.req('PKCE-S256')]);
      await ctx.mustContinue(ensureStateSent, calls, [f.req('STATE')]);
      await ctx.should(ensureScopesOffered(f.offered), calls, [f.req('SCOPES-OFFERED')]);
    },
  };
}

export function token(f: FamilyInfo): Scenario {
  return {
    id: `consumer-${f.family}-token`,
    title: `${f.label} consumer: token request`,
    summary: 'Checks the code exchange: HTTP Basic client authentication, grant_type, code, redirect_uri, scope and code_verifier in a form body, and no code redeemed twice (the emulator refuses a replay and revokes its tokens).',
    roles: f.roles,
    requirements: [...OBSERVATION_REQUIREMENTS, ...certs(f), f.req('TOKEN-BASIC-AUTH'), f.req('TOKEN-PARAMS'), f.req('CODE-ONCE')],
    async run(ctx) {
      const { calls } = await observe(ctx, f.family);
      await routeAnswered(ctx, f, calls, 'token', 'the token endpoint');
      await ctx.mustContinue(ensureTokenBasicAuth, calls, [f.req('TOKEN-BASIC-AUTH')]);
      await ctx.mustContinue(ensureTokenParams, calls, [f.req('TOKEN-PARAMS')]);
      await ctx.mustContinue(ensureCodeOnce, calls, [f.req('CODE-ONCE')]);
    },
  };
}

export function stateFresh(f: FamilyInfo): Scenario {
  return {
    id: `consumer-${f.family}-authorize-state-fresh`,
    title: `${f.label} consumer: a new state on every authorization`,
    summary: 'Runs the candidate a second time and compares the state of every authorization request of both runs: a repeated value fails (RFC 6749 §10.12), and a value too short to hold 128 bits is a warning (an estimate from length and alphabet).',
    roles: f.roles,
    requirements: [...OBSERVATION_REQUIREMENTS, f.req('STATE-FRESH'), f.req('STATE-ENTROPY')],
    async run(ctx) {
      const first = await observe(ctx, f.family);
      const second = await observe(ctx, f.family, { run: 'second run' });
      const runs = [first.calls, second.calls];
      await ctx.mustContinue(ensureStateFresh, runs, [f.req('STATE-FRESH')]);
      await ctx.should(ensureStateEntropy, runs, [f.req('STATE-ENTROPY')]);
    },
  };
}

export function pagedList(f: FamilyInfo, id: string): Scenario {
  return {
    id,
    title: `${f.label} consumer: ${f.listName} needs its next pages`,
    summary: `Switches on the emulator fault paged-list (pages cut at the default size whatever limit is asked) and checks that the candidate followed every Link next of ${f.listName}, reading no page twice and skipping none.`,
    roles: f.family === 'obc' ? ['obc-service-consumer-read'] : f.roles,
    requirements: [...OBSERVATION_REQUIREMENTS, paginationRequirement(f)],
    async run(ctx) {
      const { calls } = await observe(ctx, f.family, { fault: 'paged-list' });
      // OB 2.1's guide states paging; CLR 1.0 paging is reconstructed from OB 2.1 (a warning).
      if (f.family === 'clr') await ctx.should(ensurePagesFollowed(f.listRoute, f.listName), calls, ['CLR10-CONSUMER-PAGINATION']);
      else await ctx.must(ensurePagesFollowed(f.listRoute, f.listName), calls, ['OBC21-CERT-consumer-pagination']);
    },
  };
}

export function stateMismatch(f: FamilyInfo): Scenario {
  return {
    id: `consumer-${f.family}-authorize-state-mismatch`,
    title: `${f.label} consumer: authorization response with the wrong state`,
    summary: 'Switches on the emulator fault state-mismatch (the redirect carries another state) and checks that the candidate never exchanged the code it received.',
    roles: f.roles,
    requirements: [...OBSERVATION_REQUIREMENTS, f.req('STATE-CHECK')],
    async run(ctx) {
      const { calls } = await observe(ctx, f.family, { fault: 'state-mismatch' });
      await ctx.must(ensureStateMismatchRejected, calls, [f.req('STATE-CHECK')]);
    },
  };
}

export function expiredToken(f: FamilyInfo): Scenario {
  return {
    id: `consumer-${f.family}-expired-token`,
    title: `${f.label} consumer: expired access token`,
    summary: 'Switches on the emulator fault expired-access-token (the first API call answers 401 invalid_token) and checks that the candidate obtained a new token and repeated the call; a new sign-in instead of the refresh grant is a warning.',
    roles: f.family === 'obc' ? ['obc-service-consumer-read'] : f.roles,
    requirements: [...OBSERVATION_REQUIREMENTS, f.req('REFRESH')],
    async run(ctx) {
      const { calls } = await observe(ctx, f.family, { fault: 'expired-access-token' });
      await ctx.should(ensureRefreshed, calls, [f.req('REFRESH')]);
      await ctx.should(ensureRefreshGrantUsed, calls, [f.req('REFRESH')]);
    },
  };
}

const afterRevocation = (calls: EmulatorCall[]) => {
  const revoked = calls.find((c) => c.meta.revokedAfter === true);
  return revoked ? calls.filter((c) => c.seq > revoked.seq && (API_ROUTES.has(c.route) || c.route === 'token')) : [];
};

export function revokedGrant(f: FamilyInfo): Scenario {
  return {
    id: `consumer-${f.family}-revoked-grant`,
    title: `${f.label} consumer: grant revoked while reading`,
    summary: `Switches on the emulator fault revoked-grant (every token revoked after the first successful API call) and checks that the candidate made at most ${MAX_CALLS_AFTER_REVOCATION} more requests and reported the failure.`,
    roles: f.family === 'obc' ? ['obc-service-consumer-read'] : f.roles,
    requirements: [...OBSERVATION_REQUIREMENTS, f.req('REVOKED-STOP'), f.req('REVOKED-REPORT')],
    async run(ctx) {
      const o = await observe(ctx, f.family, { fault: 'revoked-grant', enough: (calls) => afterRevocation(calls).length > MAX_CALLS_AFTER_REVOCATION + 2 });
      await ctx.should(ensureStoppedAfterRevocation(MAX_CALLS_AFTER_REVOCATION), o.calls, [f.req('REVOKED-STOP')]);
      const refused = afterRevocation(o.calls).some((c) => c.status >= 400);
      await ctx.should(ensureFailureReported, { ...(o.trigger ? { trigger: o.trigger } : {}), refused }, [f.req('REVOKED-REPORT')]);
    },
  };
}

