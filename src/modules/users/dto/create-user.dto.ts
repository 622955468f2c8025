import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { Role, ROLES } from '../../../common/domain/vocabulary';
import { NotBlank, SingleLine } from '../../../common/http/text-fields';

export class CreateUserDto {
  @ApiProperty({ example: 'j.jansen@koers.test' })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'Jan Jansen' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @NotBlank()
  @SingleLine()
  displayName: string;

  @ApiProperty({ minLength: 12, description: 'At least 12 characters; not a common password, not built on the e-mail or name' })
  @IsString()
  @MinLength(12)
  @MaxLength(200)
  password: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: Role;

  @ApiPropertyOptional({ description: 'Required for role municipality' })
  @IsOptional()
  @IsUUID()
  municipalityId?: string;

  @ApiPropertyOptional({ description: 'Required for role learner: the learner this login belongs to' })
  @IsOptional()
  @IsUUID()
  learnerId?: string;
}
