import { Body, Controller, Header, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentScope, Roles } from '../../common/auth/auth.decorators';
import { Scope } from '../../common/auth/scope';
import { ApiProblems } from '../../common/http/api-problems.decorator';
import { UuidPipe } from '../../common/http/uuid-param.pipe';
import { BsnLookupDto, RevealedBsnDto } from './dto/bsn-lookup.dto';
import { LearnerViewDto } from './dto/learner-view.dto';
import { LearnerBsnService } from './learner-bsn.service';

/** POST with the BSN in the body: a BSN never appears in a URL (URLs land in logs and browser history). */
@ApiTags('learners')
@ApiBearerAuth()
@Roles('admin', 'coordinator')
@Controller('learners')
export class LearnerBsnController {
  constructor(private readonly bsn: LearnerBsnService) {}

  @Post('lookup-by-bsn')
  @HttpCode(200)
  @ApiOperation({ summary: 'Find the learner with this exact BSN (admin, coordinator); audited' })
  @ApiOkResponse({ type: LearnerViewDto })
  @ApiProblems(400, 401, 403, 404)
  lookup(@Body() dto: BsnLookupDto, @CurrentScope() scope: Scope) {
    return this.bsn.lookup(dto.bsn, scope);
  }

  @Post(':id/bsn/reveal')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: "Show a learner's full BSN (admin, coordinator); every reveal is audited" })
  @ApiOkResponse({ type: RevealedBsnDto })
  @ApiProblems(400, 401, 403, 404)
  reveal(@Param('id', UuidPipe) id: string, @CurrentScope() scope: Scope) {
    return this.bsn.reveal(id, scope);
  }
}
