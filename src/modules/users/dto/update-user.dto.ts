import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsString, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { NotBlank, SingleLine } from '../../../common/http/text-fields';

/** Optional, but null is refused: no column here takes it. */
const IfPresent = () => ValidateIf((_o, v) => v !== undefined);

export class UpdateUserDto {
  @ApiPropertyOptional()
  @IfPresent()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @NotBlank()
  @SingleLine()
  displayName?: string;

  @ApiPropertyOptional({ minLength: 12, description: 'At least 12 characters; not a common password, not built on the e-mail or name. Ends the user\'s existing tokens.' })
  @IfPresent()
  @IsString()
  @MinLength(12)
  @MaxLength(200)
  password?: string;

  @ApiPropertyOptional({ description: 'false blocks login' })
  @IfPresent()
  @IsBoolean()
  active?: boolean;
}
