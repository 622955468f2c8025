import { contentDisposition } from './content-disposition';

describe('contentDisposition', () => {
  it('keeps Turkish and other diacritics in filename* and gives an ASCII fallback', () => {
    const h = contentDisposition('Certificaat Şahin Çelik.pdf');
    expect(h).toBe(`attachment; filename="Certificaat Sahin Celik.pdf"; filename*=UTF-8''Certificaat%20%C5%9Eahin%20%C3%87elik.pdf`);
    expect(decodeURIComponent(h.split("''")[1])).toBe('Certificaat Şahin Çelik.pdf');
  });

  it('cannot be broken out of: quotes, separators, control characters', () => {
    const h = contentDisposition('a"b;c\\d/e\r\nSet-Cookie: x.pdf');
    expect(h).not.toMatch(/[\r\n]/);
    expect(h.match(/filename="([^"]*)"/)?.[1]).toBe('a_b_c_d_eSet-Cookie: x.pdf');
    expect(contentDisposition('Ольга Иванова.xlsx')).toContain(`filename*=UTF-8''${encodeURIComponent('Ольга Иванова.xlsx')}`);
    expect(contentDisposition('')).toContain('filename="document"');
  });
});
