import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentScope, Roles } from '../../common/auth/auth.decorators';
import { Scope } from '../../common/auth/scope';
import { todayIn } from '../../common/domain/calendar';
import { NotFoundException } from '../../common/errors/domain.exception';
import { ApiProblems } from '../../common/http/api-problems.decorator';
import { UuidPipe } from '../../common/http/uuid-param.pipe';
import { AppConfig } from '../../config/app-config';
import { NetworkOverviewDto } from './dto/network-overview.dto';
import { NetworkOverviewRepository } from './network-overview.repository';

@ApiTags('network')
@ApiBearerAuth()
@Controller()
export class NetworkOverviewController {
  constructor(
    private readonly overview: NetworkOverviewRepository,
    private readonly config: AppConfig,
  ) {}

  @Get('municipalities/:id/network')
  @Roles('admin', 'coordinator', 'municipality')
  @ApiOperation({
    summary: "A municipality's network: partners per kind and theme, referrals per partner, share of accompanied first contacts, volunteers whose VOG expires within 60 days",
  })
  @ApiOkResponse({ type: NetworkOverviewDto })
  @ApiProblems(400, 401, 403, 404)
  async get(@Param('id', UuidPipe) id: string, @CurrentScope() scope: Scope): Promise<NetworkOverviewDto> {
    // Another municipality's network does not exist for a municipality user.
    if (scope.role === 'municipality' && scope.municipalityId !== id) throw new NotFoundException('Municipality', id);
    const m = await this.overview.municipality(id);
    if (!m) throw new NotFoundException('Municipality', id);
    return this.overview.overview(id, m.name, todayIn(this.config.reportTimezone));
  }
}
