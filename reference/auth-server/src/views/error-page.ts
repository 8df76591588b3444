import type { Response } from 'express';
import { esc, sendPage } from './layout.js';

export function sendErrorPage(res: Response, status: number, title: string, detail: string): void {
  sendPage(res, status, {
    title,
    body: `<h1>${esc(title)}</h1>
<p class="error">${esc(detail)}</p>
<p class="muted">You can close this window and return to the application you came from.</p>`,
  });
}
