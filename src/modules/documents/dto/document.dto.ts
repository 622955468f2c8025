import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsObject, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../../common/http/page-query.dto';
import { DOCUMENT_STATUSES, DocumentRecord } from '../entities/document.entity';

export class DocumentView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'pipeline.check' }) kind: string;
  @ApiProperty({ example: 'Controle documentverwerking', description: 'Dutch name of the kind' }) kindLabel: string;
  @ApiProperty({ enum: DOCUMENT_STATUSES }) status: string;
  @ApiProperty({ minimum: 0, maximum: 100 }) progress: number;
  @ApiProperty({ nullable: true, type: String, description: 'Set when failed' }) errorCode: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Dutch; shown to the user as is' }) errorMessage: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'Certificaat Şahin Çelik.pdf' }) fileName: string | null;
  @ApiProperty({ nullable: true, type: String }) contentType: string | null;
  @ApiProperty({ nullable: true, type: Number }) sizeBytes: number | null;
  @ApiProperty({ nullable: true, type: String }) sha256: string | null;
  @ApiProperty() attempts: number;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) requestedBy: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) municipalityId: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) learnerId: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) startedAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) finishedAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) expiredAt: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Set when done: where to download the file' }) downloadUrl: string | null;

  static of(d: DocumentRecord, kindLabel: string): DocumentView {
    const iso = (v: Date | null) => (v ? new Date(v).toISOString() : null);
    return {
      id: d.id,
      kind: d.kind,
      kindLabel,
      status: d.status,
      progress: d.progress,
      errorCode: d.status === 'failed' ? d.errorCode : null,
      errorMessage: d.status === 'failed' ? d.errorMessage : null,
      fileName: d.fileName,
      contentType: d.contentType,
      sizeBytes: d.sizeBytes,
      sha256: d.sha256,
      attempts: d.attempts,
      requestedBy: d.requestedBy,
      municipalityId: d.municipalityId,
      learnerId: d.learnerId,
      createdAt: new Date(d.createdAt).toISOString(),
      startedAt: iso(d.startedAt),
      finishedAt: iso(d.finishedAt),
      expiredAt: iso(d.expiredAt),
      downloadUrl: d.status === 'done' ? `/api/v1/documents/${d.id}/download` : null,
    };
  }
}

export class DocumentPageView {
  @ApiProperty({ type: [DocumentView] }) items: DocumentView[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class DocumentQueryDto extends PickType(PageQueryDto, ['page', 'pageSize'] as const) {
  @ApiPropertyOptional({ example: 'pipeline.check' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  kind?: string;

  @ApiPropertyOptional({ enum: DOCUMENT_STATUSES })
  @IsOptional()
  @IsIn(DOCUMENT_STATUSES)
  status?: (typeof DOCUMENT_STATUSES)[number];

  @ApiPropertyOptional({ description: 'Only documents the caller requested (admins and coordinators otherwise see all)', type: Boolean })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  mine?: boolean;
}

export class RequestDocumentDto {
  @ApiProperty({ example: 'pipeline.check', description: 'A kind that can be requested through this route' })
  @IsString()
  @MaxLength(60)
  @Matches(/^[a-z][a-z0-9-]*(\.[a-z0-9-]+)+$/, { message: 'kind must look like feature.name' })
  kind: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: "The kind's parameters (ids and options)" })
  @IsOptional()
  @IsObject()
  params?: Record<string, unknown>;
}
