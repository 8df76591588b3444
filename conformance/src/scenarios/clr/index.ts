import type { Scenario } from '../../engine/scenario.js';
import { clrProviderAuthRefusals } from './clr-provider-auth-refusals.js';
import { clrProviderAuthorizationCode } from './clr-provider-authorization-code.js';
import { clrProviderAuthorizationRefusals } from './clr-provider-authorization-refusals.js';
import { clrProviderDiscovery } from './clr-provider-discovery.js';
import { clrProviderGetClr } from './clr-provider-get-clr.js';
import { clrProviderGetClrs } from './clr-provider-get-clrs.js';
import { clrProviderGetClrsPaging } from './clr-provider-get-clrs-paging.js';
import { clrProviderGetClrsSince } from './clr-provider-get-clrs-since.js';
import { clrProviderPostClrInvalid } from './clr-provider-post-clr-invalid.js';
import { clrProviderPostClrReplace } from './clr-provider-post-clr-replace.js';
import { clrProviderPostClrRoundTrip } from './clr-provider-post-clr-round-trip.js';
import { clrProviderPostSignedClr } from './clr-provider-post-signed-clr.js';
import { clrProviderRefresh } from './clr-provider-refresh.js';
import { clrProviderRegistration } from './clr-provider-registration.js';
import { clrProviderTokenRefusals } from './clr-provider-token-refusals.js';
import { clrProviderVerifyClrs } from './clr-provider-verify-clrs.js';

/** Discovery, registration and the main grant (they fill STATE.api/client/tokens), then the authorization refusals, as for Badge Connect. */
export const CLR_SETUP_SCENARIOS: Scenario[] = [clrProviderDiscovery, clrProviderRegistration, clrProviderAuthorizationCode, clrProviderAuthorizationRefusals];

/** Reading: getClrs (records, paging, since), verification, getClr; then the refusals. */
export const CLR_READ_SCENARIOS: Scenario[] = [
  clrProviderGetClrs,
  clrProviderGetClrsPaging,
  clrProviderGetClrsSince,
  clrProviderVerifyClrs,
  clrProviderGetClr,
  clrProviderAuthRefusals,
];

/** Writing: postClr and deleteClr, a signedClr posted back, then invalid bodies. */
export const CLR_WRITE_SCENARIOS: Scenario[] = [clrProviderPostClrRoundTrip, clrProviderPostClrReplace, clrProviderPostSignedClr, clrProviderPostClrInvalid];

/** After the API: the token refusals (a replayed code revokes its own tokens only) and the grant that spends a refresh token. */
export const CLR_AFTER_API_SCENARIOS: Scenario[] = [clrProviderTokenRefusals, clrProviderRefresh];

export const CLR_SCENARIOS: Scenario[] = [...CLR_SETUP_SCENARIOS, ...CLR_READ_SCENARIOS, ...CLR_WRITE_SCENARIOS, ...CLR_AFTER_API_SCENARIOS];
