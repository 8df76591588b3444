/**
 * OAuth errors, keyed by the wire code (RFC 6749 §4.1.2.1 / §5.2, RFC 7591 §3.2.2, RFC 7009 §2.2.1).
 * Route code throws these; `middleware/error-handler.ts` renders them. The factory name is the wire code
 * in camelCase, so grepping for either finds both.
 */
export type OAuthErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'invalid_scope'
  | 'access_denied'
  | 'unsupported_response_type'
  | 'unsupported_token_type'
  | 'invalid_redirect_uri'
  | 'invalid_client_metadata'
  | 'server_error';

const STATUS: Record<OAuthErrorCode, number> = {
  invalid_request: 400,
  invalid_client: 401,
  invalid_grant: 400,
  unauthorized_client: 400,
  unsupported_grant_type: 400,
  invalid_scope: 400,
  access_denied: 403,
  unsupported_response_type: 400,
  unsupported_token_type: 400,
  invalid_redirect_uri: 400,
  invalid_client_metadata: 400,
  server_error: 500,
};

export class OAuthError extends Error {
  readonly status: number;
  constructor(
    readonly error: OAuthErrorCode,
    readonly description: string,
    status?: number,
  ) {
    super(`${error}: ${description}`);
    this.name = 'OAuthError';
    this.status = status ?? STATUS[error];
  }

  toJSON(): { error: OAuthErrorCode; error_description: string } {
    return { error: this.error, error_description: this.description };
  }
}

export const invalidRequest = (d: string) => new OAuthError('invalid_request', d);
export const invalidClient = (d: string) => new OAuthError('invalid_client', d);
export const invalidGrant = (d: string) => new OAuthError('invalid_grant', d);
export const unauthorizedClient = (d: string) => new OAuthError('unauthorized_client', d);
export const unsupportedGrantType = (d: string) => new OAuthError('unsupported_grant_type', d);
export const invalidScope = (d: string) => new OAuthError('invalid_scope', d);
export const accessDenied = (d: string) => new OAuthError('access_denied', d);
export const unsupportedResponseType = (d: string) => new OAuthError('unsupported_response_type', d);
export const invalidRedirectUri = (d: string) => new OAuthError('invalid_redirect_uri', d);
export const invalidClientMetadata = (d: string) => new OAuthError('invalid_client_metadata', d);
/** 413 keeps the OAuth envelope; the code says the request as a whole was unacceptable. */
export const payloadTooLarge = () => new OAuthError('invalid_request', 'request body exceeds 100 kB', 413);

/**
 * An error shown to the user as an HTML page instead of a redirect: used when the client or its
 * redirect URI cannot be trusted (RFC 6749 §4.1.2.1), and for broken or expired page transactions.
 */
export class PageError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
  ) {
    super(title);
    this.name = 'PageError';
  }
}
