// Primitive data types of OB 2.0 (SPEC20 "Primitive datatypes") shared by every class schema.
import { DIALECT, type Schema } from '../../src/build.js';
import { OB20_COMMON_ID } from '../../src/ids.js';

export const commonSchema: Schema = {
  $schema: DIALECT,
  $id: OB20_COMMON_ID,
  title: 'Open Badges 2.0 primitive types',
  $defs: {
    iri: {
      $comment: 'Node identifier: http(s) URL, URN (urn:uuid:, urn:example:) or blank node, as the reference validator accepts.',
      type: 'string',
      format: 'ob-iri',
    },
    url: { $comment: 'OB 2.0 URL: absolute http or https.', type: 'string', format: 'http-url' },
    imageIri: { $comment: 'Image reference: an IRI or a PNG/SVG data URI.', type: 'string', format: 'image-iri' },
    dateTime: { $comment: 'ISO 8601 with a time zone; integers (OB 1.x timestamps) are not allowed in 2.0.', type: 'string', format: 'date-time' },
    email: { type: 'string', format: 'email' },
    telephone: { $comment: 'E.164, with an optional extension, as the reference validator checks.', type: 'string', pattern: '^\\+?[1-9]\\d{1,14}(;ext=\\d+)?$' },
    text: { type: 'string' },
    markdown: { $comment: 'Markdown text; any string.', type: 'string' },
    language: { type: 'string', format: 'language-tag' },
    version: { anyOf: [{ type: 'string' }, { type: 'number' }] },
    context: {
      $comment: 'A JSON-LD @context: a URL, an inline context object, or an array of those.',
      anyOf: [
        { type: 'string', format: 'uri' },
        { type: 'object' },
        { type: 'array', minItems: 1, items: { anyOf: [{ type: 'string', format: 'uri' }, { type: 'object' }] } },
      ],
    },
    related: {
      $comment: 'dc:relation: another version of the same object, by IRI or as a small node.',
      anyOf: [
        { $ref: '#/$defs/iri' },
        {
          type: 'object',
          required: ['id'],
          properties: { id: { $ref: '#/$defs/iri' }, version: { $ref: '#/$defs/version' }, '@language': { $ref: '#/$defs/language' } },
        },
      ],
    },
  },
};
