import { DomainException, NotFoundException, ValidationFailedException } from '../../src/common/errors/domain.exception';
import { Assessment } from '../../src/modules/assessments/entities/assessment.entity';
import { AttendanceRecord } from '../../src/modules/attendance/entities/attendance-record.entity';
import { CertificatesService } from '../../src/modules/certificates/certificates.service';
import { Certificate } from '../../src/modules/certificates/entities/certificate.entity';
import { createContract, createGroup, createLearner, createLesson, createTrajectory, enrol } from '../factories/records.factory';
import { Reference, seedReference } from '../factories/reference.factory';
import { createUser, TestUser } from '../factories/user.factory';
import { createServiceContext, ServiceContext } from '../helpers/service-context';

/** The certificate rules of DOMAIN.md (Certificates), called as services on a cloned database. */
describe('certificates (service level)', () => {
  let ctx: ServiceContext;
  let ref: Reference;
  let coordinator: TestUser;
  let teacher: TestUser;
  let otherTeacher: TestUser;
  let service: CertificatesService;
  const none = async () => null;

  beforeAll(async () => {
    ctx = await createServiceContext();
    ref = await seedReference(ctx.db);
    coordinator = await createUser(ctx, 'coordinator');
    teacher = await createUser(ctx, 'teacher');
    otherTeacher = await createUser(ctx, 'teacher');
    service = ctx.get(CertificatesService);
  });
  afterAll(() => ctx?.close());

  async function learnerInGroup(over: { firstName?: string; lastName?: string; status?: string; endDate?: string | null; groupId?: string } = {}) {
    const municipalityId = ref.municipalities.Enschede;
    const productId = ref.products['B1-ROUTE'];
    const contract = await createContract(ctx.db, municipalityId, [productId]);
    const learner = await createLearner(ctx.db, municipalityId, { firstName: over.firstName, lastName: over.lastName });
    const trajectory = await createTrajectory(ctx.db, {
      learnerId: learner.id, municipalityId, contractId: contract.id, productId, status: over.status ?? 'active', endDate: over.endDate ?? null,
    });
    const groupId = over.groupId ?? (await createGroup(ctx.db, productId, { teacherIds: [teacher.id] })).id;
    await enrol(ctx.db, trajectory.id, groupId, '2025-01-06', over.endDate ?? null);
    return { learner, trajectory, groupId };
  }

  const assess = (learnerId: string, skill: string, date: string, r: { level?: string; passed?: boolean }) =>
    ctx.repo(Assessment).save({
      learnerId, skill, date, instrument: 'examen', level: r.level ?? null,
      levelIndex: r.level ? ['A0', 'A1', 'A2', 'B1', 'B2', 'C1', 'C2'].indexOf(r.level) : null, passed: r.passed ?? (r.level ? true : null),
    });

  const refusal = async (p: Promise<unknown>): Promise<DomainException> => {
    try {
      await p;
    } catch (e) {
      return e as DomainException;
    }
    throw new Error('expected a refusal');
  };

  it('level: per skill the highest passed level on or before the issue date; failed, later and intake-only skills left out; pass/fail as behaald', async () => {
    const { learner, trajectory } = await learnerInGroup();
    await assess(learner.id, 'reading', '2025-03-01', { level: 'A2' });
    await assess(learner.id, 'reading', '2025-06-01', { level: 'B1' });
    await assess(learner.id, 'reading', '2025-07-01', { level: 'B2', passed: false });
    await assess(learner.id, 'speaking', '2099-01-01', { level: 'B1' });
    await assess(learner.id, 'knm', '2025-05-01', { passed: true });
    await assess(learner.id, 'map', '2025-05-01', { passed: false });
    const { certificate } = await service.issue({ trajectoryId: trajectory.id, kind: 'level' }, coordinator.scope, none);
    expect(certificate.facts.levels).toEqual([
      { skill: 'reading', level: 'B1', passed: null },
      { skill: 'knm', level: null, passed: true },
    ]);
    expect(certificate.number).toMatch(/^CERT-\d{4}-\d{6}$/);
    expect(certificate.verificationCode).toMatch(/^[A-Z2-7]{16}$/);
    expect(certificate.verifyUrl).toMatch(new RegExp(`/verify/${certificate.verificationCode}$`));
  });

  it('level: refused with a clear 422 when no skill has a passed assessment (the intake level alone does not count)', async () => {
    const { learner, trajectory } = await learnerInGroup();
    await assess(learner.id, 'writing', '2025-03-01', { level: 'A2', passed: false });
    const e = await refusal(service.issue({ trajectoryId: trajectory.id, kind: 'level' }, coordinator.scope, none));
    expect(e).toMatchObject({ kind: 'rule', code: 'certificate_no_levels' });
    expect(await ctx.repo(Certificate).countBy({ trajectoryId: trajectory.id })).toBe(0);
  });

  it('participation: attended hours physical and online over the period; 0 hours refused; a period outside the trajectory names the field', async () => {
    const { learner, trajectory, groupId } = await learnerInGroup();
    const lessons = [
      { date: '2025-02-03', mode: 'physical', status: 'present', late: 0 },
      { date: '2025-02-04', mode: 'physical', status: 'late', late: 30 },
      { date: '2025-02-05', mode: 'online', status: 'present', late: 0 },
      { date: '2025-02-06', mode: 'physical', status: 'absent_unauthorised', late: 0 },
      { date: '2025-03-10', mode: 'online', status: 'present', late: 0 },
    ];
    for (const l of lessons) {
      const lesson = await createLesson(ctx.db, groupId, { date: l.date, minutes: 180, mode: l.mode });
      const attended = l.status === 'present' ? 180 : l.status === 'late' ? 180 - l.late : 0;
      await ctx.repo(AttendanceRecord).save({
        lessonId: lesson.id, learnerId: learner.id, trajectoryId: trajectory.id, lessonDate: l.date, lessonMinutes: 180, lessonMode: l.mode,
        status: l.status, minutesLate: l.late, attendedMinutes: attended,
      });
    }
    const feb = await service.issue({ trajectoryId: trajectory.id, kind: 'participation', from: '2025-02-01', to: '2025-02-28' }, coordinator.scope, none);
    expect(feb.certificate.facts.hours).toEqual({ physicalMinutes: 330, onlineMinutes: 180 });
    expect(feb.certificate).toMatchObject({ periodFrom: '2025-02-01', periodTo: '2025-02-28' });
    const all = await service.issue({ trajectoryId: trajectory.id, kind: 'participation' }, coordinator.scope, none);
    expect(all.certificate.facts.hours).toEqual({ physicalMinutes: 330, onlineMinutes: 360 });
    expect(all.certificate.periodFrom).toBe(trajectory.startDate);

    const empty = await refusal(service.issue({ trajectoryId: trajectory.id, kind: 'participation', from: '2025-04-01', to: '2025-04-30' }, coordinator.scope, none));
    expect(empty).toMatchObject({ kind: 'rule', code: 'certificate_no_hours' });
    const early = await refusal(service.issue({ trajectoryId: trajectory.id, kind: 'participation', from: '2024-01-01' }, coordinator.scope, none));
    expect(early).toBeInstanceOf(ValidationFailedException);
    expect(early.errors[0].field).toBe('from');
  });

  it('completion: only for a completed trajectory, once while valid; after revocation it can be issued again', async () => {
    const running = await learnerInGroup();
    const e = await refusal(service.issue({ trajectoryId: running.trajectory.id, kind: 'completion' }, coordinator.scope, none));
    expect(e).toMatchObject({ kind: 'rule', code: 'certificate_trajectory_not_completed' });

    const done = await learnerInGroup({ status: 'completed', endDate: '2025-12-19' });
    const first = await service.issue({ trajectoryId: done.trajectory.id, kind: 'completion' }, coordinator.scope, none);
    expect(first.certificate.facts).toMatchObject({ product: { code: 'B1-ROUTE' }, endDate: '2025-12-19', startDate: '2025-01-06' });
    const again = await refusal(service.issue({ trajectoryId: done.trajectory.id, kind: 'completion' }, coordinator.scope, none));
    expect(again).toMatchObject({ kind: 'conflict', code: 'certificate_completion_exists' });

    const revoked = await service.revoke(first.certificate.id, 'Verkeerde einddatum', coordinator.scope);
    expect(revoked).toMatchObject({ status: 'revoked', revocationReason: 'Verkeerde einddatum' });
    expect(revoked.revokedAt).toBeTruthy();
    const twice = await refusal(service.revoke(first.certificate.id, 'nogmaals', coordinator.scope));
    expect(twice).toMatchObject({ kind: 'conflict', code: 'certificate_revoked' });
    const regen = await refusal(service.regenerate(first.certificate.id, coordinator.scope, none));
    expect(regen).toMatchObject({ kind: 'conflict', code: 'certificate_revoked' });
    const second = await service.issue({ trajectoryId: done.trajectory.id, kind: 'completion' }, coordinator.scope, none);
    expect(second.certificate.number).not.toBe(first.certificate.number);
  });

  it('numbers stay gap-free and unique under 20 concurrent issues, and a rolled-back issue gives its number back', async () => {
    const { learner, trajectory } = await learnerInGroup();
    await assess(learner.id, 'listening', '2025-02-01', { level: 'A2' });
    const before = await ctx.db.query(`SELECT coalesce(max(seq), 0)::int AS seq FROM certificate WHERE year = $1`, [Number(service.today().slice(0, 4))]);
    const failing = service.issue({ trajectoryId: trajectory.id, kind: 'level' }, coordinator.scope, async () => {
      throw new Error('document request failed');
    });
    await expect(failing).rejects.toThrow('document request failed');
    const issued = await Promise.all(
      Array.from({ length: 20 }, () => service.issue({ trajectoryId: trajectory.id, kind: 'level' }, coordinator.scope, none)),
    );
    const seqs = issued.map((r) => Number(r.certificate.number.slice(-6))).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => before[0].seq + 1 + i));
    expect(new Set(issued.map((r) => r.certificate.verificationCode)).size).toBe(20);
  });

  it('scope: a teacher issues for its own groups only; another teacher gets 404', async () => {
    const { learner, trajectory } = await learnerInGroup();
    await assess(learner.id, 'reading', '2025-02-01', { level: 'A2' });
    await expect(service.issue({ trajectoryId: trajectory.id, kind: 'level' }, otherTeacher.scope, none)).rejects.toBeInstanceOf(NotFoundException);
    const own = await service.issue({ trajectoryId: trajectory.id, kind: 'level' }, teacher.scope, none);
    expect(own.certificate.issuedBy).toBe(teacher.id);
    await expect(service.get(own.certificate.id, otherTeacher.scope)).rejects.toBeInstanceOf(NotFoundException);
  });

  it('refuses a name the font cannot print, naming the characters, instead of printing empty boxes', async () => {
    const { learner, trajectory } = await learnerInGroup({ firstName: '王', lastName: 'Xiaoming' });
    await assess(learner.id, 'reading', '2025-02-01', { level: 'A2' });
    const e = await refusal(service.issue({ trajectoryId: trajectory.id, kind: 'level' }, coordinator.scope, none));
    expect(e).toMatchObject({ kind: 'rule', code: 'certificate_text_unprintable' });
    expect(e.detail).toContain('U+738B');
  });

  it('bulk: one certificate per qualifying learner of the group, in one numbered run; the others listed with their reason', async () => {
    const a = await learnerInGroup({ firstName: 'Şahin', lastName: 'Çelik' });
    const b = await learnerInGroup({ firstName: 'Ольга', lastName: 'Петрова', groupId: a.groupId });
    const c = await learnerInGroup({ firstName: 'Işıl', lastName: 'Ağaoğlu', groupId: a.groupId });
    await assess(a.learner.id, 'reading', '2025-02-01', { level: 'A2' });
    await assess(b.learner.id, 'speaking', '2025-02-01', { level: 'B1' });
    const res = await service.issueForGroup(a.groupId, { kind: 'level' }, teacher.scope, async (_m, list) => list.length);
    expect(res.extra).toBe(2);
    expect(res.certificates.map((x) => x.learner.lastName).sort()).toEqual(['Петрова', 'Çelik'].sort());
    expect(res.certificates.every((x) => x.groupId === a.groupId)).toBe(true);
    const seqs = res.certificates.map((x) => Number(x.number.slice(-6)));
    expect(Math.max(...seqs) - Math.min(...seqs)).toBe(1);
    expect(res.skipped).toEqual([expect.objectContaining({ trajectoryId: c.trajectory.id, code: 'certificate_no_levels' })]);
    await expect(service.issueForGroup(a.groupId, { kind: 'level' }, otherTeacher.scope, none)).rejects.toBeInstanceOf(NotFoundException);
    const e = await refusal(service.issueForGroup(a.groupId, { kind: 'completion' }, teacher.scope, none));
    expect(e).toMatchObject({ kind: 'rule', code: 'certificate_group_none_eligible' });
  });
});
