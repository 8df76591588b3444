/** Page frame: inline CSS allowed by hash, no scripts, images only from connected providers. */
import { createHash } from 'node:crypto';
import type { Response } from 'express';
import { WALLET_NAME } from '../defaults.js';

export function esc(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const CSS = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;background:#f3f4f8;color:#1d2330}
header{background:#17335c;color:#fff}
header .bar{max-width:68rem;margin:0 auto;padding:.8rem 1.5rem;display:flex;align-items:center;gap:1rem}
header a.brand{color:#fff;text-decoration:none;font-weight:700;font-size:1.1rem;display:flex;align-items:center;gap:.6rem}
header .spacer{flex:1}
header form{margin:0}
header button{margin:0;background:transparent;border-color:#8fa6cc;color:#fff;padding:.35rem .9rem}
main{max-width:68rem;margin:1.5rem auto;padding:0 1.5rem}
main.narrow{max-width:34rem;margin-top:3rem}
code{overflow-wrap:anywhere;font-size:.85em}
.provider h1{font-size:1.25rem;margin:0 0 .3rem}
h1{font-size:1.5rem;margin:.5rem 0 1rem}
h2{font-size:1.15rem;margin:2rem 0 .75rem}
h3{font-size:1rem;margin:1rem 0 .4rem}
a{color:#2456c7}
.card{background:#fff;border-radius:12px;box-shadow:0 1px 8px rgba(20,30,60,.08);padding:1.25rem 1.5rem;margin-bottom:1rem}
.card>h2:first-child,.card>h3:first-child{margin-top:0}
label{display:block;margin:.75rem 0 .25rem;font-weight:600}
input[type=text],input[type=password],input[type=url],select{width:100%;padding:.6rem;border:1px solid #c5c9d3;border-radius:6px;font:inherit;background:#fff}
button{font:inherit;padding:.55rem 1.1rem;border-radius:6px;border:1px solid #2456c7;background:#2456c7;color:#fff;cursor:pointer;margin:.75rem .5rem 0 0}
a.button{display:inline-block;padding:.55rem 1.1rem;border-radius:6px;background:#2456c7;color:#fff;text-decoration:none;margin-top:.75rem}
button.secondary{background:#fff;color:#2456c7}
button.danger{background:#fff;color:#b3261e;border-color:#b3261e}
.row{display:flex;gap:.75rem;align-items:flex-end;flex-wrap:wrap}
.row .grow{flex:1;min-width:16rem}
.row button{margin-top:0}
.muted{color:#5b6270;font-size:.9rem}
.notice{background:#e7f4ea;border:1px solid #9ccfa8;color:#1d5b2c;padding:.7rem 1rem;border-radius:8px;margin-bottom:1rem}
.error{background:#fdecea;border:1px solid #f0a9a3;color:#8c1d18;padding:.7rem 1rem;border-radius:8px;margin-bottom:1rem}
.providers{display:grid;grid-template-columns:repeat(auto-fill,minmax(19rem,1fr));gap:1rem}
.provider{display:flex;gap:.9rem;align-items:flex-start}
.provider img,.logo{width:48px;height:48px;border-radius:10px;background:#eef0f4;object-fit:contain;flex:none}
.provider form{display:inline}
.provider button{margin:.5rem .4rem 0 0;padding:.35rem .8rem;font-size:.9rem}
.kind{display:inline-block;font-size:.75rem;font-weight:700;letter-spacing:.03em;text-transform:uppercase;color:#17335c;background:#e3eaf7;border-radius:4px;padding:.05rem .4rem}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(15rem,1fr));gap:1rem}
a.record{display:block;background:#fff;border-radius:12px;box-shadow:0 1px 8px rgba(20,30,60,.08);padding:1rem;text-decoration:none;color:inherit;border:2px solid transparent}
a.record:hover,a.record:focus{border-color:#2456c7}
a.record .top{display:flex;gap:.75rem;align-items:center}
a.record img,a.record .placeholder{width:56px;height:56px;border-radius:50%;flex:none;background:#e3eaf7;object-fit:contain}
a.record strong{display:block;line-height:1.25}
.status{display:inline-block;font-size:.8rem;font-weight:700;border-radius:999px;padding:.1rem .6rem;margin-top:.6rem}
.status.verified{background:#e1f3e5;color:#1d6b34}
.status.signature-invalid,.status.invalid{background:#fdecea;color:#a12a20}
.status.revoked{background:#fff1db;color:#8a4b00}
.status.unverifiable{background:#eceef2;color:#4a5160}
.detail{display:flex;gap:1.5rem;align-items:flex-start;flex-wrap:wrap}
.detail>img{width:128px;height:128px;border-radius:50%;background:#e3eaf7}
.detail .body{flex:1;min-width:18rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.3rem 1rem;margin:.5rem 0}
dt{font-weight:600;color:#4a5160}
dd{margin:0;overflow-wrap:anywhere}
ul.plain{padding-left:1.2rem;margin:.3rem 0}
table{width:100%;border-collapse:collapse;font-size:.92rem}
td,th{text-align:left;padding:.45rem .5rem;border-bottom:1px solid #e3e5ea;vertical-align:top}
td.outcome{font-weight:700;white-space:nowrap}
td.pass{color:#1d6b34}td.fail{color:#a12a20}td.unverifiable{color:#4a5160}
pre{background:#f6f7f9;border-radius:8px;padding:.75rem;overflow:auto;font-size:.8rem;max-height:24rem}
footer{max-width:68rem;margin:2rem auto;padding:0 1.5rem;color:#5b6270;font-size:.85rem}
`;

const STYLE_HASH = createHash('sha256').update(CSS, 'utf8').digest('base64');

export interface PageOptions {
  title: string;
  body: string;
  narrow?: boolean;
  /** Sign-out button needs the session's CSRF token. */
  csrf?: string;
  /** Origins images may come from (connected providers: badge images and logos). */
  imageOrigins?: string[];
  /** Origins a form on the page may lead to (adding a provider redirects to its authorization server). */
  formTargets?: string[];
}

const LOGO = `<svg width="28" height="28" viewBox="0 0 64 64" aria-hidden="true"><rect width="64" height="64" rx="14" fill="#f5c518"/><path d="M14 22h36v24H14z" fill="#17335c"/><path d="M14 22l18-8 18 8" fill="#2456c7"/><circle cx="42" cy="34" r="4" fill="#f5c518"/></svg>`;

function csp(o: PageOptions): string {
  const img = ["'self'", ...(o.imageOrigins ?? [])].join(' ');
  return [
    "default-src 'none'",
    `style-src 'sha256-${STYLE_HASH}'`,
    `img-src ${img}`,
    `form-action 'self' ${(o.formTargets ?? []).join(' ')}`.trim(),
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; ');
}

export function sendPage(res: Response, status: number, o: PageOptions): void {
  const signOut = o.csrf
    ? `<form method="post" action="/logout"><input type="hidden" name="csrf" value="${esc(o.csrf)}"><button type="submit">Sign out</button></form>`
    : '';
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${esc(o.title)} · ${esc(WALLET_NAME)}</title>
<style>${CSS}</style>
</head>
<body>
<header><div class="bar"><a class="brand" href="/">${LOGO}${esc(WALLET_NAME)}</a><span class="spacer"></span>${signOut}</div></header>
<main${o.narrow ? ' class="narrow"' : ''}>
${o.body}
</main>
<footer><a href="/about">About</a> · <a href="/terms">Terms</a> · <a href="/privacy">Privacy</a></footer>
</body>
</html>
`;
  res.status(status);
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Content-Security-Policy', csp(o));
  res.setHeader('Cache-Control', 'no-store');
  res.send(html);
}

export const WALLET_LOGO_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512" viewBox="0 0 64 64"><title>${WALLET_NAME}</title><rect width="64" height="64" rx="14" fill="#f5c518"/><path d="M14 22h36v24H14z" fill="#17335c"/><path d="M14 22l18-8 18 8" fill="#2456c7"/><circle cx="42" cy="34" r="4" fill="#f5c518"/></svg>`;
