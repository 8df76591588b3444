import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { getRegistry } from '../../../../schemas/src/registry.js';
import { formatSchemaErrors } from '../badges/schema-errors.js';
import { errors } from '../errors.js';

export interface ValidateBodyOptions {
  /** Errors at or under this JSON pointer are left to a later, more specific check. */
  deferUnder?: string;
  unknownProperties?: 'reject' | 'allow';
}

/** Validates `req.body` against a registry schema; failures are 400 REQUEST_VALIDATION_ERROR. */
export function validateBody(schemaId: string, options: ValidateBodyOptions = {}): RequestHandler {
  const { deferUnder } = options;
  return (req: Request, _res: Response, next: NextFunction) => {
    const result = getRegistry().validate(schemaId, req.body, { unknownProperties: options.unknownProperties ?? 'reject' });
    const relevant = result.errors.filter(
      (e) => !deferUnder || !(e.instancePath === deferUnder || e.instancePath.startsWith(`${deferUnder}/`)),
    );
    if (!result.valid && relevant.length > 0) return next(errors.validation(formatSchemaErrors(relevant)));
    next();
  };
}
