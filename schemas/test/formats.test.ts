import { describe, expect, it } from 'vitest';
import { isDateTimeWithZone, isHttpUrl, isInt32, isObIri } from '../src/formats.js';
import { getRegistry, SchemaIds } from '../src/registry.js';

describe('int32', () => {
  it.each([0, 1, -1, 2 ** 31 - 1, -(2 ** 31)])('accepts %d', (n) => expect(isInt32(n)).toBe(true));
  it.each([2 ** 31, -(2 ** 31) - 1, 1.5, Number.NaN, Infinity])('rejects %d', (n) => expect(isInt32(n)).toBe(false));
  it('is enforced on status.statusCode', () => {
    const status = (statusCode: number) => getRegistry().validate(SchemaIds.obc.status, { statusCode, statusText: 'OK' });
    expect(status(2 ** 31 - 1).valid).toBe(true);
    expect(status(2 ** 31).errors).toContainEqual(expect.objectContaining({ keyword: 'format', params: { format: 'int32' } }));
  });
});

describe('date-time with time zone', () => {
  it.each([
    '2016-12-31T23:59:59Z',
    '2016-12-31T23:59:59+00:00',
    '2016-12-31T23:59:59.123-05:30',
    '2016-12-31T23:59+0100',
    '2016-12-31T23:59:59+01',
    '2016-12-31t23:59:59z',
    '2016-12-31T23:59:60Z',
    '2024-02-29T00:00:00Z',
  ])('accepts %s', (v) => expect(isDateTimeWithZone(v)).toBe(true));
  it.each([
    '2016-12-31T23:59:59',
    '2016-12-31',
    '2016-12-31 23:59:59Z',
    '2016-13-01T00:00:00Z',
    '2023-02-29T00:00:00Z',
    '2016-12-31T24:00:00Z',
    '2016-12-31T23:59:59+24:00',
    '1483228799',
    '',
  ])('rejects %s', (v) => expect(isDateTimeWithZone(v)).toBe(false));
});

describe('IRIs and URLs', () => {
  it.each(['https://example.org/a', 'http://example.org', 'urn:uuid:a953081a-4bbd-4927-9653-7219bca00e3b', 'urn:example:badge:1', '_:b0'])('ob-iri accepts %s', (v) =>
    expect(isObIri(v)).toBe(true),
  );
  it.each(['example.org', '/relative', 'https://', 'mailto:a@example.org', 'https://exa mple.org'])('ob-iri rejects %s', (v) => expect(isObIri(v)).toBe(false));
  it('http-url needs http(s) and a host', () => {
    expect(isHttpUrl('https://example.org/x?y#z')).toBe(true);
    expect(isHttpUrl('ftp://example.org')).toBe(false);
    expect(isHttpUrl('https:///path')).toBe(false);
  });
});
