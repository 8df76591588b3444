import type { RequestHandler } from 'express';
import { invalidRequest, unsupportedResponseType } from '../errors.js';
import { readParams } from '../params.js';

export const AUTHORIZATION_PARAMS = [
  'response_type',
  'client_id',
  'redirect_uri',
  'scope',
  'state',
  'code_challenge',
  'code_challenge_method',
] as const;

/** RFC 6749 §3.1: no parameter more than once (client_id/redirect_uri were checked before trust). */
export function checkNoDuplicates(): RequestHandler {
  return (req, _res, next) => {
    readParams(req.query, AUTHORIZATION_PARAMS);
    next();
  };
}

/** Only the authorization code flow exists here (Badge Connect). */
export function checkResponseType(): RequestHandler {
  return (req, _res, next) => {
    const { response_type: responseType } = readParams(req.query, ['response_type']);
    if (!responseType) throw invalidRequest('response_type is required');
    if (responseType !== 'code') throw unsupportedResponseType('only response_type=code is supported');
    next();
  };
}

/** Badge Connect requires `state` (CSRF protection for the client); missing is a malformed request. */
export function checkState(): RequestHandler {
  return (req, _res, next) => {
    const { state } = readParams(req.query, ['state']);
    if (!state) throw invalidRequest('state is required');
    if (state.length > 2000) throw invalidRequest('state is too long');
    next();
  };
}
