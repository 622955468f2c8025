import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'coordinator@koers.test' })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'koers-demo' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password: string;
}

export class LoginResultDto {
  @ApiProperty() accessToken: string;
  @ApiProperty({ example: 'Bearer' }) tokenType: string;
  @ApiProperty({ example: '8h' }) expiresIn: string;
  @ApiProperty({ example: { id: 'uuid', email: 'coordinator@koers.test', role: 'coordinator', displayName: 'Coordinator', municipalityId: null, learnerId: null } })
  user: Record<string, unknown>;
}
