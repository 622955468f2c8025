import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** An absence a learner (or a coordinator for it) reported before a lesson that has not started yet. */
export class AdvanceAbsenceViewDto {
  @ApiProperty({ format: 'uuid' }) lessonId: string;
  @ApiProperty({ format: 'uuid' }) learnerId: string;
  @ApiProperty() groupName: string;
  @ApiProperty({ example: '2025-03-03' }) date: string;
  @ApiProperty({ example: '09:00' }) startTime: string;
  @ApiProperty() minutes: number;
  @ApiProperty({ enum: ['physical', 'online'] }) mode: string;
  @ApiPropertyOptional({ nullable: true }) reason: string | null;
  @ApiProperty() recordedAt: Date;
  @ApiPropertyOptional({ nullable: true, description: 'Display name of who reported it (the learner itself or a coordinator)' })
  recordedByName: string | null;
}

export class AdvanceAbsenceListDto {
  @ApiProperty({ type: [AdvanceAbsenceViewDto], description: 'Lessons that have not started yet, soonest first' })
  items: AdvanceAbsenceViewDto[];
}
