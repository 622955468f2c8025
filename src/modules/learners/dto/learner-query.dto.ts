import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../../common/http/page-query.dto';
import { SingleLine } from '../../../common/http/text-fields';

export class LearnerQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    description: 'Name (accent- and case-insensitive, Cyrillic names also match their Latin spelling) or the exact learner number',
    example: 'celik',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @SingleLine()
  search?: string;

  @ApiPropertyOptional({ description: 'Only learners living in this municipality' })
  @IsOptional()
  @IsUUID()
  municipalityId?: string;
}
