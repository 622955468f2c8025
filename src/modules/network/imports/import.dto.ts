import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '../../../common/http/page-query.dto';
import { DocumentView } from '../../documents/dto/document.dto';
import { MunicipalityRef } from '../dto/partner.dto';
import { IMPORT_KINDS, IMPORT_STATES, IMPORT_STATUSES } from '../entities/data-import.entity';

export class UploadImportDto {
  @ApiProperty({ type: 'string', format: 'binary', description: 'xlsx, or CSV with ; or , (UTF-8 or Windows-1252); exam results also as JSON' }) file: unknown;
  @ApiProperty({ format: 'uuid' }) municipalityId: string;
}

export class ImportProblemDto {
  @ApiProperty({ example: 'bsn' }) field: string;
  @ApiProperty({ example: 'BSN voldoet niet aan de elfproef' }) reason: string;
}

export class ImportRowView {
  @ApiProperty({ description: 'Line in the sheet (header = 1); for a JSON file the position of the exam' }) line: number;
  @ApiProperty({ enum: ['new', 'known', 'refused'] }) outcome: string;
  @ApiProperty({ type: [ImportProblemDto] }) problems: ImportProblemDto[];
  @ApiProperty({ description: 'Name, or exam and name; never a BSN' }) label: string;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) learnerId: string | null;
}

export class ImportView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['learners', 'exam_results'] }) kind: string;
  @ApiProperty({ format: 'uuid' }) municipalityId: string;
  @ApiProperty({ enum: ['uploaded', 'checked', 'refused', 'committed'], description: 'uploaded: dry run still running; checked: ready to commit' }) status: string;
  @ApiProperty() fileName: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Dutch: why the whole file was refused' }) fileError: string | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, example: { new: 10, known: 2, refused: 1 } }) summary: Record<string, number>;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) dryRunDocumentId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) checkedAt: Date | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) committedAt: Date | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ type: [ImportRowView] }) rows: ImportRowView[];
}

export class ImportAcceptedView {
  @ApiProperty({ type: ImportView }) import: ImportView;
  @ApiProperty({ type: DocumentView, description: 'The dry run: a document the worker makes (xlsx)' }) document: DocumentView;
}

/** Sort fields: createdAt (default, newest first), fileName. A municipality user lists its own municipality's imports only. */
export class ImportQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() municipalityId?: string;
  @ApiPropertyOptional({ enum: IMPORT_KINDS }) @IsOptional() @IsIn(IMPORT_KINDS) kind?: string;
  @ApiPropertyOptional({ enum: IMPORT_STATES, description: 'dry_run: checked or still being checked, not committed; committed; failed: the file was refused or its dry run failed' })
  @IsOptional() @IsIn(IMPORT_STATES)
  state?: string;
}

export class UserRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class ImportListItemView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: IMPORT_KINDS }) kind: string;
  @ApiProperty({ type: MunicipalityRef }) municipality: MunicipalityRef;
  @ApiProperty() fileName: string;
  @ApiProperty({ enum: IMPORT_STATUSES }) status: string;
  @ApiProperty({ enum: IMPORT_STATES, description: 'dry_run (not committed yet), committed, or failed (file refused, or the dry run failed)' }) state: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, example: { new: 10, known: 2, refused: 1, committed_created: 10 } }) summary: Record<string, number>;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) dryRunDocumentId: string | null;
  @ApiPropertyOptional({ type: UserRef, nullable: true, description: 'Who uploaded it' }) requestedBy: UserRef | null;
  @ApiProperty() createdAt: Date;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) checkedAt: Date | null;
  @ApiPropertyOptional({ type: UserRef, nullable: true, description: 'Who committed it' }) committedBy: UserRef | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) committedAt: Date | null;
}

export class ImportPageDto {
  @ApiProperty({ type: [ImportListItemView] }) items: ImportListItemView[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
