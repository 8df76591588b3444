// Every CLR 1.0 schema document, for the registry.
import type { Schema } from '../../src/build.js';
import { clrCommonSchema } from './common.js';
import {
  achievementSchema,
  alignmentSchema,
  artifactSchema,
  assertionSchema,
  associationSchema,
  evidenceSchema,
  identitySchema,
  resultDescriptionSchema,
  resultSchema,
  rubricCriterionLevelSchema,
} from './classes.js';
import { cryptographicKeySchema, endorsementClaimSchema, endorsementSchema, profileSchema, revocationListSchema, verificationSchema } from './profile.js';
import { clrPayloadSchema, clrSchema, clrSetSchema, discoverySchema, statusInfoSchema } from './payloads.js';

export { CLR_CODE_MINOR } from './payloads.js';

export const clrSchemas: Schema[] = [
  clrCommonSchema,
  clrSchema,
  clrSetSchema,
  clrPayloadSchema,
  discoverySchema,
  statusInfoSchema,
  assertionSchema,
  achievementSchema,
  profileSchema,
  identitySchema,
  resultSchema,
  resultDescriptionSchema,
  alignmentSchema,
  evidenceSchema,
  endorsementSchema,
  endorsementClaimSchema,
  verificationSchema,
  cryptographicKeySchema,
  revocationListSchema,
  rubricCriterionLevelSchema,
  associationSchema,
  artifactSchema,
];
