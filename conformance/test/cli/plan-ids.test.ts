// The CLI names plans from a static list so it need not load every scenario at start; it must match the plans.
import { describe, expect, it } from 'vitest';
import { PLANS } from '../../src/plans/index.js';
import { PLAN_IDS } from '../../src/plans/ids.js';

describe('PLAN_IDS', () => {
  it('lists every plan, in the order of PLANS', () => {
    expect([...PLAN_IDS]).toEqual([...PLANS.keys()]);
  });
});
