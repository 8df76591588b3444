import { describe, expect, it } from 'vitest';
import { ensureAssertionAbsent } from '../../src/checks/obc/ensure-assertion-absent.js';
import { ensureEnoughRecords } from '../../src/checks/obc/ensure-enough-records.js';
import { ensureNoDuplicateAssertions, type ListedRecord } from '../../src/checks/obc/ensure-no-duplicate-assertions.js';
import { ensureOrderedByUpdate, type OrderInput } from '../../src/checks/obc/ensure-ordered-by-update.js';
import { ensurePageSize } from '../../src/checks/obc/ensure-page-size.js';
import { ensureSinceRespected, type SinceInput } from '../../src/checks/obc/ensure-since-respected.js';
import { ensureTotalCount, type TotalCountInput } from '../../src/checks/obc/ensure-total-count.js';
import { mutate, verdictOf } from './exchange.js';

const id = (n: number) => `urn:example:assertion:${n}`;

describe('ensure-total-count', () => {
  const valid: TotalCountInput = { header: '23', seen: 23, walkComplete: true };
  it('passes when X-Total-Count equals the records walked', () => {
    expect(ensureTotalCount.run(valid)).toMatchObject({ outcome: 'pass' });
  });
  it('passes for an incomplete walk that saw fewer records than the total', () => {
    expect(ensureTotalCount.run(mutate(valid, (v) => ((v.seen = 10), (v.walkComplete = false))))).toMatchObject({ outcome: 'pass' });
  });
  it('skips when the header is not sent (its presence is a separate SHOULD)', () => {
    expect(ensureTotalCount.run(mutate(valid, (v) => (v.header = undefined)))).toMatchObject({ outcome: 'skip' });
  });
  it.each<[string, TotalCountInput]>([
    ['one more than the truth', mutate(valid, (v) => (v.header = '24'))],
    ['one less than the truth', mutate(valid, (v) => (v.header = '22'))],
    ['not a number', mutate(valid, (v) => (v.header = 'many'))],
    ['negative', mutate(valid, (v) => (v.header = '-1'))],
    ['a fraction', mutate(valid, (v) => (v.header = '23.0'))],
    ['below what an incomplete walk already saw', mutate(valid, (v) => ((v.header = '5'), (v.seen = 10), (v.walkComplete = false)))],
  ])('fails: %s', (_name, input) => {
    expect(ensureTotalCount.run(input)).toMatchObject({ outcome: 'fail' });
  });
});

describe('ensure-page-size', () => {
  it('passes at and below the limit', () => {
    expect(ensurePageSize.run({ limit: 5, count: 5 })).toMatchObject({ outcome: 'pass' });
    expect(ensurePageSize.run({ limit: 5, count: 0 })).toMatchObject({ outcome: 'pass' });
  });
  it('fails above the limit', () => {
    expect(ensurePageSize.run({ limit: 5, count: 10 })).toMatchObject({ outcome: 'fail', evidence: { limit: 5, count: 10 } });
  });
});

describe('ensure-no-duplicate-assertions', () => {
  const valid: ListedRecord[] = [1, 2, 3].map((n) => ({ id: id(n), where: `page ${n}` }));
  it('passes for distinct ids (and for an empty list)', () => {
    expect(ensureNoDuplicateAssertions.run(valid)).toMatchObject({ outcome: 'pass' });
    expect(ensureNoDuplicateAssertions.run([])).toMatchObject({ outcome: 'pass' });
  });
  it('fails naming both places of a repeated id', () => {
    const v = verdictOf(ensureNoDuplicateAssertions.run(mutate(valid, (r) => r.push({ id: id(2), where: 'page 4' }))));
    expect(v).toMatchObject({ outcome: 'fail' });
    expect(v.message).toContain('page 2, page 4');
  });
});

describe('ensure-ordered-by-update', () => {
  const valid: OrderInput = { listed: [id(9), id(3), id(1), id(2)], updatedOldestFirst: [id(1), id(3)] };
  it('passes when the newer update is listed first', () => {
    expect(ensureOrderedByUpdate.run(valid)).toMatchObject({ outcome: 'pass' });
  });
  it('fails when an older update is listed first', () => {
    expect(ensureOrderedByUpdate.run(mutate(valid, (v) => v.updatedOldestFirst.reverse()))).toMatchObject({ outcome: 'fail' });
  });
  it('skips when fewer than two records have a known update order', () => {
    expect(ensureOrderedByUpdate.run(mutate(valid, (v) => (v.updatedOldestFirst = [id(1), id(7)])))).toMatchObject({ outcome: 'skip' });
  });
});

describe('ensure-since-respected', () => {
  const valid: SinceInput = { since: '2024-01-01T00:00:00Z', listed: [id(1), id(2)], include: [id(1)], exclude: [id(3)] };
  it('passes when every changed record and no unchanged one is listed', () => {
    expect(ensureSinceRespected.run(valid)).toMatchObject({ outcome: 'pass' });
    expect(ensureSinceRespected.run({ since: '2100-01-01T00:00:00Z', listed: [], include: [], exclude: 'all' })).toMatchObject({ outcome: 'pass' });
  });
  it.each<[string, SinceInput]>([
    ['a changed record is missing', mutate(valid, (v) => (v.listed = [id(2)]))],
    ['an unchanged record is listed', mutate(valid, (v) => v.listed.push(id(3)))],
    ['anything listed when nothing may be', mutate(valid, (v) => (v.exclude = 'all'))],
  ])('fails: %s', (_name, input) => {
    expect(ensureSinceRespected.run(input)).toMatchObject({ outcome: 'fail' });
  });
});

describe('ensure-assertion-absent', () => {
  it('passes when the refused id is not listed and fails when it is', () => {
    expect(ensureAssertionAbsent.run({ id: id(1), listed: [id(2)] })).toMatchObject({ outcome: 'pass' });
    expect(ensureAssertionAbsent.run({ id: id(1), listed: [id(2), id(1)] })).toMatchObject({ outcome: 'fail' });
  });
});

describe('ensure-enough-records', () => {
  it('passes at the minimum and fails below it, saying why the records are needed', () => {
    expect(ensureEnoughRecords.run({ count: 6, min: 6, purpose: 'so that paging needs two pages' })).toMatchObject({ outcome: 'pass' });
    const v = verdictOf(ensureEnoughRecords.run({ count: 5, min: 6, purpose: 'so that paging needs two pages' }));
    expect(v).toMatchObject({ outcome: 'fail' });
    expect(v.message).toContain('so that paging needs two pages');
  });
});
