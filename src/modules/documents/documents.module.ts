import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { DocumentAccess } from './document-access';
import { DocumentEvents } from './document-events';
import { DocumentQueue } from './document-queue';
import { DocumentRegistry } from './document-registry';
import { DocumentRepository } from './document.repository';
import { DocumentsController } from './documents.controller';
import { DocumentsService } from './documents.service';
import { PipelineCheckGenerator } from './kinds/pipeline-check.generator';

/**
 * The document pipeline (API and worker): request rows, the kind registry, scope, download. Features that make
 * files import this module, call DocumentsService.request() and provide a @DocumentGenerator for their kind.
 */
@Module({
  imports: [DiscoveryModule],
  controllers: [DocumentsController],
  providers: [DocumentsService, DocumentRepository, DocumentRegistry, DocumentAccess, DocumentQueue, DocumentEvents, PipelineCheckGenerator],
  exports: [DocumentsService, DocumentAccess, DocumentRegistry, DocumentQueue],
})
export class DocumentsModule {}
