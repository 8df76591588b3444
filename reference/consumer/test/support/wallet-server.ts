/** Starts the wallet over a real socket on 127.0.0.1:0 for tests. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { listen } from '../../../shared/listen.js';
import { createApp, type WalletApp, type WalletOptions } from '../../src/app.js';

export interface RunningWallet {
  origin: string;
  app: WalletApp;
  close(): Promise<void>;
}

export async function startWallet(options: Partial<WalletOptions> = {}): Promise<RunningWallet> {
  let handler: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
  const server = await listen((req, res) => (handler ? handler(req, res) : res.writeHead(503).end()), '127.0.0.1', 0);
  const app = createApp({ origin: server.origin, database: ':memory:', logger: false, ...options });
  handler = app.handler as unknown as (req: IncomingMessage, res: ServerResponse) => void;
  return {
    origin: server.origin,
    app,
    async close() {
      await server.close();
      app.close();
    },
  };
}
