// A local stand-in for the 1EdTech publisher: a real HTTP server on 127.0.0.1 serving the official files
// (spec-data, or the sync cache: test/support/environment.ts) under their purl paths, with per-path
// overrides to simulate a missing (404) or corrupted file.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OfficialData } from '../../../test/support/environment.js';

/** The spec-data folders the publisher serves: every file `schemas sync` downloads. */
export const SCHEMA_FOLDERS = ['ob/v2p1/schema/json/', 'clr/v1p0/schema/json/'];
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CLI = path.join(ROOT, 'conformance/src/cli.ts');

/** purl path prefix -> spec-data folder. */
const MOUNTS: [string, string][] = [
  ['/spec/ob/v2p1/schema/json/', 'ob/v2p1/schema/json/'],
  ['/spec/clr/v1p0/schema/json/', 'clr/v1p0/schema/json/'],
];

export interface Publisher {
  base: string;
  requests: string[];
  /** Path -> replacement: a status code, or a body served with 200. */
  overrides: Map<string, number | string>;
  close(): Promise<void>;
}

export async function startPublisher(official: OfficialData): Promise<Publisher> {
  const requests: string[] = [];
  const overrides = new Map<string, number | string>();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(url.pathname);
    const override = overrides.get(url.pathname);
    if (typeof override === 'number') return void res.writeHead(override).end();
    if (typeof override === 'string') return void res.writeHead(200, { 'content-type': 'application/json' }).end(override);
    const mount = MOUNTS.find(([prefix]) => url.pathname.startsWith(prefix));
    const file = mount ? official.file(`${mount[1]}${path.basename(url.pathname)}`) : undefined;
    if (!file || !existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/schema+json' }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}/`,
    requests,
    overrides,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The official file standing for a purl path. */
export function specDataFile(official: OfficialData, purlPath: string): string {
  const mount = MOUNTS.find(([prefix]) => `/${purlPath}`.startsWith(prefix))!;
  return official.file(`${mount[1]}${path.basename(purlPath)}`);
}

/** Runs the CLI as a child process (asynchronously, so the in-process publisher keeps answering). */
export function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
