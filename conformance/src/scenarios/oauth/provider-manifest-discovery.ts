import { findV2p1Entry, getManifest, REQUIRED_ENDPOINTS, toDiscoveredApi } from '../../actions/get-manifest.js';
import { scopesForPlan } from '../../actions/scopes.js';
import { STATE } from '../../actions/types.js';
import { ensureJsonBody } from '../../checks/http/ensure-json-body.js';
import { ensureStatus } from '../../checks/http/ensure-status.js';
import { ensureHttpsUrl } from '../../checks/oauth/ensure-https-url.js';
import { ensureManifestEntry } from '../../checks/oauth/ensure-manifest-entry.js';
import { ensureNoUnknownProperties, ensureSchemaValid } from '../../checks/schema/ensure-schema-valid.js';
import type { Scenario } from '../../engine/scenario.js';
import { SchemaIds } from '../../../../schemas/src/registry.js';
import { CERT_REQUIREMENTS, certRequirement } from './support/cert-requirement.js';

const ENDPOINTS = ['apiBase', 'registrationUrl', 'authorizationUrl', 'tokenUrl', 'tokenRevocationUrl'] as const;

export const providerManifestDiscovery: Scenario = {
  id: 'provider-manifest-discovery',
  title: 'Manifest discovery',
  summary:
    'GETs /.well-known/badgeconnect.json without credentials and expects 200 JSON matching the manifest schema, a badgeConnectAPI entry with version v2p1, an apiBase ending in /ims/ob/v2p1, the scopes this plan needs, and https endpoints. Extension properties are a warning. Plain http on a loopback host is accepted for local runs and noted as TLS not tested.',
  roles: ['obc-service-provider-read', 'obc-service-provider-write'],
  requirements: [
    'OBC21-MANIFEST',
    'OBC21-MANIFEST-PROPERTIES',
    'OBC21-MANIFEST-VERSION',
    'OBC21-MANIFEST-API-BASE',
    'OBC21-MANIFEST-TLS',
    'OBC21-CERT-no-extension-fields',
    ...CERT_REQUIREMENTS,
  ],
  async run(ctx) {
    const { exchange, manifest } = await getManifest(ctx);
    await ctx.must(ensureStatus(200), exchange, ['OBC21-MANIFEST']);
    await ctx.must(ensureJsonBody, exchange, ['OBC21-MANIFEST']);
    // A schema or entry failure is recorded and fails the run, but the endpoints that are there still let
    // the later scenarios run: one missing field must not hide every other result.
    await ctx.mustContinue(ensureSchemaValid(SchemaIds.obc.manifest, 'manifest'), manifest, ['OBC21-MANIFEST-PROPERTIES'], { http: exchange });
    await ctx.should(ensureNoUnknownProperties(SchemaIds.obc.manifest, 'manifest'), manifest, ['OBC21-CERT-no-extension-fields'], {
      http: exchange,
    });
    await ctx.mustContinue(
      ensureManifestEntry(scopesForPlan(ctx.planId)),
      manifest,
      ['OBC21-MANIFEST-VERSION', 'OBC21-MANIFEST-API-BASE', certRequirement(ctx.planId)],
      { http: exchange },
    );
    const api = toDiscoveredApi(ctx.config.manifestUrl, manifest!);
    if (!api) return ctx.skip(`the manifest gives no usable ${missingEndpoints(manifest).join(', ')} in a v2p1 entry, which every later scenario needs`);
    ctx.state.set(STATE.api, api, 'provider-manifest-discovery');

    const tls = { acceptLoopbackHttp: ctx.config.plainHttpLoopback };
    await ctx.mustContinue(ensureHttpsUrl('manifest URL', tls), ctx.config.manifestUrl, ['OBC21-MANIFEST-TLS']);
    for (const name of ENDPOINTS) {
      const url = api[name];
      if (url) await ctx.mustContinue(ensureHttpsUrl(name, tls), url, ['OBC21-MANIFEST-TLS'], { http: exchange });
    }
  },
};

/** The endpoints every later scenario needs that the v2p1 entry (if any) does not give as strings. */
function missingEndpoints(manifest: Record<string, unknown> | undefined): string[] {
  const entry = findV2p1Entry(manifest)?.entry;
  if (!entry) return ['badgeConnectAPI entry'];
  return REQUIRED_ENDPOINTS.filter((k) => typeof entry[k] !== 'string');
}
