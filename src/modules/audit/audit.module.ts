import { Global, Module } from '@nestjs/common';
import { AuditEventRepository } from './audit-event.repository';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';

@Global()
@Module({
  controllers: [AuditController],
  providers: [AuditService, AuditEventRepository],
  exports: [AuditService],
})
export class AuditModule {}
