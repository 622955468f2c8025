import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'coordinator@koers.test' })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'koers-demo-2026' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password: string;
}

export class SessionUserDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'coordinator@koers.test' }) email: string;
  @ApiProperty({ example: 'Coordinator', nullable: true, type: String }) displayName: string | null;
  @ApiProperty({ enum: ['admin', 'coordinator', 'teacher', 'finance', 'municipality', 'learner'] }) role: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) municipalityId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) learnerId: string | null;
}

export class LoginResultDto {
  @ApiProperty() accessToken: string;
  @ApiProperty({ example: 'Bearer' }) tokenType: string;
  @ApiProperty({ example: '8h' }) expiresIn: string;
  @ApiProperty({ type: SessionUserDto })
  user: SessionUserDto;
}
