/** The evidence types we accept, recognised by their first bytes ("magic numbers"). */
export interface SniffedType {
  contentType: 'application/pdf' | 'image/jpeg' | 'image/png';
  extension: 'pdf' | 'jpg' | 'png';
}

const SIGNATURES: ReadonlyArray<{ magic: Buffer; type: SniffedType }> = [
  { magic: Buffer.from('%PDF-', 'latin1'), type: { contentType: 'application/pdf', extension: 'pdf' } },
  { magic: Buffer.from([0xff, 0xd8, 0xff]), type: { contentType: 'image/jpeg', extension: 'jpg' } },
  { magic: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), type: { contentType: 'image/png', extension: 'png' } },
];

/** Bytes needed to decide (the longest signature). */
export const SNIFF_BYTES = Math.max(...SIGNATURES.map((s) => s.magic.length));

/** The type whose signature the head starts with, or null (anything else, e.g. an executable's `MZ`). */
export function sniffFileType(head: Buffer): SniffedType | null {
  for (const { magic, type } of SIGNATURES) {
    if (head.length >= magic.length && head.subarray(0, magic.length).equals(magic)) return type;
  }
  return null;
}

export function extensionForContentType(contentType: string): string {
  return SIGNATURES.find((s) => s.type.contentType === contentType)?.type.extension ?? 'bin';
}
