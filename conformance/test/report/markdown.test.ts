/** report.md: short, verdict first, failures with requirement links, safe to paste into a PR comment. */
import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../src/engine/events.js';
import type { RequirementLookup } from '../../src/report/catalog.js';
import { md, renderMarkdown } from '../../src/reporters/markdown.js';
import { sampleEvents } from '../reporters/fixtures.js';

const lookup: RequirementLookup = (id) =>
  id === 'OBC21-Z'
    ? { id, known: true, level: 'MUST', summary: 's', url: 'https://spec.example.com/a(b)#z', order: 0 }
    : { id, known: false, order: Number.MAX_SAFE_INTEGER };

describe('report.md', () => {
  const text = renderMarkdown(sampleEvents(), lookup);

  it('leads with the verdict and a table per plan', () => {
    expect(text.split('\n')[0]).toBe('## ❌ FAIL — https://p.example.com');
    expect(text).toContain('| Read (`obc-provider-read`) | fail | 1 fail, 1 pass, 1 skip | 1 fail, 1 warning, 1 pass |');
    expect(text).toContain('**Checks:** 1 fail, 1 warning, 1 pass');
  });

  it('lists failures with linked requirements and warnings apart', () => {
    expect(text).toContain('### Failures (1)');
    expect(text).toContain('- [OBC21-Z](https://spec.example.com/a%28b%29#z) MUST — **status** (`obc-provider-read` / `b` / `ensure-status`): status 500, expected 200 ');
    expect(text).toContain('### Warnings (1)');
    expect(text).toContain('- `OBC21-Y` SHOULD — **extra** (`obc-provider-read` / `a` / `ensure-no-unknown-properties`): extra property /foo');
    expect(text).toContain('Skipped scenarios (1)');
  });

  it('caps long lists so a PR comment stays short', () => {
    const many: RunEvent[] = sampleEvents();
    const fail = many.find((e) => e.type === 'check' && e.outcome === 'fail')!;
    many.splice(10, 0, ...Array.from({ length: 30 }, () => fail));
    const out = renderMarkdown(many, lookup);
    expect(out).toContain('### Failures (31)');
    expect(out).toContain('- … and 11 more in report.html');
  });

  it('escapes Markdown and HTML in event text', () => {
    expect(md('a|b <script> *x* [l](u) `c`\nnext')).toBe('a\\|b \\<script\\> \\*x\\* \\[l\\](u) \\`c\\` next');
  });

  it('says a suite error is not a verdict on the implementation', () => {
    const events = sampleEvents().map((e) => (e.type === 'run-end' ? { ...e, exitCode: 2 as const, suiteError: true } : e));
    expect(renderMarkdown(events, lookup)).toContain('## ⚠️ SUITE ERROR');
  });
});
