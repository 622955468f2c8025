import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentScope, Roles } from '../../common/auth/auth.decorators';
import { Scope } from '../../common/auth/scope';
import { ApiProblems } from '../../common/http/api-problems.decorator';
import { UuidPipe } from '../../common/http/uuid-param.pipe';
import { CreatePortfolioItemDto } from './dto/create-portfolio-item.dto';
import { PortfolioItemQueryDto } from './dto/portfolio-item-query.dto';
import { PortfolioCompletenessDto, PortfolioItemPageDto, PortfolioItemView } from './dto/portfolio-item.dto';
import { ReviewPortfolioItemDto, SubmitPortfolioItemDto } from './dto/portfolio-transition.dto';
import { UpdatePortfolioItemDto } from './dto/update-portfolio-item.dto';
import { PortfolioItemsService } from './portfolio-items.service';
import { PortfolioReviewService } from './portfolio-review.service';

/** Finance has no access to portfolios; municipality users read only. */
const READERS = ['admin', 'coordinator', 'teacher', 'municipality', 'learner'] as const;
const AUTHORS = ['admin', 'coordinator', 'learner'] as const;

@ApiTags('portfolio')
@ApiBearerAuth()
@Controller()
export class PortfolioItemsController {
  constructor(
    private readonly items: PortfolioItemsService,
    private readonly review: PortfolioReviewService,
  ) {}

  @Get('trajectories/:trajectoryId/portfolio')
  @Roles(...READERS)
  @ApiOperation({ summary: "A trajectory's portfolio items, filtered by domain and status, paged" })
  @ApiOkResponse({ type: PortfolioItemPageDto })
  @ApiProblems(400, 401, 403, 404)
  list(@Param('trajectoryId', UuidPipe) trajectoryId: string, @Query() q: PortfolioItemQueryDto, @CurrentScope() scope: Scope) {
    return this.items.list(trajectoryId, q, scope);
  }

  @Post('trajectories/:trajectoryId/portfolio')
  @Roles(...AUTHORS)
  @ApiOperation({ summary: 'Add a portfolio item (draft) to a trajectory: the learner to its own, or a coordinator' })
  @ApiCreatedResponse({ type: PortfolioItemView })
  @ApiProblems(400, 401, 403, 404, 422)
  create(@Param('trajectoryId', UuidPipe) trajectoryId: string, @Body() dto: CreatePortfolioItemDto, @CurrentScope() scope: Scope): Promise<PortfolioItemView> {
    return this.items.create(trajectoryId, dto, scope);
  }

  @Get('trajectories/:trajectoryId/portfolio/completeness')
  @Roles(...READERS)
  @ApiOperation({ summary: 'Portfolio completeness: approved distinct required domains ÷ required domains of the product' })
  @ApiOkResponse({ type: PortfolioCompletenessDto })
  @ApiProblems(400, 401, 403, 404)
  completeness(@Param('trajectoryId', UuidPipe) trajectoryId: string, @CurrentScope() scope: Scope) {
    return this.items.completeness(trajectoryId, scope);
  }

  @Get('portfolio-items/:id')
  @Roles(...READERS)
  @ApiOperation({ summary: 'One portfolio item' })
  @ApiOkResponse({ type: PortfolioItemView })
  @ApiProblems(400, 401, 403, 404)
  get(@Param('id', UuidPipe) id: string, @CurrentScope() scope: Scope): Promise<PortfolioItemView> {
    return this.items.get(id, scope);
  }

  @Patch('portfolio-items/:id')
  @Roles(...AUTHORS)
  @ApiOperation({ summary: 'Change title, description or domain while the item is draft or needs_revision' })
  @ApiOkResponse({ type: PortfolioItemView })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  update(@Param('id', UuidPipe) id: string, @Body() dto: UpdatePortfolioItemDto, @CurrentScope() scope: Scope): Promise<PortfolioItemView> {
    return this.items.update(id, dto, scope);
  }

  @Post('portfolio-items/:id/submit')
  @HttpCode(200)
  @Roles(...AUTHORS)
  @ApiOperation({ summary: 'Submit for review (draft or needs_revision → submitted)' })
  @ApiOkResponse({ type: PortfolioItemView })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  submit(@Param('id', UuidPipe) id: string, @Body() dto: SubmitPortfolioItemDto, @CurrentScope() scope: Scope): Promise<PortfolioItemView> {
    return this.review.submit(id, dto, scope);
  }

  @Post('portfolio-items/:id/review')
  @HttpCode(200)
  @Roles('admin', 'coordinator', 'teacher')
  @ApiOperation({ summary: "Review a submitted item (approved, or needs_revision with feedback): a teacher of the trajectory's groups, or a coordinator" })
  @ApiOkResponse({ type: PortfolioItemView })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  reviewItem(@Param('id', UuidPipe) id: string, @Body() dto: ReviewPortfolioItemDto, @CurrentScope() scope: Scope): Promise<PortfolioItemView> {
    return this.review.review(id, dto, scope);
  }
}
