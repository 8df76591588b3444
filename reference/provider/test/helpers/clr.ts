import { expect } from 'vitest';
import { getRegistry, SchemaIds } from '../../../../schemas/src/registry.js';
import { CLR_CONTEXT } from '../../src/urls.js';

export { CLR_CONTEXT };

/** Asserts an imsx_StatusInfo error: status, schema-valid body, failure/error and the expected codeMinor. */
export async function expectStatusInfo(res: Response, status: number, codeMinor: string): Promise<Record<string, unknown>> {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  const body = (await res.json()) as Record<string, any>;
  const result = getRegistry().validate(SchemaIds.clr.statusInfo, body);
  expect(result.errors).toEqual([]);
  expect(body.imsx_codeMajor).toBe('failure');
  expect(body.imsx_severity).toBe('error');
  expect(body.imsx_codeMinor.imsx_codeMinorField[0]).toEqual({ imsx_codeMinorFieldName: 'TargetEndSystem', imsx_codeMinorFieldValue: codeMinor });
  return body;
}

/** A CLR published elsewhere (example.org) for `email`: hosted there, so we can only check it, never fetch it. */
export function foreignClr(email: string, n: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const publisher = { type: 'Profile', id: 'https://example.org/publisher', name: 'Example College', url: 'https://example.org/' };
  return {
    '@context': CLR_CONTEXT,
    type: 'Clr',
    id: `https://example.org/clrs/${n}`,
    name: `Transcript ${n}`,
    issuedOn: '2025-05-01T12:00:00Z',
    learner: { type: 'Profile', id: `urn:example:learner:${n}`, name: 'A Learner', email },
    publisher,
    assertions: [
      {
        type: 'Assertion',
        id: `urn:uuid:5d9e2f1a-7b3c-4d8e-9f0a-${String(n).padStart(12, '0')}`,
        recipient: { type: 'email', hashed: false, identity: email },
        issuedOn: '2025-04-20T12:00:00Z',
        achievement: { type: 'Achievement', id: `urn:example:achievement:${n}`, achievementType: 'Course', name: 'Gardening 101', issuer: publisher },
      },
    ],
    verification: { type: 'Hosted' },
    ...extra,
  };
}

export const isHttpish = (s: unknown): s is string => typeof s === 'string' && /^https?:\/\//.test(s);
