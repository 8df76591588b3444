import { ensureHeader } from '../../checks/http/ensure-header.js';
import { ensureStatus } from '../../checks/http/ensure-status.js';
import { SCOPES } from '../../actions/types.js';
import type { Scenario } from '../../engine/scenario.js';
import { checkEnvelope } from './support/check-envelope.js';
import { apiSession, bearer, tokenWith } from './support/session.js';
import { OBTAIN_TOKEN_REQUIREMENTS } from '../../actions/obtain-token.js';

/** Methods Badge Connect defines on no path. */
const UNSUPPORTED = ['DELETE', 'PUT'];

export const providerApiNotFoundAndMethod: Scenario = {
  id: 'provider-api-not-found-and-method',
  title: 'Unknown paths answer 404 and unsupported methods 405, in the envelope',
  summary:
    'With a valid token, calls an unknown path under apiBase (404 NOT_FOUND in the status envelope) and DELETE and PUT on /assertions ' +
    '(405 METHOD_NOT_ALLOWED in the envelope; an Allow header is expected as a warning-level rule).',
  roles: ['obc-service-provider-read'],
  requirements: [...OBTAIN_TOKEN_REQUIREMENTS, 'OBC21-NOT-FOUND', 'OBC21-METHOD-NOT-ALLOWED', 'OBC21-ALLOW-HEADER', 'OBC21-ENVELOPE', 'OBC21-STATUS-TEXT'],
  async run(ctx) {
    const s = apiSession(ctx);
    const token = await tokenWith(ctx, s, SCOPES.assertionRead);
    const unknown = `${s.api.apiBase.replace(/\/+$/, '')}/conformance-unknown-${ctx.config.runId}`;
    const nf = await ctx.http.send({ url: unknown, headers: bearer(token), label: 'GET unknown path' });
    const is404 = await ctx.mustContinue(ensureStatus(404), nf, ['OBC21-NOT-FOUND'], { title: 'an unknown path under apiBase answers 404' });
    if (is404.outcome === 'pass') await checkEnvelope(ctx, nf, 'other', undefined, 'unknown path');

    for (const method of UNSUPPORTED) {
      const x = await ctx.http.send({ method, url: s.assertionsUrl, headers: bearer(token), label: `${method} assertions` });
      const is405 = await ctx.mustContinue(ensureStatus(405), x, ['OBC21-METHOD-NOT-ALLOWED'], { title: `${method} /assertions answers 405` });
      if (is405.outcome !== 'pass') continue;
      await checkEnvelope(ctx, x, 'other', undefined, `${method} /assertions`);
      await ctx.should(ensureHeader('Allow'), x, ['OBC21-ALLOW-HEADER'], { title: `${method} /assertions: 405 names the allowed methods` });
    }
  },
};
