/**
 * The judge must not share code with the judged: conformance/ never imports reference/, the reference
 * apps never import each other, schemas/ imports nothing of ours, verification/ (shared by both sides)
 * imports only schemas/. Tests and scripts are exempt.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of entries) {
    if (name === 'node_modules' || name === 'test') continue;
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...sourceFiles(full));
    else if (/\.(ts|js|mjs|cjs)$/.test(name)) out.push(full);
  }
  return out;
}

/** Every relative module specifier in a file: static imports, re-exports and dynamic imports. */
export function importsOf(text: string): string[] {
  const specs: string[] = [];
  const patterns = [/\bfrom\s+['"]([^'"]+)['"]/g, /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g, /^\s*import\s+['"]([^'"]+)['"]/gm];
  for (const re of patterns) for (const m of text.matchAll(re)) if (m[1]) specs.push(m[1]);
  return specs.filter((s) => s.startsWith('.'));
}

/** The top-level area a repository path belongs to: 'schemas', 'conformance', 'reference/<app>'. */
function areaOf(path: string): string {
  const parts = relative(ROOT, path).split(sep);
  return parts[0] === 'reference' ? `reference/${parts[1]}` : (parts[0] ?? '');
}

function allowed(from: string, to: string): boolean {
  if (from === to) return true;
  if (from === 'schemas') return false;
  if (from === 'verification') return to === 'schemas';
  if (from === 'conformance') return to === 'schemas' || to === 'verification';
  if (from.startsWith('reference/')) return to === 'schemas' || to === 'verification' || to === 'reference/shared';
  return true;
}

export function violations(files: string[]): string[] {
  const bad: string[] = [];
  for (const file of files) {
    const from = areaOf(file);
    for (const spec of importsOf(readFileSync(file, 'utf8'))) {
      const to = areaOf(resolve(dirname(file), spec));
      if (!allowed(from, to)) bad.push(`${relative(ROOT, file)} imports ${spec} (${from} → ${to})`);
    }
  }
  return bad;
}

describe('import rules between folders', () => {
  const files = ['conformance', 'schemas', 'reference', 'verification'].flatMap((d) => sourceFiles(join(ROOT, d)));

  it('finds the source files it guards', () => {
    expect(files.some((f) => f.includes(`${sep}conformance${sep}src${sep}`))).toBe(true);
    expect(files.some((f) => f.includes(`${sep}verification${sep}src${sep}`))).toBe(true);
  });

  it('has no forbidden import anywhere', () => {
    expect(violations(files)).toEqual([]);
  });

  it('detects a forbidden import (the rule can fail)', () => {
    const fake = join(ROOT, 'conformance', 'src', 'fake.ts');
    const spec = '../../reference/provider/src/app.js';
    expect(importsOf(`import { x } from '${spec}';`)).toEqual([spec]);
    expect(allowed(areaOf(fake), areaOf(resolve(dirname(fake), spec)))).toBe(false);
    expect(allowed('reference/provider', 'reference/auth-server')).toBe(false);
    expect(allowed('reference/provider', 'reference/shared')).toBe(true);
    expect(allowed('schemas', 'conformance')).toBe(false);
    expect(allowed('conformance', 'schemas')).toBe(true);
  });

  it('lets verification/ import only schemas/, and both sides import verification/ (the rule can fail)', () => {
    const lib = join(ROOT, 'verification', 'src', 'fake.ts');
    for (const spec of ['../../conformance/src/cli.js', '../../reference/provider/src/app.js', '../../reference/shared/clock.js']) {
      expect(allowed(areaOf(lib), areaOf(resolve(dirname(lib), spec)))).toBe(false);
    }
    expect(allowed(areaOf(lib), areaOf(resolve(dirname(lib), '../../schemas/src/registry.js')))).toBe(true);
    expect(allowed(areaOf(lib), areaOf(resolve(dirname(lib), './result.js')))).toBe(true);
    expect(allowed('schemas', 'verification')).toBe(false);
    expect(allowed('conformance', 'verification')).toBe(true);
    expect(allowed('reference/provider', 'verification')).toBe(true);
    expect(allowed('reference/auth-server', 'verification')).toBe(true);
  });
});
