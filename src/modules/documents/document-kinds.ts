/**
 * Every document kind and the parameters its request carries (ids and options, never personal data).
 * Adding a kind: one line here plus one @DocumentGenerator provider (README "How to add a document kind").
 * Startup fails when a kind listed here has no generator, or a generator names a kind not listed here.
 */
export interface DocumentParams {
  /** Admin diagnostic: a small text file proving the pipeline works end to end (also the example to copy). */
  'pipeline.check': { note?: string; delayMs?: number; failTimes?: number };
  /** SPIL spreadsheet: one municipality, or null = every municipality plus the region total. */
  'reports.spil.xlsx': SpilDocumentParams;
  /** SPIL quarterly PDF (kwartaalrapportage), same parameters. */
  'reports.spil.pdf': SpilDocumentParams;
  /** The dry run of an import (learners or DUO exam results): per-row outcome as an xlsx. */
  'import.dry-run': { importId: string };
  /** Hours for DUO (Gevolgde Uren) of one municipality up to a date, as JSON or xlsx. */
  'export.duo-hours': { municipalityId: string; until: string; format: 'json' | 'xlsx' };
  /** One certificate's PDF (made at issue, on regeneration, or on demand for one issued in bulk). */
  'certificate.pdf': { certificateId: string };
  /** The zip of a bulk issue: the group's certificates numbered fromSeq..toSeq in year (one run of the counter). */
  'certificate.zip': { groupId: string; year: number; fromSeq: number; toSeq: number };
  /** Settlement sheet (xlsx) of a run; a draft's is marked CONCEPT. computedAt: the draft's state it shows. */
  'settlement.xlsx': SettlementDocumentParams;
  /** Ledger CSV of a final run. */
  'settlement.csv': SettlementDocumentParams;
  /** E-invoice (UBL 2.1, Peppol BIS Billing 3.0 / NLCIUS) of a final run. */
  'settlement.ubl': SettlementDocumentParams;
}

export interface SettlementDocumentParams {
  runId: string;
  computedAt: string;
}

export interface SpilDocumentParams {
  municipalityId: string | null;
  from: string;
  to: string;
}

export type DocumentKindName = keyof DocumentParams;

export const DOCUMENT_KINDS: readonly DocumentKindName[] = ['pipeline.check', 'reports.spil.xlsx', 'reports.spil.pdf', 'import.dry-run', 'export.duo-hours', 'certificate.pdf', 'certificate.zip', 'settlement.xlsx', 'settlement.csv', 'settlement.ubl'];
