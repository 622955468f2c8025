import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Scope } from '../../../common/auth/scope';
import { cefrIndex, CefrLevel } from '../../../common/domain/vocabulary';
import { BsnVault } from '../../learners/bsn/bsn-vault.service';
import { ImportRecord, ImportRepository, ImportRowRecord } from './import.repository';
import { ExamRow, PART_SKILL } from './exam-results.parser';

const RESULT_DUTCH: Record<string, string> = { Geslaagd: 'geslaagd', Gezakt: 'gezakt', Geen: 'geen resultaat' };

/** DUO exam results: the dry run (known learners by BSN, exams already read) and the commit into assessments. */
@Injectable()
export class ExamImportService {
  constructor(
    private readonly imports: ImportRepository,
    private readonly vault: BsnVault,
  ) {}

  async dryRun(m: EntityManager, _imp: ImportRecord, parsed: ExamRow[]): Promise<ImportRowRecord[]> {
    const hashes = [...new Set(parsed.filter((r) => r.value).map((r) => this.vault.hash(r.value!.bsn)))];
    const learners = new Map<string, { id: string; name: string }>(
      (await m.query(`SELECT id, bsn_hash AS h, first_name || ' ' || last_name AS name FROM learner WHERE bsn_hash = ANY ($1::varchar[])`, [hashes])).map(
        (l: { id: string; h: string; name: string }) => [l.h, l],
      ),
    );
    const ids = [...learners.values()].map((l) => l.id);
    const existing = new Set<string>(
      (await m.query(`SELECT learner_id || '|' || part || '|' || exam_date::text AS k FROM duo_exam_result WHERE learner_id = ANY ($1::uuid[])`, [ids])).map(
        (r: { k: string }) => r.k,
      ),
    );
    return parsed.map((r): ImportRowRecord => {
      if (!r.value) return { line: r.line, outcome: 'refused', problems: r.problems, value: null, learnerId: null, label: '' };
      const v = r.value;
      const what = `${v.part}${v.level ? ` ${v.level}` : ''} ${RESULT_DUTCH[v.result]}${v.noResultReason ? ` (${v.noResultReason})` : ''} op ${v.examDate}`;
      const learner = learners.get(this.vault.hash(v.bsn));
      if (!learner) {
        return { line: r.line, outcome: 'refused', problems: [{ field: 'bsn', reason: 'Geen deelnemer met dit BSN bij de school' }], value: null, learnerId: null, label: what };
      }
      const label = `${learner.name}: ${what}`;
      if (existing.has(`${learner.id}|${v.part}|${v.examDate}`)) return { line: r.line, outcome: 'known', problems: [], value: null, learnerId: learner.id, label: `${label} (al ingelezen)` };
      const { bsn: _plain, ...rest } = v;
      return { line: r.line, outcome: 'new', problems: [], value: rest, learnerId: learner.id, label };
    });
  }

  /** Each new exam once per (learner, part, date); Geslaagd/Gezakt also as an exam assessment of the mapped skill. */
  async commit(m: EntityManager, imp: ImportRecord, scope: Scope): Promise<Record<string, number>> {
    const rows = await this.imports.rows(imp.id, m, 'new');
    let created = 0;
    let assessments = 0;
    for (const r of rows) {
      const v = r.value as { examDate: string; part: keyof typeof PART_SKILL; level: CefrLevel | null; result: string; noResultReason: string | null };
      const ins = await m.query(
        `INSERT INTO duo_exam_result (learner_id, part, exam_date, level, result, no_result_reason, import_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (learner_id, part, exam_date) DO NOTHING RETURNING id`,
        [r.learnerId, v.part, v.examDate, v.level, v.result, v.noResultReason, imp.id],
      );
      if (!ins.length) continue; // read meanwhile by another import: idempotent
      created++;
      if (v.result === 'Geen') continue;
      const skill = PART_SKILL[v.part];
      const passed = v.result === 'Geslaagd';
      const [a] = await m.query(
        `INSERT INTO assessment (learner_id, trajectory_id, skill, date, instrument, level, level_index, passed, is_exam, note)
         VALUES ($1, (SELECT t.id FROM trajectory t WHERE t.learner_id = $1
                       ORDER BY (t.start_date <= $3::date AND coalesce(t.end_date, 'infinity'::date) >= $3::date) DESC, t.start_date DESC LIMIT 1),
                 $2, $3, 'DUO-examen', $4, $5, $6, true, $7)
         RETURNING id`,
        [r.learnerId, skill, v.examDate, v.level, v.level ? cefrIndex(v.level) : null, passed, `DUO ${v.part}${v.level ? ` ${v.level}` : ''}: ${v.result}`],
      );
      await m.query(`UPDATE duo_exam_result SET assessment_id = $2 WHERE id = $1`, [ins[0].id, a.id]);
      assessments++;
      await m.query(
        `INSERT INTO audit_event (actor_id, actor_role, action, entity_type, entity_id, fields, request_id) VALUES ($1, $2, 'create', 'assessment', $3, ARRAY['import:' || $4::text], $5)`,
        [scope.userId, scope.role, a.id, imp.id, scope.requestId ?? null],
      );
    }
    return { created, assessments };
  }
}
