import { Module } from '@nestjs/common';
import { DocumentsModule } from './documents.module';
import { DocumentAttemptsRepository } from './jobs/document-attempts.repository';
import { DocumentReconciler } from './jobs/document-reconciler';
import { DocumentRunner } from './jobs/document-runner';
import { DocumentWorker } from './jobs/document-worker';

/** Worker process only: runs the documents queue, the reconciler and the retention cleanup. */
@Module({
  imports: [DocumentsModule],
  providers: [DocumentAttemptsRepository, DocumentRunner, DocumentWorker, DocumentReconciler],
  exports: [DocumentRunner, DocumentReconciler],
})
export class DocumentsWorkerModule {}
