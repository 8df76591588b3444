/** The catalog, the scenarios and the plans agree with each other. */
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PLANS } from '../src/plans/index.js';
import { REQUIREMENTS, linkFor } from '../src/requirements/index.js';
import { SOURCES } from '../src/requirements/links.js';
import { ALL_SCENARIOS, SCENARIOS } from '../src/scenarios/index.js';

const SCENARIO_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../src/scenarios');

describe('requirement catalog', () => {
  it('has unique ids, known sources, a link and a one-line summary for every entry', () => {
    for (const r of REQUIREMENTS.values()) {
      expect(SOURCES[r.source], `${r.id}: unknown source ${r.source}`).toBeDefined();
      expect(linkFor(r.id), r.id).toMatch(/^https:\/\//);
      expect(r.summary.length, r.id).toBeGreaterThan(10);
      expect(r.summary, r.id).not.toContain('\n');
      expect(r.roles.length, r.id).toBeGreaterThan(0);
    }
  });
});

describe('scenarios', () => {
  it('have unique ids', () => {
    expect(new Set(ALL_SCENARIOS.map((s) => s.id)).size).toBe(ALL_SCENARIOS.length);
  });

  it('live in a file named after their id', () => {
    const files = new Set<string>();
    for (const sub of readdirSync(SCENARIO_DIR, { withFileTypes: true })) {
      if (!sub.isDirectory()) continue;
      for (const f of readdirSync(join(SCENARIO_DIR, sub.name))) files.add(f.replace(/\.ts$/, ''));
    }
    for (const s of ALL_SCENARIOS) expect(files.has(s.id), `no file for scenario ${s.id}`).toBe(true);
  });

  it('cite only requirements that exist in the catalog', () => {
    for (const s of ALL_SCENARIOS) {
      expect(s.requirements.length, s.id).toBeGreaterThan(0);
      for (const id of s.requirements) expect(REQUIREMENTS.has(id), `${s.id} cites unknown ${id}`).toBe(true);
    }
  });
});

describe('plans', () => {
  it('list only existing scenarios, each once', () => {
    for (const plan of PLANS.values()) {
      expect(new Set(plan.scenarios).size, plan.id).toBe(plan.scenarios.length);
      for (const id of plan.scenarios) expect(SCENARIOS.has(id), `${plan.id} lists unknown ${id}`).toBe(true);
    }
  });

  it('cover every MUST of the catalog that applies to their role, unless it is marked untestable', () => {
    for (const plan of PLANS.values()) {
      const cited = new Set(plan.scenarios.flatMap((id) => SCENARIOS.get(id)?.requirements ?? []));
      const missing = [...REQUIREMENTS.values()]
        // LRC- rules are enforced by the engine around every scenario, not cited by one.
        .filter((r) => r.level === 'MUST' && r.roles.includes(plan.role) && !r.untestable && r.source !== 'LRC')
        .filter((r) => !cited.has(r.id))
        .map((r) => r.id);
      expect(missing, `${plan.id} leaves MUSTs unchecked`).toEqual([]);
    }
  });
});
