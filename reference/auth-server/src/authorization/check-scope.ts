import type { RequestHandler } from 'express';
import { reqState } from '../context.js';
import { invalidScope } from '../errors.js';
import { readParams } from '../params.js';
import { parseScope } from '../scopes.js';

/** Every requested scope must be registered for the client (registration already limits it to offered ones). */
export function checkScope(): RequestHandler {
  return (req, _res, next) => {
    const client = reqState(req).client;
    if (!client) throw new Error('checkScope needs checkClient first');
    const { scope } = readParams(req.query, ['scope']);
    // RFC 6749 §3.3: without a default scope, a missing scope fails as invalid_scope.
    if (!scope) throw invalidScope('scope is required');
    const requested = parseScope(scope);
    if (!requested) throw invalidScope('scope is malformed');
    const registered = client.metadata.scope.split(' ');
    const unknown = requested.find((s) => !registered.includes(s));
    if (unknown !== undefined) throw invalidScope(`scope \`${unknown}\` is not registered for this client`);
    next();
  };
}
