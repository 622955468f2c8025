import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { Role, ROLES } from '../../../common/domain/vocabulary';
import { PageQueryDto } from '../../../common/http/page-query.dto';
import { SingleLine } from '../../../common/http/text-fields';

export class UserQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Part of the name or e-mail' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @SingleLine()
  search?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;
}
