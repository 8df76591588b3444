/** The tests' vendor issuer is the demo's (scripts/lib/demo-issuer.ts), under the names the tests use. */
export { startDemoIssuer as startForeignIssuer, type DemoIssuer as ForeignIssuer } from '../../../scripts/lib/demo-issuer.js';
