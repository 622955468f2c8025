import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class EvidenceView {
  @ApiProperty() id: string;
  @ApiProperty() itemId: string;
  @ApiProperty({ description: 'The file name as uploaded' }) originalName: string;
  @ApiProperty({ enum: ['application/pdf', 'image/jpeg', 'image/png'], description: "Decided from the file's bytes" }) contentType: string;
  @ApiProperty({ enum: ['pdf', 'jpg', 'png'] }) type: string;
  @ApiProperty() sizeBytes: number;
  @ApiProperty({ description: 'sha256 of the stored bytes, hex' }) sha256: string;
  @ApiPropertyOptional({ nullable: true }) uploadedBy: string | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ example: '/api/v1/evidence/6f1c…/download' }) downloadUrl: string;
}

export class UploadEvidenceDto {
  @ApiProperty({ type: 'string', format: 'binary', description: 'PDF, JPEG or PNG, at most 10 MB' }) file: unknown;
}
