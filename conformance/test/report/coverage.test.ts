/**
 * The coverage guard: every MUST of the catalog is cited by a scenario, checked by the engine, or
 * declared untestable with a reason. The guard is shown to bite by removing a scenario.
 */
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/engine/scenario.js';
import { PLANS } from '../../src/plans/index.js';
import { citingScenarios, engineCheckedRequirements, uncoveredMusts } from '../../src/report/coverage.js';
import { renderRequirementsMd } from '../../src/report/requirements-md.js';
import { REQUIREMENTS } from '../../src/requirements/index.js';
import type { Requirement } from '../../src/requirements/types.js';
import { ALL_SCENARIOS } from '../../src/scenarios/index.js';

const catalog = [...REQUIREMENTS.values()];

describe('requirement coverage', () => {
  it('finds the requirements the engine checks by itself by running it', async () => {
    expect(await engineCheckedRequirements()).toEqual(['LRC-RUN-TIMEOUT']);
  });

  it('leaves no MUST unchecked unless it is untestable with a reason', async () => {
    const missing = uncoveredMusts(catalog, ALL_SCENARIOS, await engineCheckedRequirements());
    expect(missing.map((r) => r.id), 'MUSTs no scenario checks').toEqual([]);
  });

  it('fails when a scenario that alone checks a MUST is removed', async () => {
    const cited = citingScenarios(ALL_SCENARIOS);
    const sole = catalog.find((r) => r.level === 'MUST' && cited.get(r.id)?.length === 1);
    expect(sole, 'some MUST is checked by exactly one scenario').toBeDefined();
    const scenarioId = cited.get(sole!.id)![0]!;
    const without = ALL_SCENARIOS.filter((s) => s.id !== scenarioId);
    expect(uncoveredMusts(catalog, without, await engineCheckedRequirements()).map((r) => r.id)).toContain(sole!.id);
  });

  it('accepts untestable only with a reason', () => {
    const base: Requirement = { id: 'X-1', source: 'LRC', section: 'x', level: 'MUST', summary: 'Something no scenario checks.', roles: ['obc-service-provider-read'], provenance: 'reconstruction' };
    const none: Scenario[] = [];
    expect(uncoveredMusts([base], none)).toHaveLength(1);
    expect(uncoveredMusts([{ ...base, untestable: '  ' }], none)).toHaveLength(1);
    expect(uncoveredMusts([{ ...base, untestable: 'needs a human at the consent screen' }], none)).toHaveLength(0);
    expect(uncoveredMusts([{ ...base, level: 'SHOULD' }], none)).toHaveLength(0);
  });
});

describe('REQUIREMENTS.md', () => {
  it('lists each requirement with its link, the scenarios that check it, and one matrix per plan', async () => {
    const text = renderRequirementsMd({ requirements: catalog, scenarios: ALL_SCENARIOS, plans: [...PLANS.values()], engineChecked: await engineCheckedRequirements() });
    expect(text).not.toContain('## Not covered');
    for (const r of catalog) expect(text, r.id).toContain(`| ${r.level} |`);
    const manifest = REQUIREMENTS.get('OBC21-MANIFEST');
    if (manifest) expect(text).toContain('[OBC21-MANIFEST](https://www.imsglobal.org/spec/ob/v2p1/#manifest)');
    for (const plan of PLANS.values()) expect(text).toContain(`## Matrix: ${plan.title} (\`${plan.id}\`)`);
    expect(text).toMatch(/\| LRC-RUN-TIMEOUT \| MUST \| ● \|/);
  });

  it('flags an unchecked MUST and escapes table cells', () => {
    const r: Requirement = { id: 'X-1', source: 'LRC', section: 'x', level: 'MUST', summary: 'a | b', roles: ['obc-service-provider-read'], provenance: 'spec-text' };
    const plan = { id: 'p', title: 'P', summary: 's', role: 'obc-service-provider-read' as const, scenarios: [] };
    const text = renderRequirementsMd({ requirements: [r], scenarios: [], plans: [plan], engineChecked: [] });
    expect(text).toContain('## Not covered');
    expect(text).toContain('a \\| b');
    expect(text).toContain('| X-1 **(not checked)** | MUST |');
  });
});
