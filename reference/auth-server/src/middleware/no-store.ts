import type { Response } from 'express';

/** RFC 6749 §5.1 / RFC 7591 §3.2.1: responses carrying credentials must not be cached. */
export function setNoStore(res: Response): void {
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Pragma', 'no-cache');
}
