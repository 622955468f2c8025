import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentScope, Roles } from '../../common/auth/auth.decorators';
import { Scope } from '../../common/auth/scope';
import { ApiProblems } from '../../common/http/api-problems.decorator';
import { UuidPipe } from '../../common/http/uuid-param.pipe';
import { CreateVolunteerDto, UpdateVolunteerDto, VolunteerPageDto, VolunteerQueryDto, VolunteerView } from './dto/volunteer.dto';
import { NETWORK_MANAGERS } from './partners.controller';
import { VolunteersService } from './volunteers.service';

/** A municipality reads the volunteers working in it, without their contact details. */
const VOLUNTEER_READERS = ['admin', 'coordinator', 'municipality'] as const;

@ApiTags('network')
@ApiBearerAuth()
@Controller('volunteers')
export class VolunteersController {
  constructor(private readonly volunteers: VolunteersService) {}

  @Get()
  @Roles(...VOLUNTEER_READERS)
  @ApiOperation({ summary: 'Vrijwilligers, paged; search on name or language; filter by municipality, partner, active, VOG expiring within N days' })
  @ApiOkResponse({ type: VolunteerPageDto })
  @ApiProblems(400, 401, 403)
  list(@Query() q: VolunteerQueryDto, @CurrentScope() scope: Scope) {
    return this.volunteers.list(q, scope);
  }

  @Post()
  @Roles(...NETWORK_MANAGERS)
  @ApiOperation({ summary: 'Add a volunteer (VOG date: its expiry is 3 years later)' })
  @ApiCreatedResponse({ type: VolunteerView })
  @ApiProblems(400, 401, 403)
  create(@Body() dto: CreateVolunteerDto, @CurrentScope() scope: Scope): Promise<VolunteerView> {
    return this.volunteers.create(dto, scope);
  }

  @Get(':id')
  @Roles(...VOLUNTEER_READERS)
  @ApiOperation({ summary: 'One volunteer' })
  @ApiOkResponse({ type: VolunteerView })
  @ApiProblems(400, 401, 403, 404)
  get(@Param('id', UuidPipe) id: string, @CurrentScope() scope: Scope): Promise<VolunteerView> {
    return this.volunteers.get(id, scope);
  }

  @Patch(':id')
  @Roles(...NETWORK_MANAGERS)
  @ApiOperation({ summary: 'Change a volunteer (version-checked)' })
  @ApiOkResponse({ type: VolunteerView })
  @ApiProblems(400, 401, 403, 404, 409)
  update(@Param('id', UuidPipe) id: string, @Body() dto: UpdateVolunteerDto, @CurrentScope() scope: Scope): Promise<VolunteerView> {
    return this.volunteers.update(id, dto, scope);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(...NETWORK_MANAGERS)
  @ApiOperation({ summary: 'Remove a volunteer who accompanied no first contact (otherwise set active to false)' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiProblems(400, 401, 403, 404, 409)
  async remove(@Param('id', UuidPipe) id: string, @CurrentScope() scope: Scope): Promise<void> {
    await this.volunteers.remove(id, scope);
  }
}
