/**
 * The in-test consumer as a command, to drive the runner's --trigger path:
 *   node --import tsx test-consumer-cli.ts obc|clr <manifest> <discovery> <origin> [fault]…
 */
import { testConsumer, type TestFault } from './test-consumer.js';

const [family, manifest, discovery, origin, ...faults] = process.argv.slice(2);
if ((family !== 'obc' && family !== 'clr') || !manifest || !discovery || !origin) {
  process.stderr.write('usage: test-consumer-cli.ts obc|clr <manifest> <discovery> <origin> [fault]...\n');
  process.exit(2);
}
const run = testConsumer({ family, faults: faults as TestFault[] });
const { exitCode, lines } = await run({ manifest, discovery, origin }, new AbortController().signal);
for (const line of lines) process.stdout.write(`${line}\n`);
process.exit(exitCode);
