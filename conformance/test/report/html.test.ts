/** report.html as text: self-contained, escaped, led by the verdict, unknown requirement ids tolerated. */
import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../src/engine/events.js';
import type { RequirementLookup } from '../../src/report/catalog.js';
import { renderHtml } from '../../src/reporters/html.js';
import { sampleEvents } from '../reporters/fixtures.js';

const lookup: RequirementLookup = (id) =>
  id === 'OBC21-X'
    ? { id, known: true, level: 'MUST', summary: 'Status is <200>', url: 'https://spec.example.com/#x', source: 'OBC21', sourceTitle: 'Spec', provenance: 'spec-text', order: 0 }
    : { id, known: false, order: Number.MAX_SAFE_INTEGER };

function withHostileText(): RunEvent[] {
  const events = sampleEvents();
  const hostile = '</script><script>alert(1)</script><img src=x onerror=alert(2)>';
  return events.map((e) =>
    e.type === 'check' && e.scenarioId === 'b'
      ? { ...e, message: hostile, evidence: { got: hostile }, httpIds: ['h1'] }
      : e.type === 'http'
        ? { ...e, request: { ...e.request, headers: { authorization: 'Bearer [redacted]' }, body: '{"a":"<b>"}' } }
        : e,
  );
}

describe('report.html', () => {
  const html = renderHtml(withHostileText(), lookup);

  it('carries a strict CSP and loads nothing from outside the file', () => {
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"`);
    expect(html).not.toMatch(/<link\b|<script[^>]+src=|<img\b|url\(|@import/i);
    expect(html.match(/<script>/g)).toHaveLength(1);
  });

  it('escapes every string from the events', () => {
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Scenario &lt;A&gt; &amp; &quot;quotes&quot;');
    expect(html).toContain('Status is &lt;200&gt;');
    expect(html).not.toContain('\u0001');
  });

  it('leads with the verdict, then plans, requirements and scenarios in that order', () => {
    const at = (s: string) => html.indexOf(s);
    expect(at('class="verdict o-fail">FAIL')).toBeGreaterThan(0);
    expect(at('1 MUST check failed.')).toBeGreaterThan(at('FAIL'));
    expect(at('<h2>Plans</h2>')).toBeGreaterThan(at('FAIL'));
    expect(at('<h3>Requirements</h3>')).toBeGreaterThan(at('<h2>Plans</h2>'));
    expect(at('<h3>Scenarios (3)</h3>')).toBeGreaterThan(at('<h3>Requirements</h3>'));
  });

  it('links known requirements and marks unknown ones without failing', () => {
    expect(html).toContain('<a class="req" href="https://spec.example.com/#x"');
    expect(html).toMatch(/<span class="unknown"[^>]*>OBC21-Z<\/span>/);
    expect(html).toContain('not in catalog');
    // A requirement's verdict is the worst outcome of its checks.
    expect(html).toMatch(/<tr data-outcome="fail"><td><span class="unknown"[^>]*>OBC21-Z/);
    expect(html).toMatch(/<tr data-outcome="warning"><td><span class="unknown"[^>]*>OBC21-Y/);
  });

  it('shows steps with expected and actual, evidence, and linked HTTP exchanges', () => {
    expect(html).toContain('Check (expected)');
    expect(html).toContain('Result (actual)');
    expect(html).toContain('<summary>evidence</summary>');
    expect(html).toMatch(/<a href="#p0-s\d-h0">GET \/x<\/a>/);
    expect(html).toContain('id="p0-s0-h0"');
    expect(html).toContain('authorization: Bearer [redacted]');
    expect(html).toContain('&quot;a&quot;: &quot;&lt;b&gt;&quot;');
  });

  it('offers a filter per outcome present and tags rows and scenarios for it', () => {
    for (const o of ['fail', 'warning', 'pass', 'skip']) expect(html).toContain(`data-filter="${o}"`);
    expect(html).not.toContain('<button type="button" data-filter="error"');
    expect(html).toContain('data-has="warning pass"');
    expect(html).toContain('data-has="skip"');
    expect(html).toContain('@media print');
  });

  it('renders an aborted run as incomplete', () => {
    const partial = renderHtml(sampleEvents().slice(0, 6), lookup);
    expect(partial).toContain('INCOMPLETE');
    expect(partial).toContain('badge o-incomplete');
  });
});
