/**
 * The inline CSS and script of report.html. Everything is inline because the page must work from disk
 * or as a CI artifact, under a CSP that allows no network at all.
 */
import { OUTCOME_ORDER } from '../report/model.js';

export const CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";

// One hide rule per outcome: rows of other outcomes, and scenarios/plans that contain none of it.
const FILTER_RULES = OUTCOME_ORDER.map(
  (o) =>
    `body[data-filter="${o}"] [data-outcome]:not([data-outcome="${o}"]),` +
    `body[data-filter="${o}"] [data-has]:not([data-has~="${o}"]){display:none}`,
).join('\n');

export const CSS = `
:root{--fg:#1d2939;--muted:#667085;--line:#e4e7ec;--bg:#fff;--soft:#f9fafb;
--pass:#067647;--pass-bg:#ecfdf3;--fail:#b42318;--fail-bg:#fef3f2;--warning:#b54708;--warning-bg:#fffaeb;
--skip:#475467;--skip-bg:#f2f4f7;--error:#6941c6;--error-bg:#f4f3ff;--info:#175cd3;--info-bg:#eff8ff;
--incomplete:#475467;--incomplete-bg:#f2f4f7;--inconclusive:#93370d;--inconclusive-bg:#fef0c7}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
header.top{padding:20px 28px 12px;border-bottom:1px solid var(--line);background:var(--soft)}
main{padding:8px 28px 40px;max-width:1400px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px}h3{font-size:15px;margin:18px 0 6px;color:#344054}
h4{font-size:13px;margin:12px 0 4px;color:#344054}
.meta{color:var(--muted);margin:0 0 10px}.meta span+span:before{content:" · "}
.verdict{display:inline-block;font-weight:700;font-size:16px;padding:4px 14px;border-radius:6px;margin-right:10px}
.why{color:#344054}
.badge{display:inline-block;min-width:54px;text-align:center;font-size:12px;font-weight:600;padding:1px 8px;border-radius:10px;border:1px solid currentColor;white-space:nowrap}
${['pass', 'fail', 'warning', 'skip', 'error', 'info', 'incomplete', 'inconclusive']
  .map((o) => `.o-${o}{color:var(--${o});background:var(--${o}-bg)}`)
  .join('\n')}
nav.filters{margin-top:12px;display:flex;gap:6px;flex-wrap:wrap;align-items:center}
nav.filters button{font:inherit;font-size:13px;padding:3px 12px;border-radius:14px;border:1px solid var(--line);background:#fff;cursor:pointer;color:var(--fg)}
nav.filters button[aria-pressed="true"]{background:#1d2939;color:#fff;border-color:#1d2939}
nav.filters .label{color:var(--muted);margin-right:4px}
table{border-collapse:collapse;width:100%;margin:6px 0 10px}
th,td{text-align:left;vertical-align:top;padding:6px 8px;border-bottom:1px solid var(--line)}
th{font-size:12px;text-transform:uppercase;letter-spacing:.03em;color:var(--muted);background:var(--soft)}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.small{font-size:12px;color:var(--muted)}
code,pre{font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
pre{background:var(--soft);border:1px solid var(--line);border-radius:4px;padding:8px;margin:4px 0;white-space:pre-wrap;word-break:break-word;max-height:480px;overflow:auto}
.notice{padding:6px 10px;border-left:4px solid var(--warning);background:var(--warning-bg);margin:6px 0}
.notice.error{border-color:var(--fail);background:var(--fail-bg)}.notice.info{border-color:var(--info);background:var(--info-bg)}
details.scenario{border:1px solid var(--line);border-radius:6px;margin:8px 0;background:#fff}
details.scenario>summary{padding:8px 12px;cursor:pointer;display:flex;gap:10px;align-items:baseline;flex-wrap:wrap}
details.scenario[open]>summary{border-bottom:1px solid var(--line);background:var(--soft)}
.scenario-body{padding:4px 12px 10px}
.sid{color:var(--muted);font-size:12px}
.reason{margin:6px 0;color:#344054}
tr.step td:first-child{color:var(--muted);width:28px}
.msg{white-space:pre-wrap;word-break:break-word}
.blocked{margin-top:4px;padding:2px 6px;border-left:3px solid var(--inconclusive);background:var(--inconclusive-bg)}
details.evidence>summary,details.http>summary{cursor:pointer;color:#344054;font-size:12px}
details.http>summary code{word-break:break-all}
details.http{border:1px solid var(--line);border-radius:4px;margin:4px 0;padding:4px 8px}
.exchange{display:grid;grid-template-columns:1fr 1fr;gap:8px}
@media (max-width:900px){.exchange{grid-template-columns:1fr}}
a{color:#175cd3}a.req{font-family:ui-monospace,monospace;font-size:12px}
.reqs td:first-child{width:230px;word-break:break-word}.reqs td:last-child a{white-space:nowrap}
.unknown{font-family:ui-monospace,monospace;font-size:12px}
.tag{font-size:11px;color:var(--muted);border:1px dashed var(--line);padding:0 4px;border-radius:3px}
${FILTER_RULES}
@media print{
  nav.filters{display:none}
  header.top{background:none;padding:0 0 8px}
  main{padding:0;max-width:none}
  body{font-size:11px}
  *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
  details::details-content{content-visibility:visible;display:contents}
  details.scenario{break-inside:auto;border:none;border-top:1px solid var(--line);border-radius:0}
  tr{break-inside:avoid}
  pre{max-height:none;overflow:visible}
  a{color:inherit;text-decoration:none}
  section.plan{break-before:page} /* the overview stays on page one; each plan starts a page */
}
`;

/** Filter buttons, opening of deep-linked sections, and expanding everything before printing. */
export const SCRIPT = `
(function () {
  var buttons = document.querySelectorAll('button[data-filter]');
  function apply(f) {
    if (f === 'all') document.body.removeAttribute('data-filter');
    else document.body.setAttribute('data-filter', f);
    buttons.forEach(function (b) { b.setAttribute('aria-pressed', String(b.getAttribute('data-filter') === f)); });
    if (f !== 'all') {
      document.querySelectorAll('details.scenario').forEach(function (d) {
        if ((' ' + d.getAttribute('data-has') + ' ').indexOf(' ' + f + ' ') >= 0) d.open = true;
      });
    }
  }
  buttons.forEach(function (b) {
    b.addEventListener('click', function () { apply(b.getAttribute('data-filter')); });
  });
  function reveal(id) {
    var el = id && document.getElementById(id);
    for (var n = el; n; n = n.parentElement) if (n.tagName === 'DETAILS') n.open = true;
  }
  document.addEventListener('click', function (ev) {
    var a = ev.target && ev.target.closest ? ev.target.closest('a[href^="#"]') : null;
    if (a) reveal(a.getAttribute('href').slice(1));
  });
  window.addEventListener('hashchange', function () { reveal(location.hash.slice(1)); });
  window.addEventListener('beforeprint', function () {
    document.querySelectorAll('details').forEach(function (d) { d.open = true; });
  });
  reveal(location.hash.slice(1));
})();
`;
