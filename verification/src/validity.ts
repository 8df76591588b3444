// Time validity: expired, expiring before issued, or issued in the future (relative to options.now).
import { CODES, fail, pass, type Json, type VerificationStep } from './result.js';

function parseDate(value: unknown): Date | undefined | 'invalid' {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') return 'invalid';
  const t = Date.parse(value);
  return Number.isNaN(t) ? 'invalid' : new Date(t);
}

export function checkValidity(doc: Json, now: Date): VerificationStep[] {
  const steps: VerificationStep[] = [];
  const issuedOn = parseDate(doc['issuedOn']);
  const expires = parseDate(doc['expires']);
  const at = now.toISOString();
  if (issuedOn === 'invalid') steps.push(fail(CODES.validityIssuedInFuture, `issuedOn ${JSON.stringify(doc['issuedOn'])} is not a date`));
  else if (issuedOn && issuedOn > now) steps.push(fail(CODES.validityIssuedInFuture, `issued on ${doc['issuedOn']}, after ${at}`, { issuedOn: doc['issuedOn'], now: at }));
  else steps.push(pass(CODES.validityIssuedInFuture, issuedOn ? 'issued in the past' : 'no issuedOn to check'));
  if (expires === 'invalid') steps.push(fail(CODES.validityExpired, `expires ${JSON.stringify(doc['expires'])} is not a date`));
  else if (expires && expires < now) steps.push(fail(CODES.validityExpired, `expired on ${doc['expires']} (now ${at})`, { expires: doc['expires'], now: at }));
  else if (expires && issuedOn instanceof Date && expires < issuedOn) {
    steps.push(fail(CODES.validityExpired, `expires ${doc['expires']} before it was issued ${doc['issuedOn']}`, { expires: doc['expires'], issuedOn: doc['issuedOn'] }));
  } else steps.push(pass(CODES.validityExpired, expires ? 'not expired' : 'no expiry'));
  return steps;
}
