import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsString, IsUUID, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { Role, ROLES } from '../../../common/domain/vocabulary';
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

  @ApiPropertyOptional({ description: 'false blocks login and ends the user\'s sessions; refused for your own account and the last active admin' })
  @IfPresent()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({
    enum: ROLES,
    description: 'A new role ends the user\'s existing tokens. Municipality needs municipalityId, learner a linked learner (learnerId); ' +
      'leaving the role learner unlinks the learner. Refused for your own account and the last active admin.',
  })
  @IfPresent()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ nullable: true, description: 'Only (and required) for role municipality; a change ends the user\'s existing tokens. Left out while the role changes away from municipality: cleared.' })
  @ValidateIf((_o, v) => v !== undefined && v !== null)
  @IsUUID()
  municipalityId?: string | null;

  @ApiPropertyOptional({ description: 'Only for role learner: the learner (without a login of its own) this login belongs to; a change ends the user\'s existing tokens' })
  @IfPresent()
  @IsUUID()
  learnerId?: string;
}
