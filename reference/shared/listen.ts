import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Starts an HTTP handler on host:port (port 0 picks a free one) and resolves with its origin. */
export async function listen(
  handler: (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void,
  host: string,
  port: number,
): Promise<{ server: Server; origin: string; close: () => Promise<void> }> {
  const { createServer } = await import('node:http');
  const server = createServer(handler);
  server.headersTimeout = 15_000;
  server.requestTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const addr = server.address() as AddressInfo;
  const hostPart = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  const origin = `http://${hostPart}:${addr.port}`;
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return { server, origin, close };
}

/** On SIGINT or SIGTERM: stop accepting connections, close the app (its database), exit 0. */
export function stopOnSignals(server: { close: () => Promise<void> }, app: { close: () => void }): void {
  const stop = () => {
    void server.close().then(() => {
      app.close();
      process.exit(0);
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** Runs a server's main; a start-up failure is one line on stderr and exit 1, never a stack trace. */
export function runMain(main: () => Promise<void>): void {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
