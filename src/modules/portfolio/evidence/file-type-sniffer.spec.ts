import { extensionForContentType, sniffFileType, SNIFF_BYTES } from './file-type-sniffer';

describe('sniffFileType', () => {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);

  it('recognises PDF, JPEG and PNG from their first bytes', () => {
    expect(sniffFileType(Buffer.from('%PDF-1.4\n%âãÏÓ'))).toEqual({ contentType: 'application/pdf', extension: 'pdf' });
    expect(sniffFileType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46]))).toEqual({ contentType: 'image/jpeg', extension: 'jpg' });
    expect(sniffFileType(png)).toEqual({ contentType: 'image/png', extension: 'png' });
  });

  it('refuses executables, text, other images and truncated signatures', () => {
    expect(sniffFileType(Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'))).toBeNull();
    expect(sniffFileType(Buffer.from('hello world'))).toBeNull();
    expect(sniffFileType(Buffer.from('GIF89a'))).toBeNull();
    expect(sniffFileType(Buffer.from('%PDF'))).toBeNull();
    expect(sniffFileType(png.subarray(0, 7))).toBeNull();
    expect(sniffFileType(Buffer.from([0xff, 0xd8]))).toBeNull();
    expect(sniffFileType(Buffer.alloc(0))).toBeNull();
    // A PNG signature with one byte wrong (line-ending mangled by a text transfer).
    expect(sniffFileType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x0a, 0x0a]))).toBeNull();
    // The signature must be at the start, not somewhere inside.
    expect(sniffFileType(Buffer.concat([Buffer.from('MZ'), Buffer.from('%PDF-1.7')]))).toBeNull();
  });

  it('needs at most 8 bytes and maps content types back to extensions', () => {
    expect(SNIFF_BYTES).toBe(8);
    expect(extensionForContentType('image/png')).toBe('png');
    expect(extensionForContentType('application/pdf')).toBe('pdf');
    expect(extensionForContentType('application/x-msdownload')).toBe('bin');
  });
});
