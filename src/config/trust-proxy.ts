import { isIP } from 'net';

/** Names proxy-addr (Fastify's trustProxy) understands besides addresses and CIDRs. */
const NAMED_RANGES = ['loopback', 'linklocal', 'uniquelocal'];

/**
 * TRUST_PROXY: `off` (the default: X-Forwarded-For is ignored, the client address is the TCP peer), or a
 * comma-separated list of proxy addresses/CIDRs whose forwarded headers are believed. Returns the list for Fastify's
 * `trustProxy`, or false; throws naming the bad entry.
 */
export function parseTrustProxy(raw: string | undefined): false | string[] {
  const text = (raw ?? '').trim();
  if (text === '' || /^(off|false|none|no)$/i.test(text)) return false;
  const entries = text.split(',').map((e) => e.trim()).filter(Boolean);
  for (const entry of entries) {
    if (!isProxyEntry(entry)) throw new Error(`TRUST_PROXY: "${entry}" is not an IP address, a CIDR (10.0.0.0/8) or one of ${NAMED_RANGES.join(', ')}; use off to trust no proxy`);
  }
  return entries;
}

function isProxyEntry(entry: string): boolean {
  if (NAMED_RANGES.includes(entry)) return true;
  const [addr, prefix, extra] = entry.split('/');
  if (extra !== undefined) return false;
  const family = isIP(addr);
  if (!family) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}
