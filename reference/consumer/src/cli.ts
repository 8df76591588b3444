/**
 * Headless wallet for the conformance runner's consumer plans:
 *   node --import tsx reference/consumer/src/cli.ts sync <manifest-or-discovery-URL>
 *     [--data-dir DIR|memory] [--fault NAME]… [--timeout SECONDS] [--send FILE] [--no-verify]
 * Runs the same client code as the web wallet; exit 0 = synced, 1 = the provider refused or failed, 2 = usage.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DEFAULT_SYNC_TIMEOUT_SECONDS } from './defaults.js';
import { CONSUMER_FAULT_NAMES } from './faults.js';
import { runSync, type SyncCommand } from './headless.js';

const USAGE = `usage: cli.ts sync <manifest-or-discovery-URL> [--data-dir DIR|memory] [--fault NAME]... [--timeout SECONDS] [--send FILE] [--no-verify]
faults: ${CONSUMER_FAULT_NAMES.join(', ')}`;

function usage(message: string): never {
  process.stderr.write(`sync: ${message}\n${USAGE}\n`);
  process.exit(2);
}

function parse(argv: string[]): SyncCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        'data-dir': { type: 'string' },
        fault: { type: 'string', multiple: true },
        timeout: { type: 'string' },
        send: { type: 'string' },
        'no-verify': { type: 'boolean' },
        help: { type: 'boolean' },
      },
    });
  } catch (err) {
    usage((err as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  if (positionals[0] !== 'sync') usage(positionals[0] ? `unknown command "${positionals[0]}"` : 'missing command');
  if (positionals.length !== 2) usage('give exactly one manifest or discovery URL');
  const faults = values.fault ?? [];
  const unknown = faults.filter((f) => !(CONSUMER_FAULT_NAMES as string[]).includes(f));
  if (unknown.length) usage(`unknown fault(s): ${unknown.join(', ')}`);
  const timeout = values.timeout === undefined ? DEFAULT_SYNC_TIMEOUT_SECONDS : Number(values.timeout);
  if (!Number.isFinite(timeout) || timeout <= 0 || timeout > 3600) usage('--timeout must be a number of seconds from 1 to 3600');
  let send: string | undefined;
  if (values.send !== undefined) {
    try {
      send = readFileSync(values.send, 'utf8');
    } catch (err) {
      usage(`cannot read --send file: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
  }
  return {
    url: positionals[1] as string,
    dataDir: values['data-dir'] ?? 'memory',
    faults,
    timeoutSeconds: timeout,
    ...(send !== undefined ? { send } : {}),
    verify: !values['no-verify'],
  };
}

const command = parse(process.argv.slice(2));
const { code, lines } = await runSync(command);
for (const line of lines) process.stdout.write(`${line}\n`);
process.exit(code);
