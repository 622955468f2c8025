import ExcelJS from 'exceljs';
import { readFileSync } from 'fs';
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { SaxesParser } from 'saxes';
import { SYSTEM_SCOPE } from '../../src/common/auth/scope';
import { ContractProduct } from '../../src/modules/contracts/entities/contract-product.entity';
import { CSV_COLUMNS, writeSettlementCsv } from '../../src/modules/settlement/export/settlement-csv';
import { settlementData } from '../../src/modules/settlement/export/settlement-document.generators';
import { UBL_CUSTOMIZATION_ID, writeSettlementUbl } from '../../src/modules/settlement/export/settlement-ubl';
import { LINE_HEADER_ROW, writeSettlementWorkbook } from '../../src/modules/settlement/export/settlement-workbook';
import { SettlementReadRepository } from '../../src/modules/settlement/settlement-read.repository';
import { SettlementRunsService } from '../../src/modules/settlement/settlement-runs.service';
import { Reference, seedReference } from '../factories/reference.factory';
import { SettlementWorld } from '../factories/settlement.factory';
import { createServiceContext, ServiceContext } from '../helpers/service-context';

/** The settlement files read back: the sheet equals the run, the CSV parses, the e-invoice is well-formed with the same totals. */
describe('settlement files (service level)', () => {
  let t: ServiceContext;
  let ref: Reference;
  let runs: SettlementRunsService;
  let read: SettlementReadRepository;
  const dir = mkdtempSync(join(tmpdir(), 'koers-settlement-'));
  let finalId: string;
  let draftId: string;

  beforeAll(async () => {
    t = await createServiceContext();
    ref = await seedReference(t.db);
    runs = t.get(SettlementRunsService);
    read = t.get(SettlementReadRepository);
    const m = ref.municipalities.Enschede;
    const terms: Partial<ContractProduct> = {
      billingBasis: 'per_trajectory',
      priceCents: 1234567,
      milestones: [
        { kind: 'start', percent: 33 },
        { kind: 'halfway', percent: 33 },
        { kind: 'completion', percent: 34 },
      ],
      dropoutRule: 'pro_rata_hours',
      examBonusCents: 15000,
    };
    const w = await SettlementWorld.create(t.db, m, ref.products['B1-ROUTE'], terms);
    const z = await SettlementWorld.create(t.db, m, ref.products['Z-ROUTE'], { billingBasis: 'per_attended_hour', priceCents: 0, hourlyRateCents: 5250, milestones: [], dropoutRule: 'none' });
    const a = await w.trajectory({ status: 'completed', startDate: '2025-01-06', endDate: '2025-03-20', contractedHours: 4 });
    await w.attend(a, '2025-02-03', 180);
    await w.exam(a, '2025-03-10', true);
    const b = await z.trajectory({ startDate: '2025-01-06', contractedHours: 40 });
    const rec = await z.attend(b, '2025-01-13', 100, 180);
    await z.attend(b, '2025-02-10', 95, 180);
    const first = await runs.createDraft({ municipalityId: m, from: '2025-01-01', to: '2025-01-31' }, SYSTEM_SCOPE);
    await runs.finalise(first.id, SYSTEM_SCOPE);
    await z.setAttended(rec, 40); // a credit on the January hours
    const q = await runs.createDraft({ municipalityId: m, from: '2025-02-01', to: '2025-03-31' }, SYSTEM_SCOPE);
    finalId = (await runs.finalise(q.id, SYSTEM_SCOPE)).id;
    draftId = (await runs.createDraft({ municipalityId: m, from: '2025-01-01', to: '2025-12-31' }, SYSTEM_SCOPE)).id;
  });
  afterAll(() => t?.close());

  const data = async (id: string) => {
    const run = await runs.get(id, {}, SYSTEM_SCOPE);
    return settlementData({ id: 'x', kind: 'settlement.xlsx', params: { runId: id, computedAt: new Date(run.computedAt).toISOString() }, requestedBy: null, municipalityId: null, learnerId: null, fileName: null, attempt: 1 }, read, false);
  };

  it('the sheet read back equals the run: lines, subtotals per product, VAT and total', async () => {
    const run = await runs.get(finalId, {}, SYSTEM_SCOPE);
    expect(run.lines.map((l) => l.kind).sort()).toEqual(['completion', 'correction', 'exam_bonus', 'halfway', 'hours']);
    const file = join(dir, 'final.xlsx');
    await writeSettlementWorkbook(await data(finalId), file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('Afrekening')!;
    expect(ws.getCell('B2').value).toBe('Enschede (GM0153)');
    expect(ws.getCell('B3').value).toBe('DEB-0153');
    expect(ws.getCell('B4').value).toEqual(new Date('2025-02-01T00:00:00Z'));
    expect(ws.getCell('B6').value).toBe(run.invoiceNumber);
    const rows: ExcelJS.Row[] = [];
    ws.eachRow((row, n) => n > LINE_HEADER_ROW && rows.push(row));
    const lines = rows.filter((r) => typeof r.getCell(1).value === 'number');
    expect(lines.map((r) => Math.round((r.getCell(8).value as number) * 100))).toEqual(run.lines.map((l) => l.amountCents));
    expect(lines.map((r) => r.getCell(6).value)).toEqual(run.lines.map((l) => new Date(`${l.eventDate}T00:00:00Z`)));
    expect(lines[0].getCell(8).numFmt).toContain('€');
    const labelled = (label: string) => rows.find((r) => r.getCell(7).value === label)?.getCell(8).value as number;
    for (const p of run.products) expect(Math.round(labelled(`Subtotaal ${p.product.name}`) * 100)).toBe(p.subtotalCents);
    expect(Math.round(labelled('Totaal') * 100)).toBe(run.totalCents);
    expect(Math.round(labelled('Totaal exclusief btw') * 100)).toBe(run.subtotalCents);
    const correction = lines.find((r) => r.getCell(5).value === 'correctie')!;
    expect(correction.getCell(10).value).toMatch(/^factuur \d{4}-\d{4} regel \d+$/);
    const summary = wb.getWorksheet('Samenvatting')!;
    let total: number | undefined;
    summary.eachRow((r) => {
      if (r.getCell(1).value === 'Totaal') total = r.getCell(3).value as number;
    });
    expect(Math.round(total! * 100)).toBe(run.totalCents);
  });

  it('a draft sheet is marked CONCEPT and has no invoice number', async () => {
    const file = join(dir, 'draft.xlsx');
    await writeSettlementWorkbook(await data(draftId), file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('Afrekening')!;
    expect(String(ws.getCell('A1').value)).toMatch(/^CONCEPT/);
    expect(ws.getCell('B6').value).toBe('CONCEPT');
  });

  it('the ledger CSV: UTF-8 BOM, ; separated, decimal comma, DD-MM-YYYY, one row per line', async () => {
    const run = await runs.get(finalId, {}, SYSTEM_SCOPE);
    const file = join(dir, 'final.csv');
    await writeSettlementCsv(await data(finalId), file);
    const text = readFileSync(file, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const [head, ...rows] = text.slice(1).trimEnd().split('\r\n').map((r) => r.split(';'));
    expect(head).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(run.lines.length);
    const col = (name: string) => head.indexOf(name);
    const cents = rows.map((r) => {
      expect(r[col('bedrag')]).toMatch(/^-?\d+,\d{2}$/);
      return Math.round(Number(r[col('bedrag')].replace(',', '.')) * 100);
    });
    expect(cents).toEqual(run.lines.map((l) => l.amountCents));
    expect(rows[0][col('factuurnummer')]).toBe(run.invoiceNumber);
    expect(rows[0][col('factuurdatum')]).toMatch(/^\d{2}-\d{2}-\d{4}$/);
    for (const r of rows) expect(r[col('datum')]).toMatch(/^\d{2}-\d{2}-\d{4}$/);
    const corr = rows.find((r) => r[col('mijlpaal')] === 'correctie')!;
    expect(corr[col('correctie_op_factuur')]).toMatch(/^\d{4}-\d{4}$/);
  });

  it('the e-invoice is well-formed UBL with the invoice number, Peppol ids, exemption E and the sheet\'s totals', async () => {
    const run = await runs.get(finalId, {}, SYSTEM_SCOPE);
    const file = join(dir, 'final.xml');
    await writeSettlementUbl(await data(finalId), file);
    const xml = readFileSync(file, 'utf8');
    const parser = new SaxesParser({ xmlns: true });
    const path: string[] = [];
    const values = new Map<string, string[]>();
    let text = '';
    parser.on('opentag', (tag) => {
      path.push(tag.local);
      text = '';
    });
    parser.on('text', (s) => (text += s));
    parser.on('closetag', () => {
      const key = path.join('/');
      values.set(key, [...(values.get(key) ?? []), text.trim()]);
      path.pop();
      text = '';
    });
    parser.write(xml).close(); // throws on anything not well-formed
    const v = (p: string) => values.get(`Invoice/${p}`) ?? [];
    expect(v('CustomizationID')).toEqual([UBL_CUSTOMIZATION_ID]);
    expect(v('ProfileID')).toEqual(['urn:fdc:peppol.eu:2017:poacc:billing:01:1.0']);
    expect(v('ID')).toEqual([run.invoiceNumber]);
    expect(v('IssueDate')).toEqual([run.invoiceDate]);
    const euros = (c: number) => (c / 100).toFixed(2);
    expect(v('LegalMonetaryTotal/PayableAmount')).toEqual([euros(run.totalCents)]);
    expect(v('LegalMonetaryTotal/TaxExclusiveAmount')).toEqual([euros(run.subtotalCents)]);
    expect(v('TaxTotal/TaxAmount')).toEqual([euros(run.vatCents)]);
    expect(v('TaxTotal/TaxSubtotal/TaxCategory/ID')).toEqual(['E']);
    expect(v('InvoiceLine/LineExtensionAmount').map((x) => Math.round(Number(x) * 100))).toEqual(run.lines.map((l) => l.amountCents));
    const lineSum = v('InvoiceLine/LineExtensionAmount').reduce((s, x) => s + Math.round(Number(x) * 100), 0);
    expect(lineSum).toBe(run.subtotalCents);
    expect(v('InvoiceLine/Price/PriceAmount').every((x) => Number(x) >= 0)).toBe(true);
  });

  it('a draft has no ledger CSV or e-invoice', async () => {
    const run = await runs.get(draftId, {}, SYSTEM_SCOPE);
    const doc = { id: 'x', kind: 'settlement.csv' as const, params: { runId: draftId, computedAt: new Date(run.computedAt).toISOString() }, requestedBy: null, municipalityId: null, learnerId: null, fileName: null, attempt: 1 };
    await expect(settlementData(doc, read, true)).rejects.toMatchObject({ code: 'run_not_final' });
  });
});
