import { ApiProperty } from '@nestjs/swagger';
import { IsBsn } from './learner-fields';

/** The BSN travels in the body, never in a URL (URLs end up in logs). */
export class BsnLookupDto {
  @ApiProperty({ example: '111222333' })
  @IsBsn()
  bsn: string;
}

export class RevealedBsnDto {
  @ApiProperty({ example: '111222333' })
  bsn: string;
}
