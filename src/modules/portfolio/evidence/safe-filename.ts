import { extensionForContentType } from './file-type-sniffer';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/** The uploaded name as we keep it: last path segment, no control characters, at most 255 characters. */
export function cleanOriginalName(name: string | undefined, contentType: string): string {
  const base = (name ?? '').replace(CONTROL, '').split(/[\\/]/).pop()?.trim() ?? '';
  return (base || `evidence.${extensionForContentType(contentType)}`).slice(0, 255);
}

/**
 * A Content-Disposition header for a download: the name's stem with the
 * extension of the sniffed type (so a renamed file cannot pose as another
 * type), an ASCII fallback and the UTF-8 form (RFC 6266 / 5987).
 */
export function attachmentDisposition(originalName: string, contentType: string): string {
  const ext = extensionForContentType(contentType);
  const stem = originalName.replace(CONTROL, '').replace(/["\\/:*?<>|]/g, '_').replace(/\.[^.]*$/, '').replace(/^[.\s]+/, '').trim().slice(0, 120) || 'evidence';
  const ascii = stem.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9 ._()-]/g, '_') || 'evidence';
  const utf8 = encodeURIComponent(`${stem}.${ext}`).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}.${ext}"; filename*=UTF-8''${utf8}`;
}
