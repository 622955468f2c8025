import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentScope, Roles } from '../../common/auth/auth.decorators';
import { Scope } from '../../common/auth/scope';
import { ApiProblems } from '../../common/http/api-problems.decorator';
import { UuidPipe } from '../../common/http/uuid-param.pipe';
import { RegisterViewDto, SavedRegisterDto } from './dto/register-view.dto';
import { SaveRegisterDto } from './dto/register.dto';
import { RegisterService } from './register.service';

@ApiTags('attendance')
@ApiBearerAuth()
@Controller('lessons/:id')
export class RegisterController {
  constructor(private readonly service: RegisterService) {}

  @Get('register')
  @Roles('admin', 'coordinator', 'teacher')
  @ApiOperation({ summary: 'The register (presentielijst) of a lesson: learners enrolled on its date with their record' })
  @ApiOkResponse({ type: RegisterViewDto })
  @ApiProblems(400, 401, 403, 404)
  get(@Param('id', UuidPipe) id: string, @CurrentScope() scope: Scope) {
    return this.service.get(id, scope);
  }

  @Put('register')
  @Roles('admin', 'coordinator', 'teacher')
  @ApiOperation({
    summary: 'Save the whole register of a past, non-cancelled lesson; saving again replaces it. Raises absence signals when a rule fires',
  })
  @ApiOkResponse({ type: SavedRegisterDto })
  @ApiProblems(400, 401, 403, 404, 422)
  save(@Param('id', UuidPipe) id: string, @Body() dto: SaveRegisterDto, @CurrentScope() scope: Scope) {
    return this.service.save(id, dto, scope);
  }
}
