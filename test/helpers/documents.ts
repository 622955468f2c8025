import { createHash } from 'crypto';
import { promises as fs } from 'fs';
import * as path from 'path';
import { DataSource } from 'typeorm';
import TestAgent from 'supertest/lib/agent';

/** Polls GET /documents/:id until it reaches one of `statuses` (or fails the test after `timeoutMs`). */
export async function waitForDocument(http: TestAgent, auth: string, id: string, statuses = ['done', 'failed'], timeoutMs = 30_000): Promise<Record<string, unknown>> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await http.get(`/api/v1/documents/${id}`).set('Authorization', auth);
    if (res.status === 200 && statuses.includes(res.body.status)) return res.body;
    if (Date.now() > until) throw new Error(`document ${id} still ${res.body.status} (${res.status}) after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** Waits for a row's status straight from the database (for tests without HTTP). */
export async function waitForRow(db: DataSource, id: string, statuses = ['done', 'failed'], timeoutMs = 30_000): Promise<Record<string, unknown>> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await db.query(`SELECT * FROM document WHERE id = $1`, [id]);
    if (row && statuses.includes(row.status)) return row;
    if (Date.now() > until) throw new Error(`document ${id} still ${row?.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** Files stored for a document (every attempt writes under documents/<id>/). */
export async function filesOf(storageDir: string, id: string): Promise<string[]> {
  try {
    return (await fs.readdir(path.join(storageDir, 'documents', id))).map((f) => path.join(storageDir, 'documents', id, f));
  } catch {
    return [];
  }
}

export async function sha256File(file: string): Promise<string> {
  return createHash('sha256').update(await fs.readFile(file)).digest('hex');
}
