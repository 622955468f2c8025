import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentScope, Roles } from '../../common/auth/auth.decorators';
import { Scope } from '../../common/auth/scope';
import { ApiProblems } from '../../common/http/api-problems.decorator';
import { UuidPipe } from '../../common/http/uuid-param.pipe';
import {
  CreateHoursDto,
  CreateReferralDto,
  EndReferralDto,
  FirstContactDto,
  NotStartedDto,
  ParticipatingDto,
  ParticipationHoursDto,
  ReferralPageDto,
  ReferralQueryDto,
  ReferralView,
  UpdateHoursDto,
} from './dto/referral.dto';
import { NETWORK_MANAGERS } from './partners.controller';
import { ReferralsService } from './referrals.service';

/** Finance has no business with referrals; the others within their trajectory scope. */
const READERS = ['admin', 'coordinator', 'teacher', 'municipality', 'learner'] as const;

@ApiTags('network')
@ApiBearerAuth()
@Controller()
export class ReferralsController {
  constructor(private readonly referrals: ReferralsService) {}

  @Get('trajectories/:id/referrals')
  @Roles(...READERS)
  @ApiOperation({ summary: "A trajectory's referrals (koppelingen) to network partners" })
  @ApiOkResponse({ type: ReferralPageDto })
  @ApiProblems(400, 401, 403, 404)
  list(@Param('id', UuidPipe) id: string, @Query() q: ReferralQueryDto, @CurrentScope() scope: Scope) {
    return this.referrals.list(id, q, scope);
  }

  @Post('trajectories/:id/referrals')
  @Roles(...NETWORK_MANAGERS)
  @ApiOperation({ summary: 'Refer the trajectory to an active partner of its municipality, for a wish, need or ability of its integration agreement' })
  @ApiCreatedResponse({ type: ReferralView })
  @ApiProblems(400, 401, 403, 404, 422)
  create(@Param('id', UuidPipe) id: string, @Body() dto: CreateReferralDto, @CurrentScope() scope: Scope): Promise<ReferralView> {
    return this.referrals.create(id, dto, scope);
  }

  @Get('referrals/:id')
  @Roles(...READERS)
  @ApiOperation({ summary: 'One referral' })
  @ApiOkResponse({ type: ReferralView })
  @ApiProblems(400, 401, 403, 404)
  get(@Param('id', UuidPipe) id: string, @CurrentScope() scope: Scope): Promise<ReferralView> {
    return this.referrals.get(id, scope);
  }

  @Post('referrals/:id/first-contact')
  @HttpCode(200)
  @Roles(...NETWORK_MANAGERS)
  @ApiOperation({ summary: 'planned → first_contact: the date and who went along (a volunteer with a valid VOG, or a staff member; none: unaccompanied)' })
  @ApiOkResponse({ type: ReferralView })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  firstContact(@Param('id', UuidPipe) id: string, @Body() dto: FirstContactDto, @CurrentScope() scope: Scope): Promise<ReferralView> {
    return this.referrals.firstContact(id, dto, scope);
  }

  @Post('referrals/:id/participating')
  @HttpCode(200)
  @Roles(...NETWORK_MANAGERS)
  @ApiOperation({ summary: 'first_contact → participating' })
  @ApiOkResponse({ type: ReferralView })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  participating(@Param('id', UuidPipe) id: string, @Body() dto: ParticipatingDto, @CurrentScope() scope: Scope): Promise<ReferralView> {
    return this.referrals.participating(id, dto, scope);
  }

  @Post('referrals/:id/end')
  @HttpCode(200)
  @Roles(...NETWORK_MANAGERS)
  @ApiOperation({ summary: 'participating → ended' })
  @ApiOkResponse({ type: ReferralView })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  end(@Param('id', UuidPipe) id: string, @Body() dto: EndReferralDto, @CurrentScope() scope: Scope): Promise<ReferralView> {
    return this.referrals.end(id, dto, scope);
  }

  @Post('referrals/:id/not-started')
  @HttpCode(200)
  @Roles(...NETWORK_MANAGERS)
  @ApiOperation({ summary: 'planned → not_started, with the reason' })
  @ApiOkResponse({ type: ReferralView })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  notStarted(@Param('id', UuidPipe) id: string, @Body() dto: NotStartedDto, @CurrentScope() scope: Scope): Promise<ReferralView> {
    return this.referrals.notStarted(id, dto, scope);
  }

  @Get('referrals/:id/hours')
  @Roles(...READERS)
  @ApiOperation({ summary: "A referral's dated participation hours" })
  @ApiOkResponse({ type: ParticipationHoursDto })
  @ApiProblems(400, 401, 403, 404)
  hours(@Param('id', UuidPipe) id: string, @CurrentScope() scope: Scope): Promise<ParticipationHoursDto> {
    return this.referrals.hours(id, scope);
  }

  @Post('referrals/:id/hours')
  @Roles(...NETWORK_MANAGERS)
  @ApiOperation({ summary: 'Record participation on a day (minutes), while participating or within an ended referral' })
  @ApiCreatedResponse({ type: ParticipationHoursDto })
  @ApiProblems(400, 401, 403, 404, 422)
  addHours(@Param('id', UuidPipe) id: string, @Body() dto: CreateHoursDto, @CurrentScope() scope: Scope): Promise<ParticipationHoursDto> {
    return this.referrals.addHours(id, dto, scope);
  }

  @Patch('referrals/:id/hours/:entryId')
  @Roles(...NETWORK_MANAGERS)
  @ApiOperation({ summary: 'Correct one participation entry (day, minutes, note; version-checked); same rules as recording it' })
  @ApiOkResponse({ type: ParticipationHoursDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  updateHours(
    @Param('id', UuidPipe) id: string,
    @Param('entryId', UuidPipe) entryId: string,
    @Body() dto: UpdateHoursDto,
    @CurrentScope() scope: Scope,
  ): Promise<ParticipationHoursDto> {
    return this.referrals.updateHours(id, entryId, dto, scope);
  }

  @Delete('referrals/:id/hours/:entryId')
  @HttpCode(204)
  @Roles(...NETWORK_MANAGERS)
  @ApiOperation({ summary: 'Remove one participation entry recorded by mistake' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiProblems(400, 401, 403, 404, 422)
  async removeHours(@Param('id', UuidPipe) id: string, @Param('entryId', UuidPipe) entryId: string, @CurrentScope() scope: Scope): Promise<void> {
    await this.referrals.removeHours(id, entryId, scope);
  }
}
