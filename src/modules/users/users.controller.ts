import { UuidPipe } from '../../common/http/uuid-param.pipe';
import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentScope, Roles } from '../../common/auth/auth.decorators';
import { Scope } from '../../common/auth/scope';
import { ApiPageResponse, ApiProblems } from '../../common/http/api-problems.decorator';
import { UserViewDto } from './dto/user-view.dto';
import { CreateUserDto } from './dto/create-user.dto';
import { UpdateUserDto } from './dto/update-user.dto';
import { UserQueryDto } from './dto/user-query.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Roles('admin')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ summary: 'List users (admin)' })
  @ApiPageResponse(UserViewDto)
  @ApiProblems(400, 401, 403)
  list(@Query() q: UserQueryDto) {
    return this.users.findPage(q);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One user (admin)' })
  @ApiOkResponse({ type: UserViewDto })
  @ApiProblems(400, 401, 403, 404)
  get(@Param('id', UuidPipe) id: string) {
    return this.users.findById(id);
  }

  @Post()
  @ApiOperation({ summary: 'Create a user (admin); a municipality user needs municipalityId, a learner login needs learnerId' })
  @ApiProblems(400, 401, 403, 409)
  create(@Body() dto: CreateUserDto, @CurrentScope() scope: Scope) {
    return this.users.create(dto, scope);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change name, password, active flag, role, municipality or learner (admin); a new password, role, municipality or learner ends the user\'s tokens' })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  update(@Param('id', UuidPipe) id: string, @Body() dto: UpdateUserDto, @CurrentScope() scope: Scope) {
    return this.users.update(id, dto, scope);
  }
}
