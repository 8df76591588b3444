// Plan ids without loading the plans: the CLI's help text and flag checks need only these, and loading
// every scenario (with jsonld, jose and ajv behind them) would slow each start. A test keeps it equal to PLANS.
export const PLAN_IDS = ['obc-provider-read', 'obc-provider-write', 'clr-provider', 'obc-consumer-read', 'obc-consumer-write', 'clr-consumer'] as const;
