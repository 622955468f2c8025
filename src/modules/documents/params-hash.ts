import { createHash } from 'crypto';

/** JSON with object keys sorted at every level, so equal parameters give equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** One open request per kind, requester and parameters (a system request has no requester). */
export function paramsHash(kind: string, requestedBy: string | null, params: unknown): string {
  return createHash('sha256').update(`${kind}\u0000${requestedBy ?? 'system'}\u0000${canonicalJson(params)}`).digest('hex');
}
