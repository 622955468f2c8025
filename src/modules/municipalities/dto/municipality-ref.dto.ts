import { ApiProperty } from '@nestjs/swagger';

/** A municipality as other records name it (learner, trajectory). */
export class MunicipalityRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Enschede' }) name: string;
  @ApiProperty({ example: 'GM0153' }) cbsCode: string;
}
