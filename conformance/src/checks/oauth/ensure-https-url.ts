import { isLoopbackHost } from '../../engine/config.js';
import { fail, pass, skip, type Check } from '../../engine/verdict.js';

/**
 * The URL uses https. Plain http on a loopback host is a skip, with the reason, when the run accepts
 * loopback http (RunConfig.plainHttpLoopback, announced once by the run's "tls-not-tested" notice): the
 * traffic never leaves the machine and TLS simply cannot be tested there. Without that acceptance it
 * fails like any other http URL, so a public target pointing at localhost is still caught.
 */
export function ensureHttpsUrl(what: string, options: { acceptLoopbackHttp: boolean }): Check<string> {
  return {
    id: 'ensure-https-url',
    title: `${what} uses https`,
    run(value) {
      let url: URL;
      try {
        url = new URL(value);
      } catch {
        return fail(`${what} "${value}" is not an absolute URL`, { actual: value });
      }
      if (url.protocol === 'https:') return pass(`${what} uses https`);
      const loopback = url.protocol === 'http:' && isLoopbackHost(url.hostname);
      if (loopback && options.acceptLoopbackHttp) {
        return skip(`${what} is http on loopback host ${url.hostname}: accepted for local testing, TLS not tested`);
      }
      return fail(`${what} "${value}" uses ${url.protocol.slice(0, -1)}${loopback ? ' (a loopback host, not accepted in this run)' : ''}, expected https`, {
        actual: value,
      });
    },
  };
}
