import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES } from '../../../common/domain/vocabulary';

export class UserViewDto {
  @ApiProperty() id: string;
  @ApiProperty() email: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ROLES }) role: string;
  @ApiPropertyOptional({ nullable: true }) municipalityId: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'The learner this login belongs to (role learner)' }) learnerId: string | null;
  @ApiProperty() active: boolean;
  @ApiProperty() createdAt: Date;
}
