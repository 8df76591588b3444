import type { VerificationResult } from '../../../../../verification/src/index.js';
import { ensureVerificationStep, stepCodes } from '../../../checks/clr/ensure-verification-step.js';
import type { ScenarioContext } from '../../../engine/context.js';
import type { HttpExchange } from '../../../engine/http.js';

/** Requirements of the top-level steps, by verification method. */
export const METHOD_REQUIREMENTS: Record<VerificationResult['method'], string[]> = {
  signed: ['CLR10-SIGNED-VERIFY'],
  hosted: ['CLR10-HOSTED-VERIFY'],
  none: ['CLR10-SIGNED-VERIFY', 'CLR10-HOSTED-VERIFY'],
};
/** Steps of the assertions and endorsements inside a CLR (they carry evidence.path): the CLR rule, plus the OB 2.0 rule of the step's method. */
export function embeddedRequirements(code: string): string[] {
  if (code.startsWith('signed.')) return ['CLR10-EMBEDDED-VERIFY', 'OB20-SignedBadge'];
  if (code.startsWith('hosted.')) return ['CLR10-EMBEDDED-VERIFY', 'OB20-HostedBadge'];
  return ['CLR10-EMBEDDED-VERIFY'];
}

const nested = (s: VerificationResult['steps'][number]) => typeof s.evidence?.path === 'string';

/**
 * One MUST check call per step code, so each failure names its code; embedded objects' steps are
 * reported apart from the record's own. Unverifiable steps become skips with their reason.
 */
export async function reportVerification(
  ctx: ScenarioContext,
  result: VerificationResult,
  what: string,
  options: { http?: HttpExchange[]; requirements?: string[]; embeddedRequirements?: string[] } = {},
): Promise<void> {
  const own: VerificationResult = { ...result, steps: result.steps.filter((s) => !nested(s)) };
  const inner: VerificationResult = { ...result, steps: result.steps.filter(nested) };
  const http = options.http?.length ? { http: options.http } : {};
  const ownReqs = options.requirements ?? METHOD_REQUIREMENTS[result.method];
  const codes = stepCodes(own);
  for (const code of codes.length ? codes : ['verification']) {
    await ctx.mustContinue(ensureVerificationStep(code, what), own, ownReqs, { ...http, title: `${what}: ${code}` });
  }
  for (const code of stepCodes(inner)) {
    await ctx.mustContinue(ensureVerificationStep(code, `${what} (embedded)`), inner, options.embeddedRequirements ?? embeddedRequirements(code), {
      ...http,
      title: `${what}, embedded objects: ${code}`,
    });
  }
}
