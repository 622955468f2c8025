import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Scope } from '../../common/auth/scope';
import { NotFoundException } from '../../common/errors/domain.exception';
import { DocumentsService } from '../documents/documents.service';
import { DocumentRecord } from '../documents/entities/document.entity';
import { settlementFileName } from './export/settlement-document-data';
import { RunNotFinalException } from './settlement.exception';
import { SettlementReadRepository } from './settlement-read.repository';

export const SETTLEMENT_FORMATS = { xlsx: 'settlement.xlsx', csv: 'settlement.csv', ubl: 'settlement.ubl' } as const;
export type SettlementFormat = keyof typeof SETTLEMENT_FORMATS;

/** Asks the document pipeline for a run's sheet, ledger CSV or e-invoice; the worker makes it. */
@Injectable()
export class SettlementDocumentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly read: SettlementReadRepository,
    private readonly documents: DocumentsService,
  ) {}

  async request(runId: string, format: SettlementFormat, scope: Scope, idempotencyKey: string | null): Promise<DocumentRecord> {
    const run = await this.read.findOneInScope(runId, scope);
    if (!run) throw new NotFoundException('Settlement run', runId);
    const final = run.status === 'final';
    if (!final && format !== 'xlsx') throw new RunNotFinalException(format === 'csv' ? 'ledger CSV' : 'e-invoice');
    const { document } = await this.db.transaction((m) =>
      this.documents.request(m, {
        kind: SETTLEMENT_FORMATS[format],
        params: { runId, computedAt: new Date(run.computedAt).toISOString() },
        requestedBy: scope.userId,
        // A draft's sheet (CONCEPT) is for finance only; a final run's files are the municipality's too.
        scope: { municipalityId: final ? run.municipality.id : null },
        fileName: settlementFileName(run, format === 'ubl' ? 'xml' : format),
        idempotencyKey,
      }),
    );
    return document;
  }

  label(kind: string): string {
    return this.documents.label(kind);
  }
}
