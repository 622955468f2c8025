import { Injectable } from '@nestjs/common';
import { Scope } from '../../common/auth/scope';
import { daysBetween, todayIn } from '../../common/domain/calendar';
import { NotFoundException, ValidationFailedException } from '../../common/errors/domain.exception';
import { AppConfig } from '../../config/app-config';
import { AttendanceReportRepository } from './attendance-report.repository';
import { MissingRegistersQueryDto, PeriodQueryDto } from './dto/attendance-query.dto';
import { TrajectoryAttendanceDto } from './dto/attendance-summary.dto';
import { MissingRegistersRepository } from './missing-registers.repository';

export const SUBSTANTIAL_EFFORT_HOURS = 600;
export const SUBSTANTIAL_EFFORT_PHYSICAL_SHARE = 0.5;
export const Z_ROUTE_LANGUAGE_HOURS = 800;
export const Z_ROUTE_PARTICIPATION_HOURS = 800;
const MAX_GRID_DAYS = 366;

const hours = (minutes: number): number => Math.round((minutes / 60) * 100) / 100;
const rate = (num: number, den: number): number | null => (den > 0 ? Math.round((num / den) * 10_000) / 10_000 : null);

@Injectable()
export class AttendanceViewsService {
  constructor(
    private readonly reports: AttendanceReportRepository,
    private readonly missing: MissingRegistersRepository,
    private readonly config: AppConfig,
  ) {}

  async trajectory(id: string, q: PeriodQueryDto, scope: Scope): Promise<TrajectoryAttendanceDto> {
    checkPeriod(q.from, q.to);
    const r = await this.reports.trajectoryAttendance(id, q.from ?? null, q.to ?? null, todayIn(this.config.reportTimezone), scope);
    if (!r) throw new NotFoundException('Trajectory', id);
    const attendedHours = hours(r.learnerAttendedMinutes);
    const languageHours = hours(r.trajectoryAttendedMinutes);
    return {
      trajectoryId: r.trajectoryId,
      learnerId: r.learnerId,
      from: q.from ?? null,
      to: q.to ?? null,
      registeredMinutes: r.registeredMinutes,
      attendedMinutes: r.attendedMinutes,
      absentAuthorisedMinutes: r.authorisedMinutes,
      absentUnauthorisedMinutes: r.unauthorisedMinutes,
      attendanceRate: rate(r.attendedMinutes, r.registeredMinutes),
      attendanceRateExclAuthorised: rate(r.attendedMinutes, r.registeredMinutes - r.authorisedMinutes),
      absentAuthorisedHours: hours(r.authorisedMinutes),
      absentUnauthorisedHours: hours(r.unauthorisedMinutes),
      attendedHoursPhysical: hours(r.physicalMinutes),
      attendedHoursOnline: hours(r.onlineMinutes),
      substantialEffort: {
        normHours: SUBSTANTIAL_EFFORT_HOURS,
        requiredPhysicalShare: SUBSTANTIAL_EFFORT_PHYSICAL_SHARE,
        attendedHours,
        physicalHours: hours(r.learnerPhysicalMinutes),
        physicalShare: rate(r.learnerPhysicalMinutes, r.learnerAttendedMinutes),
        // Compared in minutes so rounding of hours never decides the flag.
        met:
          r.learnerAttendedMinutes >= SUBSTANTIAL_EFFORT_HOURS * 60 &&
          r.learnerPhysicalMinutes * 2 >= r.learnerAttendedMinutes,
      },
      participationNorm: r.participationNorm
        ? {
            languageNormHours: Z_ROUTE_LANGUAGE_HOURS,
            languageHours,
            languageMet: r.trajectoryAttendedMinutes >= Z_ROUTE_LANGUAGE_HOURS * 60,
            participationNormHours: Z_ROUTE_PARTICIPATION_HOURS,
            participationHours: hours(r.participationMinutes),
            participationMet: r.participationMinutes >= Z_ROUTE_PARTICIPATION_HOURS * 60,
            note: 'Participation hours: the dated entries of the trajectory\'s referrals to network partners, all time.',
          }
        : null,
    };
  }

  async groupGrid(id: string, q: PeriodQueryDto, scope: Scope) {
    const group = await this.reports.findGroup(id, scope);
    if (!group) throw new NotFoundException('Group', id);
    const today = todayIn(this.config.reportTimezone);
    const to = q.to ?? today;
    const from = q.from ?? (group.startDate <= to ? group.startDate : to);
    checkPeriod(from, to);
    if (daysBetween(from, to) >= MAX_GRID_DAYS) {
      throw ValidationFailedException.field('from', `the grid covers at most ${MAX_GRID_DAYS} days; narrow from/to`);
    }
    const lessons = await this.reports.gridLessons(id, from, to);
    const learners = await this.reports.gridRows(id, from, to, today);
    return { group: { id: group.id, code: group.code, name: group.name }, from, to, lessons, learners };
  }

  missingRegisters(q: MissingRegistersQueryDto) {
    checkPeriod(q.from, q.to);
    return this.missing.findPage(q, this.config.reportTimezone);
  }
}

function checkPeriod(from?: string, to?: string): void {
  if (from && to && to < from) throw ValidationFailedException.field('to', 'must be on or after from');
}
