import { CONSUMER_REQUIREMENTS } from './consumer.js';
import { LRC_REQUIREMENTS } from './lrc.js';
import { OBC21_API_REQUIREMENTS } from './obc21-api.js';
import { OAUTH_REQUIREMENTS } from './oauth.js';
import { CLR10_REQUIREMENTS } from './clr10.js';
import { OB20_DOCUMENT_REQUIREMENTS } from './ob20.js';
import { requirementUrl } from './links.js';
import type { Requirement } from './types.js';

/** The whole catalog, keyed by id. */
export const REQUIREMENTS: ReadonlyMap<string, Requirement> = new Map(
  [...OAUTH_REQUIREMENTS, ...OBC21_API_REQUIREMENTS, ...LRC_REQUIREMENTS, ...CLR10_REQUIREMENTS, ...CONSUMER_REQUIREMENTS, ...OB20_DOCUMENT_REQUIREMENTS].map((r) => [r.id, r]),
);

export function linkFor(id: string): string | undefined {
  const r = REQUIREMENTS.get(id);
  return r ? requirementUrl(r.source, r.section) : undefined;
}

export type { Requirement };
