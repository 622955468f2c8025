import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DocumentView } from '../../documents/dto/document.dto';

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
