import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../common/auth/auth.decorators';
import { todayIn } from '../../common/domain/calendar';
import { ApiProblems } from '../../common/http/api-problems.decorator';
import { AppConfig } from '../../config/app-config';
import { AssessmentLevelRepository } from '../assessments/assessment-level.repository';
import { TermWorklistPageDto, TermWorklistQueryDto } from './dto/term-worklist.dto';
import { TermWorklistRepository } from './term-worklist.repository';
import { withLatinName } from '../../common/domain/latin-name';

/** Adds whole months to a day, clamped to the month's last day (31 Aug + 6 months = 28/29 Feb). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

@ApiTags('trajectories')
@ApiBearerAuth()
@Controller()
export class TermWorklistController {
  constructor(
    private readonly worklist: TermWorklistRepository,
    private readonly levels: AssessmentLevelRepository,
    private readonly config: AppConfig,
  ) {}

  @Get('trajectories/term-worklist')
  @Roles('admin', 'coordinator')
  @ApiOperation({ summary: 'Worklist: unfinished wi2021 trajectories whose 3-year term ends within N months (default 6), with hours and levels so far' })
  @ApiOkResponse({ type: TermWorklistPageDto })
  @ApiProblems(400, 401, 403)
  async list(@Query() q: TermWorklistQueryDto): Promise<TermWorklistPageDto> {
    const today = todayIn(this.config.reportTimezone);
    const until = addMonths(today, q.withinMonths);
    const { total, rows } = await this.worklist.findPage(q, today, until);
    const levelRows = await this.levels.levelsAtDates(rows.map((r) => ({ learnerId: r.learner.id, date: today, trajectoryId: r.trajectoryId })));
    const items = rows.map((r, i) => ({
      ...r,
      learner: withLatinName(r.learner),
      levels: levelRows
        .filter((l) => l.request === i)
        .map((l) => ({ skill: l.skill, current: l.current, target: l.target, passed: l.passed, reached: l.reached })),
    }));
    return { today, until, items, total, page: q.page, pageSize: q.pageSize };
  }
}
