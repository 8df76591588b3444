/**
 * Requirement lookups for the reports. Ids missing from the catalog (a scenario ahead of the catalog,
 * or an old events.jsonl) render as "not in catalog" instead of breaking the report.
 */
import { REQUIREMENTS, linkFor } from '../requirements/index.js';
import { SOURCES } from '../requirements/links.js';
import type { Level, Provenance } from '../requirements/types.js';

export interface RequirementInfo {
  id: string;
  known: boolean;
  level?: Level;
  summary?: string;
  url?: string;
  source?: string;
  sourceTitle?: string;
  provenance?: Provenance;
  /** Position in the catalog, for a stable order that follows the source documents. */
  order: number;
}

/** How reporters find requirements; tests pass their own to render unknown ids. */
export type RequirementLookup = (id: string) => RequirementInfo;

const CATALOG_ORDER = new Map([...REQUIREMENTS.keys()].map((id, i) => [id, i]));

export const lookupRequirement: RequirementLookup = (id) => {
  const r = REQUIREMENTS.get(id);
  if (!r) return { id, known: false, order: Number.MAX_SAFE_INTEGER };
  const url = linkFor(id);
  return {
    id,
    known: true,
    level: r.level,
    summary: r.summary,
    ...(url ? { url } : {}),
    source: r.source,
    sourceTitle: SOURCES[r.source]?.title ?? r.source,
    provenance: r.provenance,
    order: CATALOG_ORDER.get(id) ?? Number.MAX_SAFE_INTEGER,
  };
};

/**
 * Certification-guide rows first (a program manager maps them to the guide's tables), then the
 * catalog's own order, then unknown ids alphabetically.
 */
export function compareRequirements(a: RequirementInfo, b: RequirementInfo): number {
  const cert = (r: RequirementInfo) => (r.source?.endsWith('-CERT') ? 0 : 1);
  return cert(a) - cert(b) || a.order - b.order || a.id.localeCompare(b.id);
}
