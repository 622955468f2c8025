import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentScope, Roles } from '../../common/auth/auth.decorators';
import { Scope } from '../../common/auth/scope';
import { ApiProblems } from '../../common/http/api-problems.decorator';
import { UuidPipe } from '../../common/http/uuid-param.pipe';
import { CreatePartnerDto, PartnerPageDto, PartnerQueryDto, PartnerView, UpdatePartnerDto } from './dto/partner.dto';
import { PartnersService } from './partners.service';

export const NETWORK_MANAGERS = ['admin', 'coordinator'] as const;
/** Teachers read the network to help their learners; a municipality only its own partners. */
const PARTNER_READERS = ['admin', 'coordinator', 'teacher', 'municipality'] as const;

@ApiTags('network')
@ApiBearerAuth()
@Controller('partners')
export class PartnersController {
  constructor(private readonly partners: PartnersService) {}

  @Get()
  @Roles(...PARTNER_READERS)
  @ApiOperation({ summary: 'Netwerkpartners, paged; search on name, contact or address; filter by municipality, kind, theme, active' })
  @ApiOkResponse({ type: PartnerPageDto })
  @ApiProblems(400, 401, 403)
  list(@Query() q: PartnerQueryDto, @CurrentScope() scope: Scope) {
    return this.partners.list(q, scope);
  }

  @Post()
  @Roles(...NETWORK_MANAGERS)
  @ApiOperation({ summary: 'Add a partner organisation to a municipality' })
  @ApiCreatedResponse({ type: PartnerView })
  @ApiProblems(400, 401, 403)
  create(@Body() dto: CreatePartnerDto, @CurrentScope() scope: Scope): Promise<PartnerView> {
    return this.partners.create(dto, scope);
  }

  @Get(':id')
  @Roles(...PARTNER_READERS)
  @ApiOperation({ summary: 'One partner organisation' })
  @ApiOkResponse({ type: PartnerView })
  @ApiProblems(400, 401, 403, 404)
  get(@Param('id', UuidPipe) id: string, @CurrentScope() scope: Scope): Promise<PartnerView> {
    return this.partners.get(id, scope);
  }

  @Patch(':id')
  @Roles(...NETWORK_MANAGERS)
  @ApiOperation({ summary: 'Change a partner (version-checked)' })
  @ApiOkResponse({ type: PartnerView })
  @ApiProblems(400, 401, 403, 404, 409)
  update(@Param('id', UuidPipe) id: string, @Body() dto: UpdatePartnerDto, @CurrentScope() scope: Scope): Promise<PartnerView> {
    return this.partners.update(id, dto, scope);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(...NETWORK_MANAGERS)
  @ApiOperation({ summary: 'Remove a partner without referrals (one with referrals: set active to false)' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiProblems(400, 401, 403, 404, 409)
  async remove(@Param('id', UuidPipe) id: string, @CurrentScope() scope: Scope): Promise<void> {
    await this.partners.remove(id, scope);
  }
}
