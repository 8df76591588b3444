// The CLI's command implementations, loaded on first call: each pulls in the scenarios, jsonld, jose or ajv,
// which `--help`, `plans` and usage errors do not need (they kept every start above 400 ms).
import type * as RunCommand from './run-command.js';
import type * as SchemasCommand from './schemas-command.js';
import type * as ReportCommand from './report-command.js';
import type * as ValidateCommand from './validate-command.js';
import type * as ReportCommands from '../report/commands.js';

type Lazy<F extends (...args: never[]) => unknown> = (...args: Parameters<F>) => Promise<Awaited<ReturnType<F>>>;

export const runCommand: Lazy<typeof RunCommand.runCommand> = async (...args) => (await import('./run-command.js')).runCommand(...args);
export const officialSchemasHook: Lazy<typeof SchemasCommand.officialSchemasHook> = async (...args) =>
  (await import('./schemas-command.js')).officialSchemasHook(...args);
export const schemasSyncCommand: Lazy<typeof SchemasCommand.schemasSyncCommand> = async (...args) =>
  (await import('./schemas-command.js')).schemasSyncCommand(...args);
export const reportCommand: Lazy<typeof ReportCommand.reportCommand> = async (...args) => (await import('./report-command.js')).reportCommand(...args);
export const validateCommand: Lazy<typeof ValidateCommand.validateCommand> = async (...args) =>
  (await import('./validate-command.js')).validateCommand(...args);
export const diffCommand: Lazy<typeof ReportCommands.diffCommand> = async (...args) => (await import('../report/commands.js')).diffCommand(...args);
export const verifyReportCommand: Lazy<typeof ReportCommands.verifyReportCommand> = async (...args) =>
  (await import('../report/commands.js')).verifyReportCommand(...args);
export const signCommand: Lazy<typeof ReportCommands.signCommand> = async (...args) => (await import('../report/commands.js')).signCommand(...args);
export const signingKeyFor: Lazy<typeof ReportCommands.signingKeyFor> = async (...args) => (await import('../report/commands.js')).signingKeyFor(...args);

/** Every plan and scenario, for `conformance plans`. */
export async function loadCatalog() {
  const [{ PLANS }, { SCENARIOS }] = await Promise.all([import('../plans/index.js'), import('../scenarios/index.js')]);
  return { PLANS, SCENARIOS };
}
