import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { UsageError } from '../engine/errors.js';
import { consoleReporter } from './console.js';
import { githubReporter } from './github.js';
import { jsonReporter } from './json.js';
import { junitReporter } from './junit.js';
import { htmlReporter } from './html.js';
import { markdownReporter } from './markdown.js';
import type { Reporter } from './types.js';

/** Where the reporters that print lines (console, github) write them; stdout when not given. */
export interface ReporterContext {
  write?: (line: string) => void;
}

/** Built-in reporters by name. Any other name is taken as a module path whose default export is a Reporter. */
export const BUILT_IN_REPORTERS: Record<string, (ctx: ReporterContext) => Reporter> = {
  console: (ctx) => consoleReporter(ctx.write),
  github: (ctx) => githubReporter(ctx.write),
  json: () => jsonReporter,
  junit: () => junitReporter,
  html: () => htmlReporter,
  markdown: () => markdownReporter,
  md: () => markdownReporter,
};

export async function loadReporter(name: string, ctx: ReporterContext = {}): Promise<Reporter> {
  const builtIn = BUILT_IN_REPORTERS[name];
  if (builtIn) return builtIn(ctx);
  if (!/[\\/]|\.(m?[jt]s)$/.test(name)) {
    throw new UsageError(
      'unknown-reporter',
      `unknown reporter "${name}" (built in: ${Object.keys(BUILT_IN_REPORTERS).join(', ')}, or a module path)`,
    );
  }
  const path = isAbsolute(name) ? name : resolve(process.cwd(), name);
  let mod: { default?: unknown };
  try {
    mod = (await import(pathToFileURL(path).href)) as { default?: unknown };
  } catch (err) {
    throw new UsageError('reporter-load-failed', `cannot load reporter module ${name}: ${(err as Error).message.split('\n')[0]}`);
  }
  const r = mod.default as Partial<Reporter> | undefined;
  if (!r || typeof r !== 'object' || typeof r.name !== 'string' || (!r.finish && !r.onEvent)) {
    throw new UsageError('reporter-invalid', `reporter module ${name} has no default export with a name and finish() or onEvent()`);
  }
  return r as Reporter;
}

export type { Reporter };
