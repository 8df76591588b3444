// OB 2.0 BadgeClass and the classes it embeds (Criteria, AlignmentObject, Image).
import { common, iriOr, jsonLdType, ldObject, obClass, oneOrMany, ref, requires, type Schema } from '../../src/build.js';
import { SchemaIds } from '../../src/ids.js';

const ids = SchemaIds.ob20;

export const imageSchema: Schema = ldObject({
  id: ids.image,
  title: 'OB 2.0 Image',
  properties: {
    type: jsonLdType([...obClass('Image'), 'schema:ImageObject', 'http://schema.org/ImageObject']),
    id: common('imageIri'),
    caption: common('text'),
    author: common('iri'),
  },
  required: ['id'],
});

export const criteriaSchema: Schema = ldObject({
  id: ids.criteria,
  title: 'OB 2.0 Criteria',
  comment: 'Either a criteria page (id) or a narrative must be given, as the reference validator requires.',
  properties: {
    type: jsonLdType(obClass('Criteria')),
    id: common('iri'),
    narrative: common('markdown'),
  },
  extra: { anyOf: [requires('id'), requires('narrative')] },
});

export const alignmentSchema: Schema = ldObject({
  id: ids.alignment,
  title: 'OB 2.0 AlignmentObject',
  properties: {
    type: jsonLdType(['AlignmentObject', 'schema:AlignmentObject', 'http://schema.org/AlignmentObject']),
    targetName: common('text'),
    targetUrl: common('url'),
    targetDescription: common('text'),
    targetFramework: common('text'),
    targetCode: common('text'),
  },
  required: ['targetName', 'targetUrl'],
});

export const badgeClassSchema: Schema = ldObject({
  id: ids.badgeClass,
  title: 'OB 2.0 BadgeClass',
  properties: {
    '@language': common('language'),
    id: common('iri'),
    type: jsonLdType(obClass('BadgeClass')),
    name: common('text'),
    description: common('text'),
    image: iriOr(ref(ids.image), 'imageIri'),
    criteria: iriOr(ref(ids.criteria)),
    issuer: iriOr(ref(ids.profile, '/$defs/issuer')),
    alignment: oneOrMany(ref(ids.alignment)),
    tags: oneOrMany(common('text')),
    endorsement: oneOrMany(iriOr(ref(ids.endorsement))),
    related: oneOrMany(common('related')),
    version: common('version'),
  },
  required: ['id', 'type', 'name', 'description', 'image', 'criteria', 'issuer'],
});
