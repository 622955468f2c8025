import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { TRAJECTORY_STATUSES, TrajectoryStatus } from '../../../common/domain/vocabulary';
import { PageQueryDto } from '../../../common/http/page-query.dto';
import { SingleLine } from '../../../common/http/text-fields';

export class TrajectoryQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: TRAJECTORY_STATUSES })
  @IsOptional()
  @IsIn(TRAJECTORY_STATUSES)
  status?: TrajectoryStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  municipalityId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  learnerId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  productId?: string;

  @ApiPropertyOptional({ description: 'Every word part of the learner\'s name (case, diacritics and Cyrillic/Latin spelling are ignored), or the exact learner number' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @SingleLine()
  search?: string;
}
