#!/usr/bin/env node
/**
 * conformance: run certification plans against a Badge Connect provider and write reports.
 * Exit codes: 0 every MUST passed, 1 the implementation failed one, 2 usage, configuration or suite error,
 * 3 inconclusive (no MUST failed, but one could not run for want of data; the last line names the flag).
 */
import { Command, CommanderError, Option } from 'commander';
import { mkdirSync } from 'node:fs';
import { UsageError } from './engine/errors.js';
import { SUITE } from './engine/run.js';
import { PLAN_IDS } from './plans/ids.js';
import { resolveRunConfig, type RunFlags } from './cli/resolve-config.js';
import { createOutput, type OutputMode } from './cli/output.js';
import type { ValidateFlags } from './cli/validate-command.js';
// Loaded on first use, so that --help and usage errors start fast.
import { diffCommand, loadCatalog, officialSchemasHook, reportCommand, runCommand, schemasSyncCommand, signCommand, signingKeyFor, validateCommand, verifyReportCommand } from './cli/lazy.js';
import { DOCUMENT_KINDS } from './actions/clr/document-kind.js';
import { loadExpectedFailures } from './report/expected-failures.js';

const say = (line: string) => process.stdout.write(`${line}\n`);
const collect = (value: string, previous: string[] = []) => [...previous, value];

// Options `run` and `validate` share, so both commands describe them alike.
const reporterOption = () =>
  new Option('--reporter <name>', 'reporter, repeatable: console, json, junit, html, markdown, github, or a module path (github is added when GITHUB_ACTIONS=true)').argParser(collect);
const quietOption = () => new Option('--quiet', 'print only the verdict line, the closing line and errors');
const jsonOption = () => new Option('--json', 'print the run summary (as summary.json) on stdout and nothing else; other lines go to stderr');
const timeoutOption = () => new Option('--timeout <ms>', 'per-request timeout in milliseconds');
const officialSchemasOption = () =>
  new Option('--official-schemas [dir]', 'also record the official 1EdTech schema verdicts, from a `schemas sync` cache (default .cache/official-schemas)');

async function main(argv: string[]): Promise<number> {
  const program = new Command('conformance')
    .description('Conformance runner for 1EdTech Badge Connect (Open Badges 2.1) implementations')
    .version(SUITE.version)
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  let exitCode = 0;
  program
    .command('run')
    .description('run plans against a target and write reports')
    .addOption(new Option('--plan <id>', `plan to run, repeatable (${PLAN_IDS.join(', ')})`).argParser(collect))
    .option('--target <url>', 'provider origin, manifest URL or CLR discovery URL (not needed for consumer plans)')
    .option('--config <file>', 'JSON config file (flags override it)')
    .option('--out <dir>', 'run directory for events.jsonl, summary.json, junit.xml')
    .addOption(reporterOption())
    .option('--authorize <mode>', 'how to pass the sign-in and consent step (auto)')
    .addOption(new Option('--auth-field <name=value>', 'form field for --authorize auto, repeatable').argParser(collect))
    .option('--page-size <n>', 'page size used to walk paged lists')
    .addOption(
      new Option(
        '--post-assertion <file>',
        'obc-provider-write: an assertion for the signed-in user to post (Assertion Payload, OB 2.0 Assertion JSON or compact JWS), hosted at its HTTP(S) id or signed under a published key; repeatable',
      ).argParser(collect),
    )
    .addOption(timeoutOption())
    .option('--listen <host:port>', 'consumer plans: where the emulators listen (loopback, port 0 = any; default 127.0.0.1:0)')
    .option('--trigger <command>', 'consumer plans: command that runs the candidate once per scenario; {manifest}, {discovery}, {origin} are replaced')
    .option('--candidate-name <name>', 'consumer plans: the product under test, as the reports name it (default: the --trigger command)')
    .option('--wait <seconds>', 'consumer plans: longest wait for the candidate per scenario (default 120)')
    .option('--expected-failures <file>', 'JSON list of known failures (each with a reason) reported as warnings')
    .option('--sign-key <file>', 'PKCS#8 PEM or private JWK signing the run bundle (default: an ephemeral Ed25519 key)')
    .option('--no-sign', 'do not write the signed bundle (bundle.json, bundle.jws)')
    .addOption(officialSchemasOption())
    .addOption(quietOption())
    .addOption(jsonOption())
    .action(async (flags: RunFlags & OutputMode & { expectedFailures?: string; signKey?: string; sign: boolean; officialSchemas?: string | true }) => {
      const resolved = resolveRunConfig(flags, [...PLAN_IDS]);
      const output = createOutput(flags);
      const officialSchemas = await officialSchemasHook(flags.officialSchemas, output.progress);
      const config = officialSchemas ? { ...resolved, officialSchemas } : resolved;
      // Read both files before the run so a bad one is a usage error, not a wasted run.
      const expectedFailures = flags.expectedFailures
        ? { file: flags.expectedFailures, entries: loadExpectedFailures(flags.expectedFailures) }
        : undefined;
      const signingKey = flags.sign ? await signingKeyFor(flags.signKey) : undefined;
      const result = await runCommand(config, output.progress, {
        output,
        env: process.env,
        ...(expectedFailures ? { expectedFailures } : {}),
        ...(signingKey ? { signingKey } : {}),
      });
      exitCode = result.exitCode;
    });

  program
    .command('report')
    .description('re-render reports from a run directory or events.jsonl')
    .argument('<source>', 'run directory or events.jsonl')
    .addOption(new Option('--reporter <name>', 'reporter, repeatable').argParser(collect).makeOptionMandatory())
    .option('--out <dir>', 'where to write (default: beside the events)')
    .action(async (source: string, flags: { reporter: string[]; out?: string }) => {
      if (flags.out) mkdirSync(flags.out, { recursive: true });
      exitCode = await reportCommand(source, flags.reporter, flags.out, say);
    });

  program
    .command('diff')
    .description('compare two runs per requirement: new failures, fixed ones, changed warnings (exit 1 on new failures)')
    .argument('<previous>', 'previous run directory, events.jsonl or summary.json')
    .argument('<current>', 'current run directory, events.jsonl or summary.json')
    .option('--json', 'print the diff as JSON')
    .action(async (previous: string, current: string, flags: { json?: boolean }) => {
      exitCode = await diffCommand(previous, current, flags, say);
    });

  program
    .command('verify-report')
    .description("check a run directory's signed bundle: signature and every file digest")
    .argument('<dir>', 'run directory')
    .option('--public-key <file>', 'public key (JWK or PEM) expected to have signed the bundle')
    .action(async (dir: string, flags: { publicKey?: string }) => {
      exitCode = await verifyReportCommand(dir, flags, say);
    });

  program
    .command('sign')
    .description('(re)write the signed bundle of a run directory, e.g. after `conformance report`')
    .argument('<dir>', 'run directory')
    .option('--sign-key <file>', 'PKCS#8 PEM or private JWK (default: an ephemeral Ed25519 key)')
    .action(async (dir: string, flags: { signKey?: string }) => {
      exitCode = await signCommand(dir, flags, say);
    });

  program
    .command('schemas')
    .description('official 1EdTech schema files')
    .command('sync')
    .description('download the official Badge Connect and CLR 1.0 schema files into a local cache, with digests')
    .option('--source <base-url>', 'publisher base URL instead of https://purl.imsglobal.org/ (a mirror or stand-in)')
    .option('--cache <dir>', 'cache folder (default .cache/official-schemas)')
    .action(async (flags: { source?: string; cache?: string }) => {
      exitCode = await schemasSyncCommand(flags, say, (line) => process.stderr.write(`${line}\n`));
    });

  program
    .command('validate')
    .description('check CLRs, ClrSets, OB 2.0 documents (assertions, badge classes, issuers, endorsements, revocation lists, keys; baked PNG/SVG badges), Badge Connect manifests or CLR discovery documents (files or URLs)')
    .argument('<documents...>', 'files or URLs')
    .option('--type <kind>', `force the kind: ${DOCUMENT_KINDS.join(', ')} (default: detected)`)
    .option('--allow-network', 'fetch the documents a record refers to (keys, issuers, revocation lists, hosted copies)')
    .addOption(new Option('--resolve <prefix=dir>', 'serve URLs under a prefix from a local folder, repeatable').argParser(collect))
    .option('--out <dir>', 'run directory for events.jsonl and the reports')
    .addOption(reporterOption())
    .addOption(timeoutOption())
    .option('--at <date-time>', 'judge expiry and issue dates at this instant instead of now')
    .option('--schema-only', 'only the schema checks (no JSON-LD expansion, no verification)')
    .addOption(officialSchemasOption())
    .option('--progress', 'show a progress line on stderr even when it is not a terminal (at most one line a second); never with --quiet or --json')
    .addOption(quietOption())
    .addOption(jsonOption())
    .action(async (documents: string[], flags: ValidateFlags & OutputMode) => {
      const output = createOutput(flags);
      exitCode = await validateCommand(documents, flags, output.progress, new Date(), { output, env: process.env });
    });

  program
    .command('plans')
    .description('list plans and their scenarios')
    .action(async () => {
      const { PLANS, SCENARIOS } = await loadCatalog();
      for (const plan of PLANS.values()) {
        say(`${plan.id}: ${plan.title}`);
        for (const id of plan.scenarios) say(`  ${id}: ${SCENARIOS.get(id)?.title ?? '(missing)'}`);
      }
    });

  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Commander already printed its message; help and version are not errors.
      return err.exitCode === 0 ? 0 : 2;
    }
    if (err instanceof UsageError) {
      process.stderr.write(`conformance: ${err.message}\n`);
      return 2;
    }
    process.stderr.write(`conformance: suite error: ${err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  }
}

// A reader that closes early (`plans | head`) is not an error of ours: stop quietly, never with a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  process.stderr.write(`conformance: cannot write to standard output (${err.code ?? err.message})\n`);
  process.exit(2);
});

main(process.argv).then((code) => {
  process.exitCode = code;
});
