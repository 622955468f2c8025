import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MilestoneDto } from './contract-product.dto';

export class ContractProductView {
  @ApiProperty() id: string;
  @ApiProperty() productId: string;
  @ApiProperty({ example: 'B1-ROUTE' }) productCode: string;
  @ApiProperty({ example: 'B1-route' }) productName: string;
  @ApiProperty({ enum: ['per_trajectory', 'per_attended_hour'] }) billingBasis: string;
  @ApiProperty({ description: 'euro cents' }) priceCents: number;
  @ApiProperty({ description: 'euro cents' }) hourlyRateCents: number;
  @ApiProperty({ type: [MilestoneDto] }) milestones: MilestoneDto[];
  @ApiProperty({ description: 'euro cents' }) examBonusCents: number;
  @ApiProperty({ enum: ['pro_rata_hours', 'none'] }) dropoutRule: string;
}

export class ContractView {
  @ApiProperty() id: string;
  @ApiProperty() municipalityId: string;
  @ApiProperty({ example: 'Enschede' }) municipalityName: string;
  @ApiProperty() reference: string;
  @ApiProperty() name: string;
  @ApiProperty({ format: 'date' }) validFrom: string;
  @ApiPropertyOptional({ format: 'date', nullable: true }) validTo: string | null;
  @ApiProperty() vatRateBasisPoints: number;
  @ApiProperty() r1ConsecutiveLessons: number;
  @ApiProperty() r2WindowDays: number;
  @ApiProperty() r2UnauthorisedMinutes: number;
  @ApiProperty({ example: { dropout_rate: 0.15 } }) spilTargets: Record<string, number>;
  @ApiProperty() version: number;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}

export class ContractDetailView extends ContractView {
  @ApiProperty({ type: [ContractProductView] }) products: ContractProductView[];
}
