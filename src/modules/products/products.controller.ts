import { Product } from './entities/product.entity';
import { ApiPageResponse } from '../../common/http/api-problems.decorator';
import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentScope, Roles } from '../../common/auth/auth.decorators';
import { Scope } from '../../common/auth/scope';
import { ROLES } from '../../common/domain/vocabulary';
import { ApiProblems } from '../../common/http/api-problems.decorator';
import { UuidPipe } from '../../common/http/uuid-param.pipe';
import { CreateProductDto, ProductQueryDto, UpdateProductDto } from './dto/product.dto';
import { ProductsService } from './products.service';

@ApiTags('products')
@ApiBearerAuth()
@Controller('products')
export class ProductsController {
  constructor(private readonly service: ProductsService) {}

  @Get()
  @Roles(...ROLES)
  @ApiOperation({ summary: 'List products (course types); reference data, readable by every role' })
  @ApiPageResponse(Product)
  @ApiProblems(400, 401)
  list(@Query() q: ProductQueryDto) {
    return this.service.list(q);
  }

  @Get(':id')
  @Roles(...ROLES)
  @ApiOperation({ summary: 'One product' })
  @ApiProblems(400, 401, 404)
  get(@Param('id', UuidPipe) id: string) {
    return this.service.get(id);
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Add a product (admin, reference data)' })
  @ApiProblems(400, 401, 403, 409)
  create(@Body() dto: CreateProductDto, @CurrentScope() scope: Scope) {
    return this.service.create(dto, scope);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Change a product (admin)' })
  @ApiProblems(400, 401, 403, 404, 409)
  update(@Param('id', UuidPipe) id: string, @Body() dto: UpdateProductDto, @CurrentScope() scope: Scope) {
    return this.service.update(id, dto, scope);
  }
}
