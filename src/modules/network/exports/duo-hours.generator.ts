import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import { todayIn } from '../../../common/domain/calendar';
import { AppConfig } from '../../../config/app-config';
import { BsnVault } from '../../learners/bsn/bsn-vault.service';
import { DocumentGenerator, DocumentJobView, GenerateContext, GeneratedDocument } from '../../documents/document-generator';
import { duoHoursEntry } from './duo-hours';
import { DuoHoursRepository } from './duo-hours.repository';

/**
 * Gevolgde Uren for DUO: the one file with full BSNs, so every learner in it gets an audit event (export_bsn) in the
 * same transaction that reads them.
 */
@DocumentGenerator({ kind: 'export.duo-hours', label: 'Gevolgde uren (DUO)', audience: ['municipality'] })
export class DuoHoursGenerator implements DocumentGenerator<'export.duo-hours'> {
  constructor(
    private readonly repo: DuoHoursRepository,
    private readonly vault: BsnVault,
    private readonly config: AppConfig,
  ) {}

  async generate(doc: DocumentJobView<'export.duo-hours'>, ctx: GenerateContext): Promise<GeneratedDocument> {
    const { municipalityId, until, format } = doc.params;
    const today = todayIn(this.config.reportTimezone);
    const rows = await ctx.manager.transaction(async (m) => {
      const found = await this.repo.rows(m, municipalityId, until, today);
      await m.query(
        `INSERT INTO audit_event (actor_id, action, entity_type, entity_id, fields)
         SELECT $1, 'export_bsn', 'learner', id::text, ARRAY['bsn', 'document:' || $2::text] FROM unnest($3::uuid[]) id`,
        [doc.requestedBy, doc.id, found.map((r) => r.learnerId)],
      );
      return found;
    });
    await ctx.reportProgress(50);
    const entries = rows.map((r) => ({ row: r, entry: duoHoursEntry(r, this.vault.open(r.bsnCiphertext)) }));
    if (format === 'json') {
      await fs.writeFile(ctx.tempPath, JSON.stringify(entries.map((e) => e.entry), null, 2));
      return { contentType: 'application/json' };
    }
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: ctx.tempPath, useStyles: true });
    const ws = wb.addWorksheet('Gevolgde uren', { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = [
      { header: 'BSN', width: 12 },
      { header: 'Gemeentecode', width: 14 },
      { header: 'Bekend tot', width: 12, style: { numFmt: 'dd-mm-yyyy' } },
      { header: 'Uren taalles en KNM', width: 20 },
      { header: 'Uren participatie (Z-route)', width: 26 },
      { header: 'Deelnemernummer', width: 16 },
      { header: 'Naam', width: 36 },
    ];
    ws.getRow(1).font = { bold: true };
    for (const { row, entry } of entries) {
      ws.addRow([
        entry.bsn,
        entry.gemeentecode,
        entry.bekendTot ? new Date(`${entry.bekendTot}T00:00:00Z`) : null,
        entry.ParticipatieAlsTaalles.uren,
        entry.ParticipatieactiviteitenBredeIntake?.uren ?? null,
        row.learnerNumber,
        row.name,
      ]).commit();
    }
    await ws.commit();
    await wb.commit();
    return { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
  }
}
