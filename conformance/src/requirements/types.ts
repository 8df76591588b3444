import type { Role } from '../engine/scenario.js';

export type Level = 'MUST' | 'SHOULD' | 'MAY';

/**
 * Where a requirement's wording comes from, so a vendor can weigh it:
 * an official machine-readable file, the specification's prose, or our reconstruction where both are silent.
 */
export type Provenance = 'official-file' | 'spec-text' | 'reconstruction';

export interface Requirement {
  /** `<SOURCE>-<section>` style id; the prefix maps to a URL in links.ts. */
  id: string;
  /** Short name of the source document (a key of SOURCES in links.ts). */
  source: string;
  /** Section number or anchor inside the source, used to build the link. */
  section: string;
  level: Level;
  /** One line in our own words. */
  summary: string;
  roles: Role[];
  provenance: Provenance;
  /** Set when no scenario can test the requirement over HTTP; says why. */
  untestable?: string;
}
