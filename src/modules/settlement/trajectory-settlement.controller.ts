import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentScope, Roles } from '../../common/auth/auth.decorators';
import { Scope } from '../../common/auth/scope';
import { ApiProblems } from '../../common/http/api-problems.decorator';
import { UuidPipe } from '../../common/http/uuid-param.pipe';
import { TrajectorySettlementView } from './dto/trajectory-settlement.dto';
import { TrajectorySettlementService } from './trajectory-settlement.service';

@ApiTags('settlement')
@ApiBearerAuth()
@Controller('trajectories')
export class TrajectorySettlementController {
  constructor(private readonly service: TrajectorySettlementService) {}

  @Get(':id/settlement')
  @Roles('admin', 'finance', 'coordinator', 'municipality')
  @ApiOperation({ summary: "A trajectory's billable events and what final runs billed of them" })
  @ApiOkResponse({ type: TrajectorySettlementView })
  @ApiProblems(400, 401, 403, 404)
  get(@Param('id', UuidPipe) id: string, @CurrentScope() scope: Scope) {
    return this.service.get(id, scope);
  }
}
