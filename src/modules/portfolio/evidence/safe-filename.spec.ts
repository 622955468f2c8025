import { attachmentDisposition, cleanOriginalName } from './safe-filename';

describe('evidence file names', () => {
  it('keeps the last path segment without control characters', () => {
    expect(cleanOriginalName('C:\\Users\\x\\huur\u0000contract.pdf', 'application/pdf')).toBe('huurcontract.pdf');
    expect(cleanOriginalName('../../etc/passwd', 'image/png')).toBe('passwd');
    expect(cleanOriginalName('', 'image/jpeg')).toBe('evidence.jpg');
    expect(cleanOriginalName('a'.repeat(300), 'image/png')).toHaveLength(255);
  });

  it('builds a safe attachment header with the sniffed extension', () => {
    expect(attachmentDisposition('Huurcontract "2025".pdf', 'application/pdf')).toBe(
      `attachment; filename="Huurcontract _2025_.pdf"; filename*=UTF-8''Huurcontract%20_2025_.pdf`,
    );
    expect(attachmentDisposition('Ёлка café.exe', 'image/png')).toBe(
      `attachment; filename="____ cafe.png"; filename*=UTF-8''%D0%81%D0%BB%D0%BA%D0%B0%20caf%C3%A9.png`,
    );
    expect(attachmentDisposition('..', 'image/jpeg')).toContain('filename="evidence.jpg"');
    expect(attachmentDisposition('a\r\nSet-Cookie: x.pdf', 'application/pdf')).not.toMatch(/[\r\n]/);
  });
});
