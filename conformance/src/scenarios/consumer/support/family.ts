import { OFFERED_SCOPES, OFFLINE_ACCESS, type Family, type Route } from '../../../emulators/types.js';
import type { Role } from '../../../engine/scenario.js';

/** What differs between the Badge Connect and CLR consumer scenarios. */
export interface FamilyInfo {
  family: Family;
  label: string;
  discoveryRoute: Route;
  discoveryName: string;
  listRoute: Route;
  listName: string;
  /** The emulators' default offer; the check prefers what the served document said. */
  offered: readonly string[];
  roles: Role[];
  /** Requirement id of a consumer rule, e.g. req('PKCE-S256'). */
  req(key: string): string;
}

export const OBC: FamilyInfo = {
  family: 'obc',
  label: 'Badge Connect',
  discoveryRoute: 'manifest',
  discoveryName: 'manifest',
  listRoute: 'get-assertions',
  listName: 'GET /assertions',
  offered: [...OFFERED_SCOPES.obc, OFFLINE_ACCESS],
  roles: ['obc-service-consumer-read', 'obc-service-consumer-write'],
  req: (key) => `OBC21-CONSUMER-${key}`,
};

export const CLR: FamilyInfo = {
  family: 'clr',
  label: 'CLR 1.0',
  discoveryRoute: 'discovery',
  discoveryName: 'discovery document',
  listRoute: 'get-clrs',
  listName: 'getClrs',
  offered: [...OFFERED_SCOPES.clr, OFFLINE_ACCESS],
  roles: ['clr-service-consumer'],
  req: (key) => `CLR10-CONSUMER-${key}`,
};
