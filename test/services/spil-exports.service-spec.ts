import { execFileSync } from 'child_process';
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { writeSpilPdf } from '../../src/modules/reports/export/spil-pdf';
import { writeSpilWorkbook } from '../../src/modules/reports/export/spil-workbook';
import { SpilReport, SpilReportService } from '../../src/modules/reports/spil-report.service';
import { seedSpilDataset, SPIL_FROM, SPIL_TO, SPIL_TODAY } from '../factories/spil-dataset.factory';
import { createServiceContext, ServiceContext } from '../helpers/service-context';

/** The SPIL spreadsheet and PDF hold the numbers of the JSON: read back with exceljs and pdftotext. */
describe('SPIL spreadsheet and quarterly PDF (generators)', () => {
  let ctx: ServiceContext;
  let report: SpilReport;
  let dir: string;

  beforeAll(async () => {
    ctx = await createServiceContext();
    await seedSpilDataset(ctx.db);
    const service = ctx.get(SpilReportService);
    const all = (await service.resolveMunicipalities(null, { role: 'admin', userId: '00000000-0000-0000-0000-000000000001', municipalityId: null, learnerId: null })).list;
    report = await service.compute(all, true, SPIL_FROM, SPIL_TO, SPIL_TODAY);
    dir = mkdtempSync(path.join(tmpdir(), 'spil-'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await ctx?.close();
  });

  it('xlsx: overview, a sheet per municipality and the total, reasons, monthly series, definitions; typed cells', async () => {
    const file = path.join(dir, 'spil.xlsx');
    const progress: number[] = [];
    await writeSpilWorkbook(report, file, async (p) => void progress.push(p));
    expect(progress.at(-1)).toBe(80);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.title).toBe(`SPIL-rapportage ${SPIL_FROM} t/m ${SPIL_TO}`);
    expect(wb.creator).toBe('Koers');
    const names = wb.worksheets.map((w) => w.name);
    expect(names[0]).toBe('Overzicht');
    expect(names).toEqual(expect.arrayContaining(['Enschede', 'Hengelo', 'Regio Twente (totaal)', 'Uitval per reden', 'Maandreeks', 'Definities']));
    expect(names).toHaveLength(1 + 14 + 1 + 3);

    const e = wb.getWorksheet('Enschede')!;
    expect(e.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(e.autoFilter).toBeTruthy();
    const byCode = new Map<string, ExcelJS.Row>();
    e.eachRow((row, n) => n > 1 && byCode.set(String(row.getCell(1).value), row));
    const att = byCode.get('attendance_rate')!;
    const ind = report.municipalities.find((m) => m.municipality.name === 'Enschede')!.indicators;
    expect(att.getCell(3).value).toBe(ind.attendance_rate.value);
    expect(att.getCell(3).numFmt).toBe('0.0%');
    expect(att.getCell(4).value).toBe(0.8);
    expect(att.getCell(5).value).toBe('niet gehaald');
    expect((att.getCell(5).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
    expect([att.getCell(6).value, att.getCell(7).value]).toEqual([1330, 1860]);
    expect(att.getCell(2).value).toBe('Aanwezigheid');
    expect(byCode.get('dropout_rate')!.getCell(5).value).toBe('gehaald');
    expect(byCode.get('registration_completeness')!.getCell(3).value).toBe(12 / 17);
    expect(byCode.get('absent_authorised_hours')!.getCell(3).value).toBe(2);
    expect(byCode.get('level_gain.reading')!.getCell(3).value).toBe(0.8);
    expect(byCode.get('exam_pass_rate')!.getCell(3).value).toBe(2 / 3);
    expect(byCode.get('dropouts_by_reason.moved')!.getCell(3).value).toBe(1);
    expect(byCode.get('in_scope')!.getCell(8).value).toEqual(new Date(`${SPIL_FROM}T00:00:00Z`));

    // A rate without a denominator is "–", never 0.
    const almelo = wb.getWorksheet('Almelo')!;
    almelo.eachRow((row) => {
      if (row.getCell(1).value === 'attendance_rate') expect(row.getCell(3).value).toBe('–');
    });

    const overview = wb.getWorksheet('Overzicht')!;
    expect(overview.getRow(1).getCell(1).value).toBe('Gemeente');
    let totalRow: ExcelJS.Row | undefined;
    overview.eachRow((row) => {
      if (row.getCell(1).value === 'Regio Twente (totaal)') totalRow = row;
    });
    expect(totalRow!.getCell(5).value).toBe(8); // in_scope

    const monthly = wb.getWorksheet('Maandreeks')!;
    const rows: unknown[][] = [];
    monthly.eachRow((row, n) => n > 1 && row.getCell(1).value === 'Enschede' && rows.push([row.getCell(4).value, row.getCell(7).value]));
    expect(rows).toEqual([[630 / 840, 1], [700 / 1020, 1], ['–', 0]]);

    const defs = wb.getWorksheet('Definities')!;
    let found = '';
    defs.eachRow((row) => {
      if (row.getCell(1).value === 'dropout_rate') found = String(row.getCell(3).value);
    });
    expect(found).toMatch(/Niet-neutraal uitgevallen trajecten ÷ trajecten in de periode/);
  });

  it('pdf: A4, fonts embedded, each municipality with indicators beside targets, charts, definitions last', async () => {
    const file = path.join(dir, 'spil.pdf');
    const one = { ...report, municipalities: report.municipalities.filter((m) => m.municipality.name === 'Enschede'), total: null };
    await writeSpilPdf(one, file, '2025-04-02');
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    expect(text).toContain('Kwartaalrapportage SPIL');
    expect(text).toContain('Gemeente Enschede (GM0153)');
    expect(text).toContain('Periode: 1 januari 2025 tot en met 31 maart 2025');
    expect(text).toMatch(/Aanwezigheid\s+71,5%\s+80,0%\s+niet gehaald/);
    expect(text).toMatch(/Uitvalpercentage\s+14,3%\s+20,0%\s+gehaald/);
    expect(text).toMatch(/Volledigheid presentielijsten\s+70,6%\s+90,0%\s+niet gehaald/);
    expect(text).toContain('Aanwezigheid per maand');
    expect(text).toContain('Uitval per reden');
    const pages = text.split('\f').filter((p) => p.trim());
    expect(pages.at(-1)).toContain('Definities');
    const fonts = execFileSync('pdffonts', [file]).toString();
    expect(fonts).toMatch(/DejaVuSans/);
    expect(fonts.split('\n').slice(2).filter(Boolean).every((l) => /\byes\b/.test(l))).toBe(true);
    const info = execFileSync('pdfinfo', [file]).toString();
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89/);
    expect(info).toMatch(/Title:\s+SPIL-kwartaalrapportage/);
  });
});
