import { ContractView } from './dto/contract-view.dto';
import { ApiPageResponse } from '../../common/http/api-problems.decorator';
import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentScope, Roles } from '../../common/auth/auth.decorators';
import { Scope } from '../../common/auth/scope';
import { ApiProblems } from '../../common/http/api-problems.decorator';
import { UuidPipe } from '../../common/http/uuid-param.pipe';
import { ContractWriteService } from './contract-write.service';
import { ContractsService } from './contracts.service';
import { ContractQueryDto, CreateContractDto, UpdateContractDto } from './dto/contract.dto';
import { ContractDetailView } from './dto/contract-view.dto';

@ApiTags('contracts')
@ApiBearerAuth()
@Controller('contracts')
export class ContractsController {
  constructor(
    private readonly contracts: ContractsService,
    private readonly writer: ContractWriteService,
  ) {}

  @Get()
  @Roles('admin', 'coordinator', 'finance', 'municipality')
  @ApiOperation({ summary: 'List contracts (a municipality user sees only its own)' })
  @ApiPageResponse(ContractView)
  @ApiProblems(400, 401, 403)
  list(@Query() q: ContractQueryDto, @CurrentScope() scope: Scope) {
    return this.contracts.list(q, scope);
  }

  @Get(':id')
  @Roles('admin', 'coordinator', 'finance', 'municipality')
  @ApiOperation({ summary: 'One contract with its products, billing basis and prices' })
  @ApiOkResponse({ type: ContractDetailView })
  @ApiProblems(400, 401, 403, 404)
  get(@Param('id', UuidPipe) id: string, @CurrentScope() scope: Scope) {
    return this.contracts.get(id, scope);
  }

  @Post()
  @Roles('finance', 'admin')
  @ApiOperation({ summary: 'Create a contract with its products (finance, admin)' })
  @ApiCreatedResponse({ type: ContractDetailView })
  @ApiProblems(400, 401, 403, 409)
  create(@Body() dto: CreateContractDto, @CurrentScope() scope: Scope) {
    return this.writer.create(dto, scope);
  }

  @Patch(':id')
  @Roles('finance', 'admin')
  @ApiOperation({ summary: 'Change a contract (finance, admin); `products`, when given, replaces the list; send `version`' })
  @ApiOkResponse({ type: ContractDetailView })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  update(@Param('id', UuidPipe) id: string, @Body() dto: UpdateContractDto, @CurrentScope() scope: Scope) {
    return this.writer.update(id, dto, scope);
  }
}
