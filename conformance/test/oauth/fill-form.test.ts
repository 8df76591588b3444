import { describe, expect, it } from 'vitest';
import { fillForm } from '../../src/actions/fill-form.js';

const PAGE = 'http://127.0.0.1:1234/authorize?x=1';
const CONSENT = `<html><body><form method="post" action="/authorize/consent">
  <input type="hidden" name="transaction" value="t-1"><input type="hidden" name="csrf" value="c-1">
  <input type="checkbox" name="remember" value="yes"><input type="checkbox" name="agree" checked>
  <select name="lang"><option value="en">English</option><option value="de" selected>Deutsch</option></select>
  <textarea name="note">hi</textarea>
  <button type="submit" name="decision" value="approve">Allow</button>
  <button type="submit" name="decision" value="deny">Deny</button>
</form><form action="/other"><input name="ignored"></form></body></html>`;

describe('fillForm (--authorize auto)', () => {
  it('keeps hidden fields and defaults, and presses the first submit button', () => {
    const s = fillForm(CONSENT, PAGE, {})!;
    expect(s.method).toBe('POST');
    expect(s.url).toBe('http://127.0.0.1:1234/authorize/consent');
    expect(s.fields).toEqual([
      ['transaction', 't-1'],
      ['csrf', 'c-1'],
      ['agree', 'on'],
      ['lang', 'de'],
      ['note', 'hi'],
      ['decision', 'approve'],
    ]);
  });

  it('presses the button an auth field names', () => {
    const s = fillForm(CONSENT, PAGE, { decision: 'deny' })!;
    expect(s.fields.at(-1)).toEqual(['decision', 'deny']);
    expect(s.button).toBe('decision');
  });

  it('fills visible inputs by name but never overwrites hidden ones', () => {
    const html = `<form><input name="username"><input type="password" name="password"><input type="hidden" name="csrf" value="keep"><input type="submit" value="Go"></form>`;
    const s = fillForm(html, PAGE, { username: 'alice', password: 'pw', csrf: 'forged', extra: 'x' })!;
    expect(s.method).toBe('GET');
    expect(s.url).toBe(PAGE);
    expect(s.fields).toEqual([
      ['username', 'alice'],
      ['password', 'pw'],
      ['csrf', 'keep'],
    ]);
    expect(s.filled).toEqual(['username', 'password']);
  });

  it('uses the button formaction when there is one', () => {
    const html = `<form action="/a" method="post"><button formaction="/b" name="go" value="1">Go</button></form>`;
    expect(fillForm(html, PAGE, {})!.url).toBe('http://127.0.0.1:1234/b');
  });

  it('returns undefined for a page without a form', () => {
    expect(fillForm('<html><body><p>Error: unknown client</p></body></html>', PAGE, {})).toBeUndefined();
  });
});
