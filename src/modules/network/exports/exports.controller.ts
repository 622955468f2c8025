import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { DataSource } from 'typeorm';
import { CurrentScope, Roles } from '../../../common/auth/auth.decorators';
import { Scope } from '../../../common/auth/scope';
import { IsCalendarDate } from '../../../common/domain/calendar';
import { NotFoundException } from '../../../common/errors/domain.exception';
import { ApiProblems } from '../../../common/http/api-problems.decorator';
import { AuditService } from '../../audit/audit.service';
import { DocumentRegistry } from '../../documents/document-registry';
import { DocumentsService } from '../../documents/documents.service';
import { DocumentView } from '../../documents/dto/document.dto';

export class DuoHoursRequestDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() municipalityId: string;
  @ApiProperty({ format: 'date', description: 'Count lessons and participation up to and including this day' }) @IsCalendarDate() until: string;
  @ApiPropertyOptional({ enum: ['json', 'xlsx'], default: 'json' }) @IsOptional() @IsIn(['json', 'xlsx']) format?: 'json' | 'xlsx';
}

@ApiTags('exports')
@ApiBearerAuth()
@Controller()
export class ExportsController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly documents: DocumentsService,
    private readonly registry: DocumentRegistry,
    private readonly audit: AuditService,
  ) {}

  @Post('exports/duo-hours')
  @HttpCode(202)
  @Roles('admin', 'coordinator', 'municipality')
  @ApiOperation({
    summary:
      "Gevolgde uren for DUO of one municipality up to a date (JSON in the interface's shape, or xlsx); holds full BSNs, so it is audited. A municipality only its own",
  })
  @ApiAcceptedResponse({ type: DocumentView })
  @ApiProblems(400, 401, 403, 404)
  async duoHours(@Body() dto: DuoHoursRequestDto, @CurrentScope() scope: Scope): Promise<DocumentView> {
    if (scope.role === 'municipality' && scope.municipalityId !== dto.municipalityId) throw new NotFoundException('Municipality', dto.municipalityId);
    return this.db.transaction(async (m) => {
      const mu = await m.query(`SELECT name FROM municipality WHERE id = $1`, [dto.municipalityId]);
      if (!mu.length) throw new NotFoundException('Municipality', dto.municipalityId);
      const format = dto.format ?? 'json';
      const { document } = await this.documents.request(m, {
        kind: 'export.duo-hours',
        params: { municipalityId: dto.municipalityId, until: dto.until, format },
        requestedBy: scope.userId,
        scope: { municipalityId: dto.municipalityId },
        fileName: `Gevolgde uren ${mu[0].name} tot en met ${dto.until}.${format}`,
      });
      await this.audit.record(m, scope, { action: 'request_bsn_export', entityType: 'document', entityId: document.id, fields: ['municipalityId', 'until', 'format'] });
      return DocumentView.of(document, this.registry.label(document.kind));
    });
  }
}
