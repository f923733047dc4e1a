import { lookup as dnsLookup } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { AdapterConfigError } from '../errors/adapter-config-error';

export type UrlVerdict = 'allowed' | 'denied' | 'check-addresses';

/** Which hosts outgoing model and scorer calls may reach (an SSRF guard). */
export interface UrlPolicy {
  /** Judges a URL without DNS: its scheme, and its host by name or IP literal. */
  classify(url: URL): UrlVerdict;
  /** For `check-addresses` verdicts: a DNS lookup that drops resolved addresses not allowed. */
  readonly lookup?: LookupFunction;
}

/** Error code the guarded lookup reports, so transports can tell a refusal from a DNS failure. */
export const URL_POLICY_DENIED = 'ELASTMILE_URL_POLICY';

export const allowAllUrls: UrlPolicy = {
  classify: (url) => (/^https?:$/.test(url.protocol) ? 'allowed' : 'denied'),
};

/**
 * Allow-list of host names (`api.openai.com`, `*.example.com`), IP addresses and CIDR ranges
 * (`10.0.0.0/8`, `fd00::/8`). A host listed by name is allowed whatever it resolves to; any other
 * host is allowed only if every address used to connect falls in a listed address or range; the
 * check runs inside the socket's own DNS lookup, so a name cannot re-resolve elsewhere (rebinding).
 */
export class UrlAllowlist implements UrlPolicy {
  private readonly names = new Set<string>();
  private readonly suffixes: string[] = [];
  private readonly addresses = new BlockList();
  private hasAddressRules = false;

  constructor(entries: readonly string[]) {
    for (const raw of entries) this.add(raw.trim());
  }

  classify(url: URL): UrlVerdict {
    if (!/^https?:$/.test(url.protocol)) return 'denied';
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
    if (isIP(host)) return this.allowsAddress(host) ? 'allowed' : 'denied';
    if (this.names.has(host) || this.suffixes.some((suffix) => host.endsWith(suffix))) {
      return 'allowed';
    }
    return this.hasAddressRules ? 'check-addresses' : 'denied';
  }

  allowsAddress(address: string): boolean {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    const plain = mapped ? mapped[1] : address;
    const family = isIP(plain) === 6 ? 'ipv6' : 'ipv4';
    return this.addresses.check(plain, family);
  }

  readonly lookup: LookupFunction = (hostname, options, callback) => {
    dnsLookup(hostname, options, (error, address, family) => {
      if (error) return callback(error, address, family);
      const found = Array.isArray(address) ? address : [{ address, family }];
      const allowed = found.filter((entry) => this.allowsAddress(entry.address));
      if (allowed.length === 0) return callback(deniedError(hostname), address, family);
      if (Array.isArray(address)) return callback(null, allowed);
      callback(null, allowed[0].address, allowed[0].family);
    });
  };

  private add(entry: string): void {
    if (entry === '') return;
    const [base, prefix] = entry.split('/');
    const family = isIP(base);
    if (
      family &&
      prefix !== undefined &&
      /^\d+$/.test(prefix) &&
      +prefix <= (family === 4 ? 32 : 128)
    ) {
      this.addresses.addSubnet(base, Number(prefix), family === 4 ? 'ipv4' : 'ipv6');
      this.hasAddressRules = true;
    } else if (family && prefix === undefined) {
      this.addresses.addAddress(base, family === 4 ? 'ipv4' : 'ipv6');
      this.hasAddressRules = true;
    } else if (/^\*\.[a-z0-9.-]+$/i.test(entry)) {
      this.suffixes.push(entry.slice(1).toLowerCase());
    } else if (/^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/i.test(entry)) {
      this.names.add(entry.toLowerCase());
    } else {
      throw new AdapterConfigError(
        `URL allow-list entry "${entry}" is not a host, *.domain, IP or CIDR`,
      );
    }
  }
}

/** Reads LASTMILE_URL_ALLOWLIST-style text (comma or space separated); empty allows every host. */
export function parseUrlAllowlist(value: string | undefined): UrlPolicy {
  const entries = (value ?? '').split(/[\s,]+/).filter((entry) => entry !== '');
  return entries.length === 0 ? allowAllUrls : new UrlAllowlist(entries);
}

function deniedError(hostname: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(`${hostname} resolves outside the URL allow-list`);
  error.code = URL_POLICY_DENIED;
  return error;
}
