import { createHash } from 'node:crypto';
import type { Response } from 'express';

/** Escapes text for HTML element content and double-quoted attribute values. */
export function esc(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const CSS = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;background:#f4f5f7;color:#1d2330}
main{max-width:28rem;margin:4rem auto;padding:2rem;background:#fff;border-radius:12px;box-shadow:0 2px 12px rgba(0,0,0,.08)}
main.wide{max-width:44rem}
h1{font-size:1.4rem;margin:0 0 1rem}
p{margin:.5rem 0}
label{display:block;margin:1rem 0 .25rem;font-weight:600}
input[type=text],input[type=password]{width:100%;padding:.6rem;border:1px solid #c5c9d3;border-radius:6px;font:inherit}
button{font:inherit;padding:.6rem 1.2rem;border-radius:6px;border:1px solid #2456c7;background:#2456c7;color:#fff;cursor:pointer;margin:1rem .5rem 0 0}
button.secondary{background:#fff;color:#2456c7}
button.danger{background:#fff;color:#b3261e;border-color:#b3261e;margin:0}
.client{display:flex;gap:1rem;align-items:center;margin-bottom:1rem}
.client img{width:64px;height:64px;border-radius:8px;object-fit:contain;background:#eef0f4}
ul.scopes{padding-left:1.2rem}
.muted{color:#5b6270;font-size:.9rem}
.error{color:#b3261e;font-weight:600}
table{width:100%;border-collapse:collapse}
td,th{text-align:left;padding:.5rem;border-bottom:1px solid #e3e5ea;vertical-align:top}
form.inline{display:inline}
`;

const STYLE_HASH = createHash('sha256').update(CSS, 'utf8').digest('base64');

export interface PageOptions {
  title: string;
  body: string;
  wide?: boolean;
  /** Origins a form on this page may end up at (the consent form redirects to the client). */
  formTargets?: string[];
  /** Allow images from https (and loopback http) origins: client logos. */
  images?: boolean;
}

/** Pages have no scripts; the inline style is allowed by its hash, nothing else loads. */
function contentSecurityPolicy(options: PageOptions): string {
  const formAction = ["'self'", ...(options.formTargets ?? [])].join(' ');
  const img = options.images ? 'https: http://localhost:* http://127.0.0.1:* http://[::1]:*' : "'none'";
  return [
    "default-src 'none'",
    `style-src 'sha256-${STYLE_HASH}'`,
    `img-src ${img}`,
    `form-action ${formAction}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; ');
}

export function sendPage(res: Response, status: number, options: PageOptions): void {
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<title>${esc(options.title)}</title>
<style>${CSS}</style>
</head>
<body>
<main${options.wide ? ' class="wide"' : ''}>
${options.body}
</main>
</body>
</html>
`;
  res.status(status);
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Content-Security-Policy', contentSecurityPolicy(options));
  // Pages carry per-transaction CSRF tokens: never cache them.
  res.setHeader('Cache-Control', 'no-store');
  res.send(html);
}
