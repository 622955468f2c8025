import ExcelJS from 'exceljs';
import { ImportRowRecord } from './import.repository';

const OUTCOME_DUTCH: Record<string, string> = { new: 'nieuw', known: 'al bekend', refused: 'geweigerd' };

export interface DryRunSheetInput {
  title: string;
  fileName: string;
  fileError: string | null;
  rows: ImportRowRecord[];
}

/** The dry run as an xlsx (one line per row and problem; no BSN), streamed to `path`. */
export async function writeDryRunWorkbook(path: string, input: DryRunSheetInput): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true });
  wb.creator = 'Koers';
  const ws = wb.addWorksheet('Proefimport', { views: [{ state: 'frozen', ySplit: 3 }] });
  ws.columns = [{ width: 8 }, { width: 14 }, { width: 50 }, { width: 20 }, { width: 70 }];
  ws.addRow([input.title, input.fileName]).commit();
  const counts = { new: 0, known: 0, refused: 0 } as Record<string, number>;
  for (const r of input.rows) counts[r.outcome]++;
  ws.addRow(input.fileError ? ['Bestand geweigerd', input.fileError] : [`Nieuw: ${counts.new}`, `Al bekend: ${counts.known}`, `Geweigerd: ${counts.refused}`]).commit();
  const header = ws.addRow(['Rij', 'Uitkomst', 'Omschrijving', 'Veld', 'Reden']);
  header.font = { bold: true };
  header.commit();
  for (const r of input.rows) {
    const problems = r.problems.length ? r.problems : [{ field: '', reason: '' }];
    for (const p of problems) ws.addRow([r.line, OUTCOME_DUTCH[r.outcome], r.label, p.field, p.reason]).commit();
  }
  ws.autoFilter = { from: 'A3', to: 'E3' };
  await ws.commit();
  await wb.commit();
}
