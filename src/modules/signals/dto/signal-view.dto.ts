import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class SignalViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) trajectoryId: string;
  @ApiProperty({ format: 'uuid' }) learnerId: string;
  @ApiProperty() learnerNumber: string;
  @ApiProperty() learnerName: string;
  @ApiProperty({ format: 'uuid' }) municipalityId: string;
  @ApiProperty({ enum: ['R1', 'R2'] }) rule: string;
  @ApiProperty({ enum: ['registered', 'in_progress', 'closed', 'withdrawn'] }) status: string;
  @ApiProperty({ example: '2025-03-07', description: 'Date of the lesson that made the rule fire' }) triggeredOn: string;
  @ApiProperty({ description: 'What fired it: lesson ids (R1) or minutes in the window (R2), thresholds applied' }) details: Record<string, unknown>;
  @ApiPropertyOptional({ nullable: true, example: '2025-03-10' }) reportedToMunicipalityOn: string | null;
  @ApiPropertyOptional({ nullable: true, format: 'uuid', description: 'Who last moved the signal on' }) handledBy: string | null;
  @ApiPropertyOptional({ nullable: true }) handledAt: Date | null;
  @ApiPropertyOptional({ nullable: true }) closedAt: Date | null;
  @ApiPropertyOptional({ nullable: true }) note: string | null;
  @ApiProperty() version: number;
  @ApiProperty() raisedAt: Date;
  @ApiProperty() updatedAt: Date;
}

export class SignalPageDto {
  @ApiProperty({ type: [SignalViewDto] }) items: SignalViewDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
