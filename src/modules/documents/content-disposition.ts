// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/**
 * `attachment` with an ASCII fallback name and the exact UTF-8 name as RFC 5987 `filename*`, so names like
 * `Certificaat Şahin Çelik.pdf` arrive intact in every browser.
 */
export function contentDisposition(fileName: string): string {
  const clean = fileName.replace(CONTROL, '').replace(/[\\/]/g, '_').trim().slice(0, 200) || 'document';
  const ascii =
    clean
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^\x20-\x7e]/g, '_')
      .replace(/["%;\\]/g, '_') || 'document';
  const utf8 = encodeURIComponent(clean).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${utf8}`;
}
