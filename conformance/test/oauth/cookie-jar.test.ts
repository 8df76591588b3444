import { describe, expect, it } from 'vitest';
import { CookieJar } from '../../src/actions/cookie-jar.js';

describe('CookieJar (RFC 6265 subset)', () => {
  it('sends cookies back to the host and path that set them', () => {
    const jar = new CookieJar();
    jar.store('http://127.0.0.1:5100/authorize/login', ['sid=abc; Path=/; HttpOnly', 'step=2; Path=/authorize']);
    expect(jar.header('http://127.0.0.1:5100/authorize/consent')).toBe('step=2; sid=abc');
    expect(jar.header('http://127.0.0.1:5100/account')).toBe('sid=abc');
    // Cookies ignore the port (RFC 6265 §8.5), but not the host.
    expect(jar.header('http://127.0.0.1:5200/authorize/x')).toBe('step=2; sid=abc');
    expect(jar.header('http://localhost:5100/authorize')).toBeUndefined();
  });

  it('forgets a cookie deleted with Max-Age=0 or expired', () => {
    let now = 1_000_000;
    const jar = new CookieJar(() => now);
    jar.store('https://as.example.com/', ['a=1; Max-Age=60', 'b=2']);
    jar.store('https://as.example.com/', ['b=; Max-Age=0']);
    expect(jar.header('https://as.example.com/')).toBe('a=1');
    now += 61_000;
    expect(jar.header('https://as.example.com/')).toBeUndefined();
  });

  it('keeps Secure cookies off plain http except on loopback hosts', () => {
    const jar = new CookieJar();
    jar.store('https://as.example.com/', ['s=1; Secure; Domain=example.com']);
    expect(jar.header('https://login.example.com/')).toBe('s=1');
    expect(jar.header('http://as.example.com/')).toBeUndefined();
    jar.store('http://localhost:1/', ['l=1; Secure']);
    expect(jar.header('http://localhost:1/')).toBe('l=1');
  });
});
