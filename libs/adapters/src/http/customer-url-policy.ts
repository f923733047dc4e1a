import { lookup as dnsLookup, promises as dns } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { URL_POLICY_DENIED, UrlAllowlist, type UrlPolicy, type UrlVerdict } from './url-policy';

// Addresses a customer-set URL may not reach unless the operator lists them: loopback,
// "this network", private (RFC 1918), shared (CGNAT), link-local (cloud metadata at
// 169.254.169.254 and fd00:ec2::254 included), unique-local, documentation, benchmarking,
// multicast and reserved ranges; IPv4-mapped and -compatible IPv6 forms are unwrapped first.
// IPv6 transition ranges carry an IPv4 address a relay or gateway will reach (6to4 2002::/16,
// Teredo 2001::/32, NAT64 64:ff9b::/96 and the local-use 64:ff9b:1::/48): refused whole, as the
// embedded address may be internal and no customer needs them for a public webhook.
const NON_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  NON_PUBLIC.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 96],
  ['64:ff9b::', 96],
  ['64:ff9b:1::', 48],
  ['100::', 64],
  ['2001::', 32],
  ['2001:db8::', 32],
  ['2002::', 16],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const)
  NON_PUBLIC.addSubnet(network, prefix, 'ipv6');

/** The IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d) IPv6 address, else the address. */
function unwrapMapped(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1];
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (hex) {
    const high = parseInt(hex[1], 16);
    const low = parseInt(hex[2], 16);
    return [high >> 8, high & 255, low >> 8, low & 255].join('.');
  }
  return address;
}

/** A creation-time lookup that takes longer is treated as "does not resolve yet". */
const LOOKUP_MS = 2000;

function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no DNS answer in ${ms} ms`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/** Whether an address is on the public internet (not loopback, private, link-local...). */
export function isPublicAddress(address: string): boolean {
  const plain = unwrapMapped(address.replace(/^\[(.*)\]$/, '$1'));
  const family = isIP(plain);
  if (family === 0) return false;
  return !NON_PUBLIC.check(plain, family === 4 ? 'ipv4' : 'ipv6');
}

/** In words, for refusals: "a loopback address" and so on. */
export function describeAddress(address: string): string {
  const plain = unwrapMapped(address);
  if (/^127\.|^::1$/.test(plain)) return 'a loopback address';
  if (/^169\.254\.|^fe[89ab]/i.test(plain))
    return 'a link-local address (cloud metadata lives there)';
  if (/^10\.|^192\.168\.|^172\.(1[6-9]|2\d|3[01])\.|^f[cd]/i.test(plain))
    return 'a private network address';
  if (/^(2002:|2001:(0{1,4})?:|64:ff9b:)/i.test(plain))
    return 'an IPv6 transition address (6to4, Teredo or NAT64) that reaches an IPv4 address through a relay';
  return isPublicAddress(plain) ? 'a public address' : 'a reserved, non-public address';
}

/**
 * URLs that customers set (their plans' notification channels): the operator's general policy
 * (LASTMILE_URL_ALLOWLIST) still applies, and on top of it every address used to connect must be
 * public unless LASTMILE_CUSTOMER_URL_ALLOWLIST lists it. Names are checked inside the socket's own
 * DNS lookup, so a name cannot pass the check and then re-resolve to an internal address.
 */
export class CustomerUrlPolicy implements UrlPolicy {
  constructor(
    private readonly general: UrlPolicy,
    private readonly customerAllowlist: UrlAllowlist | null,
  ) {}

  classify(url: URL): UrlVerdict {
    if (!/^https?:$/.test(url.protocol)) return 'denied';
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
    const listed = this.customerAllowlist?.classify(url);
    if (listed === 'allowed') return 'allowed';
    if (isIP(host)) return isPublicAddress(host) ? this.general.classify(url) : 'denied';
    return this.general.classify(url) === 'denied' ? 'denied' : 'check-addresses';
  }

  /** Whether the socket may connect to this address, resolved from a customer URL's host. */
  allowsAddress(address: string, hostname: string): boolean {
    if (this.customerAllowlist?.allowsAddress(address)) return true;
    if (!isPublicAddress(address)) return false;
    // A host the general allow-list names is allowed wherever it resolves; others by address.
    const general = this.general.classify(new URL(`http://${hostname}`));
    return general === 'allowed' || (general === 'check-addresses' && this.generalAllows(address));
  }

  private generalAllows(address: string): boolean {
    return this.general instanceof UrlAllowlist && this.general.allowsAddress(address);
  }

  readonly lookup: LookupFunction = (hostname, options, callback) => {
    dnsLookup(hostname, options, (error, address, family) => {
      if (error) return callback(error, address, family);
      const found = Array.isArray(address) ? address : [{ address, family }];
      const allowed = found.filter((entry) => this.allowsAddress(entry.address, hostname));
      if (allowed.length === 0) {
        const denied: NodeJS.ErrnoException = new Error(
          `${hostname} resolves to ${describeAddress(found[0].address)}, which customer URLs may not reach`,
        );
        denied.code = URL_POLICY_DENIED;
        return callback(denied, address, family);
      }
      if (Array.isArray(address)) return callback(null, allowed);
      callback(null, allowed[0].address, allowed[0].family);
    });
  };

  /**
   * At creation: null when the URL may be used, else why not. Names are resolved now (a name
   * resolving to an internal address is refused at once); a name that does not resolve yet is
   * accepted and checked again at every delivery.
   */
  async refusal(text: string): Promise<string | null> {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      return 'must be an http(s) URL';
    }
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    const verdict = this.classify(url);
    if (verdict === 'denied') {
      return isIP(host) && !isPublicAddress(host)
        ? `${host} is ${describeAddress(host)}: customer URLs may reach it only when the operator lists it in LASTMILE_CUSTOMER_URL_ALLOWLIST`
        : `${host} is not allowed by the operator's URL allow-list`;
    }
    if (verdict === 'allowed') return null;
    let addresses: { address: string }[];
    try {
      addresses = await withDeadline(dns.lookup(host, { all: true, verbatim: true }), LOOKUP_MS);
    } catch {
      return null;
    }
    const bad = addresses.find((entry) => !this.allowsAddress(entry.address, host));
    return bad
      ? `${host} resolves to ${bad.address}, ${describeAddress(bad.address)}: customer URLs may reach it only when the operator lists it in LASTMILE_CUSTOMER_URL_ALLOWLIST`
      : null;
  }
}
