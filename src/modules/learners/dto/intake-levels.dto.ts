import { ApiPropertyOptional } from '@nestjs/swagger';
import { CEFR_LEVELS, CefrLevel } from '../../../common/domain/vocabulary';
import { CefrField } from './learner-fields';

/** Intake level per language skill (CEFR A0..C2); a skill not assessed at intake is left out. */
export class IntakeLevelsDto {
  @ApiPropertyOptional({ enum: CEFR_LEVELS, example: 'A1' })
  @CefrField()
  reading?: CefrLevel;

  @ApiPropertyOptional({ enum: CEFR_LEVELS, example: 'A1' })
  @CefrField()
  listening?: CefrLevel;

  @ApiPropertyOptional({ enum: CEFR_LEVELS, example: 'A0' })
  @CefrField()
  writing?: CefrLevel;

  @ApiPropertyOptional({ enum: CEFR_LEVELS, example: 'A1' })
  @CefrField()
  speaking?: CefrLevel;
}
