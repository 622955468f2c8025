import { execFileSync } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { UnprintableTextException } from '../certificates.exception';
import { CertificatePrint, groupedCode, renderCertificateBuffer } from './certificate-renderer';
import { dutchDate, dutchHours } from './dutch-format';

/** The PDF read back with poppler (pdftotext, pdffonts, pdftoppm) and zbar (zbarimg), as a reader or scanner would. */
describe('certificate PDF', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'koers-cert-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const print = (over: Partial<CertificatePrint> = {}): CertificatePrint => ({
    kind: 'level',
    number: 'CERT-2026-000042',
    verificationCode: 'ABCDEFGHJKLMNPQ2',
    verifyUrl: 'https://koers.example.nl/verify/ABCDEFGHJKLMNPQ2',
    issueDate: '2026-06-30',
    holder: { fullName: 'Şahin Çelik-Ağaoğlu', dateOfBirth: '1990-05-17' },
    periodFrom: null,
    periodTo: null,
    facts: { product: { code: 'B1-ROUTE', name: 'B1-route' }, levels: [{ skill: 'reading', level: 'B1', passed: null }, { skill: 'knm', level: null, passed: true }] },
    ...over,
  });

  async function write(name: string, p: CertificatePrint): Promise<string> {
    const file = path.join(dir, `${name}.pdf`);
    writeFileSync(file, await renderCertificateBuffer(p));
    return file;
  }
  const text = (file: string) => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });

  it.each([
    ['Turkish', 'Işıl Şahin-Ağaoğlu'],
    ['Latin diacritics', 'Zoë Brontë-Ñúñez Ærøskøbing Łódź Dvořák'],
    ['Cyrillic', 'Ольга Петрова-Щукина'],
  ])('prints %s names, the number and the levels as text', async (_label, fullName) => {
    const file = await write(`name-${_label}`, print({ holder: { fullName, dateOfBirth: '1990-05-17' } }));
    const t = text(file);
    expect(t).toContain(fullName);
    expect(t).toContain('CERT-2026-000042');
    expect(t).toContain('ABCD-EFGH-JKLM-NPQ2');
    expect(t).toContain('17 mei 1990');
    expect(t).toMatch(/Lezen\s+B1/);
    expect(t).toContain('behaald');
  });

  it('embeds every font, as a subset', async () => {
    const out = execFileSync('pdffonts', [await write('fonts', print())], { encoding: 'utf8' });
    const rows = out.trim().split('\n').slice(2);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row).toMatch(/^[A-Z]{6}\+DejaVuSans/);
      const cols = row.trim().split(/\s+/);
      expect(cols.slice(-5, -2)).toEqual(['yes', 'yes', 'yes']); // emb sub uni
    }
  });

  it('has a QR code that scans to the verification address, and is A4', async () => {
    const file = await write('qr', print());
    execFileSync('pdftoppm', ['-r', '150', '-png', '-singlefile', file, path.join(dir, 'qr')]);
    const scanned = execFileSync('zbarimg', ['-q', '--raw', path.join(dir, 'qr.png')], { encoding: 'utf8' }).trim();
    expect(scanned).toBe('https://koers.example.nl/verify/ABCDEFGHJKLMNPQ2');
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+595\.2\d? x 841\.8\d? pts \(A4\)/);
    expect(info).toMatch(/Pages:\s+1/);
  });

  it('prints hours of a participation certificate and the dates of a completion certificate', async () => {
    const part = text(await write('hours', print({ kind: 'participation', periodFrom: '2026-01-05', periodTo: '2026-06-26', facts: { product: { code: 'B1', name: 'B1-route' }, hours: { physicalMinutes: 7290, onlineMinutes: 600 } } })));
    expect(part).toContain('Bewijs van deelname');
    expect(part).toContain('5 januari 2026');
    expect(part).toMatch(/Lessen op locatie\s+121,5 uur/);
    expect(part).toMatch(/Online lessen\s+10,0 uur/);
    expect(part).toMatch(/Totaal\s+131,5 uur/);
    const done = text(await write('completion', print({ kind: 'completion', facts: { product: { code: 'Z', name: 'Z-route' }, startDate: '2024-09-02', endDate: '2026-06-19' } })));
    expect(done).toContain('19 juni 2026');
    expect(done).toContain('Z-route');
  });

  it('refuses a name the font has no glyphs for, naming the characters', async () => {
    await expect(renderCertificateBuffer(print({ holder: { fullName: 'Wang 王小明', dateOfBirth: '1990-01-01' } }))).rejects.toThrow(UnprintableTextException);
    await expect(renderCertificateBuffer(print({ holder: { fullName: 'Wang 王小明', dateOfBirth: '1990-01-01' } }))).rejects.toThrow(/U\+738B "王"/);
  });

  it('formats Dutch dates, hours and the grouped code', () => {
    expect(dutchDate('2026-03-01')).toBe('1 maart 2026');
    expect(dutchHours(0)).toBe('0,0');
    expect(dutchHours(3)).toBe('0,1'); // 0.05 h rounds half up
    expect(dutchHours(125)).toBe('2,1');
    expect(groupedCode('ABCDEFGHJKLMNPQ2')).toBe('ABCD-EFGH-JKLM-NPQ2');
  });
});
