import { BlockList, isIP } from 'node:net';
import { lookup } from 'node:dns/promises';

// Where a user's provider may not point unless the server allows it: this machine,
// private networks and cloud metadata services (server-side request forgery).
const forbidden = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], // "this network"; 0.0.0.0 reaches the local host
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, with 169.254.169.254 (cloud metadata)
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, with 255.255.255.255
] as const) {
  forbidden.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7], // unique-local, with fd00::/8 (e.g. fd00:ec2::254, AWS metadata)
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
  ['64:ff9b::', 96], // NAT64: may embed any IPv4 address
  ['2002::', 16], // 6to4: embeds an IPv4 address
] as const) {
  forbidden.addSubnet(net, prefix, 'ipv6');
}

/** Whether an address (v4, v6, or v4-mapped v6) is loopback, private, link-local or metadata. */
export function isForbiddenAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return forbidden.check(mapped[1]!, 'ipv4');
  const family = isIP(address);
  if (family === 0) return true;
  return forbidden.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

export class ForbiddenAddressError extends Error {
  constructor(readonly host: string) {
    super(`${host} resolves to a loopback, private, link-local or metadata address`);
    this.name = 'ForbiddenAddressError';
  }
}

/** The host of a URL without IPv6 brackets. */
export const bareHost = (url: URL): string => url.hostname.replace(/^\[(.*)\]$/, '$1');

/** Every address the host resolves to; throws ForbiddenAddressError when any is forbidden. */
export async function resolveAllowed(host: string): Promise<{ address: string; family: number }[]> {
  const addresses = isIP(host)
    ? [{ address: host, family: isIP(host) }]
    : await lookup(host, { all: true, verbatim: true });
  if (addresses.length === 0 || addresses.some((a) => isForbiddenAddress(a.address)))
    throw new ForbiddenAddressError(host);
  return addresses;
}
