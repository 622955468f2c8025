import { Controller, Delete, HttpCode, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentScope, Roles } from '../../common/auth/auth.decorators';
import { Scope } from '../../common/auth/scope';
import { ApiProblems } from '../../common/http/api-problems.decorator';
import { QueueBoardSession } from './queue-board-session';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/queue-board')
export class QueueBoardController {
  constructor(private readonly session: QueueBoardSession) {}

  @Post('session')
  @HttpCode(204)
  @Roles('admin')
  @ApiOperation({ summary: 'Admins: sets a 15-minute HttpOnly cookie that opens Bull Board at /admin/queues in this browser' })
  @ApiNoContentResponse({ description: 'Cookie set; open /admin/queues' })
  @ApiProblems(401, 403)
  open(@CurrentScope() scope: Scope, @Res({ passthrough: true }) reply: FastifyReply): void {
    void reply.header('set-cookie', this.session.cookieFor(scope.userId));
  }

  @Delete('session')
  @HttpCode(204)
  @Roles('admin')
  @ApiOperation({ summary: 'Admins: ends the Bull Board cookie' })
  @ApiNoContentResponse({ description: 'Cookie removed' })
  @ApiProblems(401, 403)
  close(@Res({ passthrough: true }) reply: FastifyReply): void {
    void reply.header('set-cookie', this.session.clearCookie());
  }
}
