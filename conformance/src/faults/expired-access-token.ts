import type { Fault } from './types.js';

/**
 * The first API call made with an access token from the authorization code grant is answered 401
 * invalid_token as if the token had expired (and the token stays expired): the candidate must refresh.
 */
export const expiredAccessToken: Fault = {
  name: 'expired-access-token',
  summary: 'the first API call with a fresh token answers 401 invalid_token, as if it had expired',
  requirements: ['OBC21-CONSUMER-REFRESH', 'CLR10-CONSUMER-REFRESH'],
  beforeApi(call, token, env) {
    if (env.memory.has('fired') || token.grant !== 'authorization_code') return undefined;
    env.memory.set('fired', true);
    token.expired = true;
    call.meta.fault = 'expired-access-token';
    const answer = env.error(401, 'The access token expired');
    return { ...answer, headers: { ...answer.headers, 'www-authenticate': 'Bearer error="invalid_token", error_description="The access token expired"' } };
  },
};
