import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** An audit event with the name of whoever did it (the log keeps ids; names come from the user now). */
export class AuditEventViewDto {
  @ApiProperty({ description: 'Ascending with time' }) id: string;
  @ApiProperty() occurredAt: Date;
  @ApiPropertyOptional({ nullable: true }) actorId: string | null;
  @ApiPropertyOptional({ nullable: true }) actorRole: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'Display name of the actor; null for the system or a removed user' }) actorName: string | null;
  @ApiPropertyOptional({ nullable: true }) actorEmail: string | null;
  @ApiProperty({ example: 'update' }) action: string;
  @ApiProperty({ example: 'learner' }) entityType: string;
  @ApiPropertyOptional({ nullable: true }) entityId: string | null;
  @ApiProperty({ type: [String], description: 'Names of the changed fields, never their values' }) fields: string[];
  @ApiPropertyOptional({ nullable: true }) requestId: string | null;
}
