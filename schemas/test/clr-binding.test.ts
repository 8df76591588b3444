// clrBinding tells the Final and Candidate Final CLR 1.0 bindings apart.
import { describe, expect, it } from 'vitest';
import { clrBinding, describeClrBinding } from '../src/clr-binding.js';
import { candidateFinalClr, finalClr, neutralClr } from './clr-fixtures.js';
import { withValue } from './helpers.js';

describe('clrBinding', () => {
  it('says final for a document using Final-only shapes', () => {
    const report = describeClrBinding(finalClr());
    expect(report.binding).toBe('final');
    expect(report.mixed).toBe(false);
    expect(report.finalOnly).toEqual(
      expect.arrayContaining(['/ Clr.endorsements', '/assertions/0 Assertion.activityStartDate', '/assertions/0/results/0 Result.status', '/learner Profile without name']),
    );
  });

  it('says candidate-final for a document using Candidate-Final-only shapes', () => {
    const report = describeClrBinding(candidateFinalClr());
    expect(report.binding).toBe('candidate-final');
    expect(report.candidateFinalOnly).toEqual(
      expect.arrayContaining(['/assertions/0 Assertion.startDate', '/assertions/0/achievement achievementType AssessmentResult', '/assertions/0/achievement/alignments/0 Alignment.educationalFramework']),
    );
  });

  it('says both for a document both bindings accept', () => {
    expect(clrBinding(neutralClr())).toBe('both');
  });

  it('finds records inside a ClrSet and a ClrPayload', () => {
    expect(clrBinding({ '@context': 'x', clrs: [neutralClr(), candidateFinalClr()] })).toBe('candidate-final');
    expect(clrBinding({ '@context': 'x', clr: finalClr() })).toBe('final');
  });

  it('reports a mixed document as final, with both lists filled', () => {
    const mixed = withValue(candidateFinalClr(), '/assertions/0/expires', '2030-01-01T00:00:00Z');
    const report = describeClrBinding(mixed);
    expect(report).toMatchObject({ binding: 'final', mixed: true });
    expect(report.finalOnly).toEqual(['/assertions/0 Assertion.expires']);
  });

  it('treats single Final markers one by one', () => {
    expect(clrBinding(withValue(neutralClr(), '/assertions/0/achievement/requirement', { narrative: 'x' }))).toBe('final');
    expect(clrBinding(withValue(neutralClr(), '/assertions/0/achievement/achievementType', 'Assignment'))).toBe('final');
    expect(clrBinding(withValue(neutralClr(), '/assertions/0/achievement/resultDescriptions/0/resultType', 'Status'))).toBe('final');
    expect(clrBinding(withValue(neutralClr(), '/@context', ['https://example.org/ctx']))).toBe('final');
  });

  it('answers both for non-objects', () => {
    expect(clrBinding(null)).toBe('both');
    expect(clrBinding('eyJ.eyJ.sig')).toBe('both');
  });
});
