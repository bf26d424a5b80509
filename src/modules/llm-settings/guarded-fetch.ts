import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { GenerationError } from '../../llm/index.js';
import { bareHost, ForbiddenAddressError, isForbiddenAddress } from './address-policy.js';

// The address is checked when the connection is made, on the very address the socket
// connects to: a name that resolved to a public address at save time and to a private
// one now (DNS rebinding) is refused here. Redirects are never followed.
const checkedLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
    if (err) return callback(err, '', 0);
    if (addresses.length === 0 || addresses.some((a) => isForbiddenAddress(a.address)))
      return callback(new ForbiddenAddressError(hostname), '', 0);
    if (options.all)
      return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
    return callback(null, addresses[0]!.address, addresses[0]!.family);
  });
};

// undici loads when a user's model is first set up, not at start-up (most servers never use one).
let undici:
  Promise<{ fetch: typeof import('undici').fetch; agent: import('undici').Agent }> | undefined;
const loadUndici = () =>
  (undici ??= import('undici').then(({ Agent, fetch }) => ({
    fetch,
    agent: new Agent({ connect: { lookup: checkedLookup } }),
  })));

/** Starts loading what the guarded fetch needs, so a first model call does not wait for it. */
export function preloadGuardedFetch(): void {
  void loadUndici();
}

/** A fetch for a user's provider: public addresses only, no redirects. */
export function createGuardedFetch(allowPrivate: boolean): typeof fetch {
  return (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : input);
    // A literal address never goes through lookup: check it here.
    if (!allowPrivate && isIP(bareHost(url)) && isForbiddenAddress(bareHost(url)))
      throw refused(url);
    const { fetch: undiciFetch, agent } = await loadUndici();
    let response: Awaited<ReturnType<typeof undiciFetch>>;
    try {
      response = await undiciFetch(url, {
        ...(init as object),
        redirect: 'manual',
        ...(allowPrivate ? {} : { dispatcher: agent }),
      });
    } catch (err) {
      if (isForbidden(err)) throw refused(url);
      throw err;
    }
    if (response.status >= 300 && response.status < 400) {
      await response.body?.cancel().catch(() => undefined);
      throw new GenerationError(
        'rejected_request',
        `Your model server at ${url.host} answered with a redirect, which is not followed. Set its final address as the base URL.`,
      );
    }
    return response;
  }) as unknown as typeof fetch;
}

const refused = (url: URL) =>
  new GenerationError(
    'rejected_request',
    `The address of your model server (${url.host}) is not allowed: it points at this machine or a private network.`,
  );

function isForbidden(err: unknown): boolean {
  for (let e = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth += 1) {
    if (e instanceof ForbiddenAddressError) return true;
  }
  return false;
}
