import { UuidPipe } from '../../common/http/uuid-param.pipe';
import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentScope, Roles } from '../../common/auth/auth.decorators';
import { Scope } from '../../common/auth/scope';
import { ApiPageResponse, ApiProblems } from '../../common/http/api-problems.decorator';
import { Municipality } from './entities/municipality.entity';
import { CreateMunicipalityDto, MunicipalityQueryDto, UpdateMunicipalityDto } from './dto/municipality.dto';
import { MunicipalitiesService } from './municipalities.service';

@ApiTags('municipalities')
@ApiBearerAuth()
@Controller('municipalities')
export class MunicipalitiesController {
  constructor(private readonly service: MunicipalitiesService) {}

  @Get()
  @Roles('admin', 'coordinator', 'teacher', 'finance', 'municipality')
  @ApiOperation({ summary: 'List municipalities (a municipality user sees only its own)' })
  @ApiPageResponse(Municipality)
  @ApiProblems(400, 401, 403)
  list(@Query() q: MunicipalityQueryDto, @CurrentScope() scope: Scope) {
    return this.service.list(q, scope);
  }

  @Get(':id')
  @Roles('admin', 'coordinator', 'teacher', 'finance', 'municipality')
  @ApiOperation({ summary: 'One municipality' })
  @ApiProblems(400, 401, 403, 404)
  get(@Param('id', UuidPipe) id: string, @CurrentScope() scope: Scope) {
    return this.service.get(id, scope);
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Add a municipality (admin, reference data)' })
  @ApiProblems(400, 401, 403, 409)
  create(@Body() dto: CreateMunicipalityDto, @CurrentScope() scope: Scope) {
    return this.service.create(dto, scope);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Change a municipality (admin)' })
  @ApiProblems(400, 401, 403, 404, 409)
  update(@Param('id', UuidPipe) id: string, @Body() dto: UpdateMunicipalityDto, @CurrentScope() scope: Scope) {
    return this.service.update(id, dto, scope);
  }
}
