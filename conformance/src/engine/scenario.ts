import type { ScenarioContext } from './context.js';

/** Certification roles of the OB 2.1 guide (and later CLR), used to group results for program managers. */
export type Role =
  | 'obc-service-provider-read'
  | 'obc-service-provider-write'
  | 'obc-service-consumer-read'
  | 'obc-service-consumer-write'
  | 'clr-service-provider'
  | 'clr-service-consumer'
  // OB 2.0 roles whose documents `conformance validate` judges (no plan of the runner covers them).
  | 'ob20-issuer'
  | 'ob20-displayer';

/** One test: file name = id, `<role>-<operation>-<behaviour>`. */
export interface Scenario {
  id: string;
  title: string;
  /** What a vendor reads to understand the test. */
  summary: string;
  roles: Role[];
  /** Every requirement id this scenario can cite; the coverage test reads these. */
  requirements: string[];
  run(ctx: ScenarioContext): Promise<void>;
}

/** A plan is data: the scenarios of one certification feature, in the guide's order. */
export interface Plan {
  id: string;
  title: string;
  summary: string;
  role: Role;
  scenarios: string[];
}
