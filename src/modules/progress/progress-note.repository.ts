import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { offsetOf, Page, PageQueryDto, pageOf } from '../../common/http/page-query.dto';
import { orderBySql, parseSort } from '../../common/http/sort';
import { ProgressNoteDto } from './dto/progress-note.dto';
import { ProgressNote } from './entities/progress-note.entity';

const SORTS = { date: 'n.date', createdAt: 'n.created_at', followUpDate: 'n.follow_up_date' };

const SELECT = `
  SELECT n.id, n.trajectory_id AS "trajectoryId", n.date::text AS date, n.summary, n.agreements,
         n.follow_up_date::text AS "followUpDate", n.author_id AS "authorId", u.display_name AS "authorName", n.created_at AS "createdAt"
    FROM progress_note n LEFT JOIN app_user u ON u.id = n.author_id`;

export interface NoteHead {
  id: string;
  trajectoryId: string;
  authorId: string | null;
  date: string;
  followUpDate: string | null;
}

@Injectable()
export class ProgressNoteRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insert(m: EntityManager, values: Partial<ProgressNote>): Promise<string> {
    const res = await m.insert(ProgressNote, values);
    return (res.identifiers[0] as { id: string }).id;
  }

  async update(m: EntityManager, id: string, patch: Partial<ProgressNote>): Promise<void> {
    await m.update(ProgressNote, { id }, patch);
  }

  /** Locks the note for the update that follows. */
  async findHeadForUpdate(m: EntityManager, id: string): Promise<NoteHead | null> {
    const rows: NoteHead[] = await m.query(
      `SELECT id, trajectory_id AS "trajectoryId", author_id AS "authorId", date::text AS date, follow_up_date::text AS "followUpDate"
         FROM progress_note WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0] ?? null;
  }

  async findById(id: string, m: EntityManager = this.db.manager): Promise<ProgressNoteDto | null> {
    const rows: ProgressNoteDto[] = await m.query(`${SELECT} WHERE n.id = $1`, [id]);
    return rows[0] ?? null;
  }

  async findPageForTrajectory(trajectoryId: string, q: PageQueryDto): Promise<Page<ProgressNoteDto>> {
    const order = orderBySql(parseSort(q.sort, SORTS, '-date,-createdAt'), 'n.id');
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM progress_note WHERE trajectory_id = $1`, [trajectoryId]);
    const items: ProgressNoteDto[] = await this.db.query(
      `${SELECT} WHERE n.trajectory_id = $1 ORDER BY ${order} LIMIT ${q.pageSize} OFFSET ${offsetOf(q)}`,
      [trajectoryId],
    );
    return pageOf(items, total, q);
  }
}
