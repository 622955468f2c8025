import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import ExcelJS from 'exceljs';
import { addDays, todayIn } from '../src/common/domain/calendar';
import { BsnVault } from '../src/modules/learners/bsn/bsn-vault.service';
import { WorkerModule } from '../src/worker.module';
import { createContract, createGroup, createLearner, createLesson, createTrajectory } from './factories/records.factory';
import { Reference, seedReference } from './factories/reference.factory';
import { createUser, TestUser } from './factories/user.factory';
import { waitForDocument } from './helpers/documents';
import { createTestApp, TestApp } from './helpers/test-app';

/** The n-th valid BSN (11-test) from 100000000 up. */
function validBsns(count: number, start = 200000000): string[] {
  const out: string[] = [];
  for (let n = start; out.length < count; n++) {
    const d = String(n).padStart(9, '0').split('').map(Number);
    const sum = d.slice(0, 8).reduce((s, x, i) => s + x * (9 - i), 0) - d[8];
    if (sum % 11 === 0) out.push(String(n).padStart(9, '0'));
  }
  return out;
}

/** A valid BSN with a leading zero, as Excel gives it: 8 digits. */
const EIGHT_DIGITS = validBsns(1, 20000000)[0].slice(1);

const HEADER = 'BSN;Voornamen;Achternaam;Geboortedatum;E-mail;Telefoon;Leerroute;PIP-datum;Regime';

function binary(res: unknown, cb: (err: Error | null, body: Buffer) => void) {
  const stream = res as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => cb(null, Buffer.concat(chunks)));
}

describe('imports and the DUO hours export (e2e)', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let ref: Reference;
  let coordinator: TestUser;
  let enschede: TestUser;
  let hengelo: TestUser;
  let knownLearnerId: string;
  let vault: BsnVault;
  const today = todayIn('Europe/Amsterdam');

  const upload = (user: TestUser, route: string, content: Buffer, filename: string, municipalityId = ref.municipalities.Enschede) =>
    t.http.post(`/api/v1/imports/${route}`).set('Authorization', user.auth).field('municipalityId', municipalityId).attach('file', content, { filename });

  /** Upload, wait for the dry run, answer the import with its rows. */
  async function dryRun(route: string, content: Buffer, filename: string) {
    const res = await upload(coordinator, route, content, filename);
    expect(res.status).toBe(202);
    expect(res.body.document.kind).toBe('import.dry-run');
    const doc = await waitForDocument(t.http, coordinator.auth, res.body.document.id);
    expect(doc.status).toBe('done');
    const imp = await t.http.get(`/api/v1/imports/${res.body.import.id}`).set('Authorization', coordinator.auth).expect(200);
    return imp.body;
  }
  const outcomes = (imp: { rows: Array<{ line: number; outcome: string }> }) => Object.fromEntries(imp.rows.map((r) => [r.line, r.outcome]));
  const commit = (id: string, user = coordinator) => t.http.post(`/api/v1/imports/${id}/commit`).set('Authorization', user.auth);

  beforeAll(async () => {
    t = await createTestApp();
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
    await worker.init();
    ref = await seedReference(t.db);
    await createContract(t.db, ref.municipalities.Enschede, [ref.products['B1-ROUTE'], ref.products['Z-ROUTE'], ref.products.ONDERWIJSROUTE]);
    coordinator = await createUser(t, 'coordinator');
    enschede = await createUser(t, 'municipality', { municipalityId: ref.municipalities.Enschede });
    hengelo = await createUser(t, 'municipality', { municipalityId: ref.municipalities.Hengelo });
    vault = t.app.get(BsnVault);
    knownLearnerId = (await createLearner(t.db, ref.municipalities.Enschede, { firstName: 'Ana', lastName: 'Bekend', ...vault.seal('111222333') })).id;
  });
  afterAll(async () => {
    await worker.close();
    await t.close();
  });

  describe('learner import', () => {
    const csv = [
      HEADER,
      '123456782;Şahin;Çelik;17-05-1990;sahin@example.nl;06 12345678;B1-route;14-01-2025;Wi2021',
      '111222333;Ana;Bekend;1985-02-01;;;Z-route;;Wi2021',
      '123456789;Fout;Bsn;1990-01-01;;;B1-route;;Wi2021',
      '123456782;Dubbel;Rij;1990-01-01;;;B1-route;;wi2021',
      '999999990;Olga;Ivanova;31-02-1990;;;Z-route;;Wi2021',
      '010000008;Олег;Петров;1979-12-01;geen-mail;;Z-route;2025-02-01;WI2021',
      `${EIGHT_DIGITS};Nul;Vooraan;1-3-1992;;;onderwijsroute;;Wi2021`,
    ].join('\r\n');
    let first: { id: string; rows: Array<{ line: number; outcome: string; problems: Array<{ field: string; reason: string }> }> };

    it('dry run: a result per row (new, known by BSN, refused with field and Dutch reason), also as xlsx', async () => {
      first = await dryRun('learners', Buffer.from(csv, 'utf8'), 'aanmelding.csv');
      expect(first).toMatchObject({ status: 'checked', summary: { new: 2, known: 1, refused: 4 } });
      expect(outcomes(first)).toEqual({ 2: 'new', 3: 'known', 4: 'refused', 5: 'refused', 6: 'refused', 7: 'refused', 8: 'new' });
      const problems = (line: number) => first.rows.find((r) => r.line === line)!.problems;
      expect(problems(4)).toEqual([{ field: 'bsn', reason: 'BSN voldoet niet aan de elfproef' }]);
      expect(problems(5)[0]).toMatchObject({ field: 'bsn', reason: expect.stringContaining('rij 2') });
      expect(problems(6)).toEqual([{ field: 'geboortedatum', reason: expect.stringContaining('Geen geldige datum') }]);
      expect(problems(7)).toEqual([{ field: 'e-mail', reason: expect.stringContaining('Geen geldig e-mailadres') }]);
      expect(JSON.stringify(first)).not.toContain('123456782');
      // The dry-run sheet.
      const imp = await t.db.query(`SELECT dry_run_document_id AS d, storage_key AS k FROM data_import WHERE id = $1`, [first.id]);
      expect(imp[0].k).toBeNull(); // the upload is gone once read
      const file = await t.http.get(`/api/v1/documents/${imp[0].d}/download`).set('Authorization', coordinator.auth).buffer(true).parse(binary);
      expect(file.status).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(file.body);
      const cells = wb.worksheets[0].getSheetValues().flat().map(String);
      expect(cells).toEqual(expect.arrayContaining(['geweigerd', 'BSN voldoet niet aan de elfproef', 'nieuw', 'al bekend']));
      expect(cells.join(' ')).not.toContain('123456782');
    });

    it('commit applies exactly the dry run in one go: learners and planned trajectories; never twice; re-import adds nothing', async () => {
      const before = (await t.db.query(`SELECT count(*)::int AS n FROM learner`))[0].n;
      const res = await commit(first.id).expect(200);
      expect(res.body).toMatchObject({ status: 'committed', summary: { committed_created: 2 } });
      expect((await t.db.query(`SELECT count(*)::int AS n FROM learner`))[0].n).toBe(before + 2);
      const [sahin] = await t.db.query(
        `SELECT l.first_name, l.last_name, l.date_of_birth::text AS dob, l.bsn_last4, l.municipality_id, t.status, t.pip_date::text AS pip, p.code
           FROM learner l JOIN trajectory t ON t.learner_id = l.id JOIN product p ON p.id = t.product_id WHERE l.bsn_hash = $1`,
        [vault.hash('123456782')],
      );
      expect(sahin).toMatchObject({ first_name: 'Şahin', last_name: 'Çelik', dob: '1990-05-17', bsn_last4: '6782', status: 'planned', pip: '2025-01-14', code: 'B1-ROUTE' });
      expect((await t.db.query(`SELECT count(*)::int AS n FROM learner WHERE bsn_hash = $1`, [vault.hash(`0${EIGHT_DIGITS}`)]))[0].n).toBe(1);
      expect((await t.db.query(`SELECT count(*)::int AS n FROM learner WHERE bsn_hash = $1`, [vault.hash('010000008')]))[0].n).toBe(0);
      const again = await commit(first.id);
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('import_committed');
      const second = await dryRun('learners', Buffer.from(csv, 'utf8'), 'aanmelding.csv');
      expect(outcomes(second)).toMatchObject({ 2: 'known', 3: 'known', 8: 'known' });
      expect((await commit(second.id).expect(200)).body.summary.committed_created).toBe(0);
      expect((await t.db.query(`SELECT count(*)::int AS n FROM learner`))[0].n).toBe(before + 2);
    });

    it('reads a Windows-1252 CSV with commas and diacritics, and an xlsx with date cells', async () => {
      const [a, b] = validBsns(2, 300000000);
      const latin = Buffer.from(['bsn,voornamen,achternaam,geboortedatum,leerroute,regime', `${a},José,Müller-Núñez,03-04-1988,Z-route,Wi2021`].join('\n'), 'latin1');
      const imp = await dryRun('learners', latin, 'lijst-1252.csv');
      expect(imp.rows).toEqual([expect.objectContaining({ outcome: 'new', label: 'José Müller-Núñez' })]);
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Blad1');
      ws.addRow(['BSN', 'Voornamen', 'Achternaam', 'Geboortedatum', 'Leerroute', 'PIP-datum', 'Regime']);
      ws.addRow([Number(b), 'Amal', 'Haddad', new Date(Date.UTC(1991, 6, 9)), 'B1-route', '01-02-2025', 'Wi2021']);
      const xlsx = await dryRun('learners', Buffer.from(await wb.xlsx.writeBuffer()), 'lijst.xlsx');
      expect(xlsx.rows).toEqual([expect.objectContaining({ outcome: 'new', label: 'Amal Haddad' })]);
      await commit(xlsx.id).expect(200);
      const [row] = await t.db.query(`SELECT date_of_birth::text AS dob FROM learner WHERE bsn_hash = $1`, [vault.hash(b)]);
      expect(row.dob).toBe('1991-07-09');
    });

    it('answers bad files with a clear 422, never a 500', async () => {
      const pdf = await upload(coordinator, 'learners', Buffer.from('%PDF-1.4\n\u0000\u0001binary'), 'lijst.pdf');
      expect(pdf.status).toBe(422);
      expect(pdf.body.code).toBe('not_a_spreadsheet');
      const missing = await upload(coordinator, 'learners', Buffer.from('bsn;voornamen;achternaam;leerroute\n123456782;A;B;B1-route'), 'x.csv');
      expect(missing.status).toBe(422);
      expect(missing.body.detail).toMatch(/Kolommen ontbreken: geboortedatum, regime/);
      expect(missing.body.errors[0].field).toBe('file');
      const big = [HEADER, ...Array.from({ length: 10_000 }, (_, i) => `${i};A;B;01-01-1990;;;B1-route;;Wi2021`)].join('\n');
      const tooMany = await upload(coordinator, 'learners', Buffer.from(big), 'groot.csv');
      expect(tooMany.status).toBe(422);
      expect(tooMany.body.code).toBe('too_many_rows');
      const xls = await upload(coordinator, 'learners', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'oud.xls');
      expect(xls.status).toBe(422);
      const noFile = await t.http.post('/api/v1/imports/learners').set('Authorization', coordinator.auth).field('municipalityId', ref.municipalities.Enschede);
      expect(noFile.status).toBe(400);
      const badMunicipality = await upload(coordinator, 'learners', Buffer.from(csv), 'x.csv', 'nope');
      expect(badMunicipality.status).toBe(400);
      expect(badMunicipality.body.errors[0].field).toBe('municipalityId');
    });

    it('refuses row 812 for its invalid BSN and takes the other 810', async () => {
      const bsns = validBsns(811, 400000000);
      const lines = bsns.map((b, i) => `${i === 810 ? '400000001' : b};Naam${i};Achter${i};01-01-1990;;;B1-route;;Wi2021`);
      const imp = await dryRun('learners', Buffer.from([HEADER, ...lines].join('\n')), '811.csv');
      expect(imp.summary).toEqual({ new: 810, known: 0, refused: 1 });
      expect(imp.rows.find((r: { line: number }) => r.line === 812)).toMatchObject({ outcome: 'refused', problems: [{ field: 'bsn', reason: 'BSN voldoet niet aan de elfproef' }] });
    });

    it('a municipality user cannot import, and reads only its own imports', async () => {
      await upload(enschede, 'learners', Buffer.from(csv), 'x.csv').expect(403);
      await t.http.get(`/api/v1/imports/${first.id}`).set('Authorization', enschede.auth).expect(200);
      await t.http.get(`/api/v1/imports/${first.id}`).set('Authorization', hengelo.auth).expect(404);
      await commit(first.id, enschede).expect(403);
    });
  });

  describe('DUO exam results', () => {
    const json = JSON.stringify([
      {
        bsn: '111222333',
        examens: [
          { examendatum: '2025-05-01', onderdeel: 'LE', niveau: 'B1', resultaat: 'Geslaagd' },
          { examendatum: '2025-05-01', onderdeel: 'LU', niveau: 'A2', resultaat: 'Gezakt' },
          { examendatum: '2025-05-02', onderdeel: 'SC', niveau: 'B1', resultaat: 'Geslaagd' },
          { examendatum: '2025-05-02', onderdeel: 'SP', niveau: 'B2', resultaat: 'Geslaagd' },
          { examendatum: '2025-05-03', onderdeel: 'KNM', resultaat: 'Geslaagd' },
          { examendatum: '2025-06-01', onderdeel: 'LE', niveau: 'B2', resultaat: 'Geen', redenGeenResultaat: 'Absent' },
          { examendatum: '2025-06-02', onderdeel: 'XX', niveau: 'B1', resultaat: 'Geslaagd' },
          { examendatum: '2025-06-03', onderdeel: 'LU', niveau: 'B1', resultaat: 'Geen' },
        ],
      },
      { bsn: '123456782', examens: [{ examendatum: '2025-05-01', onderdeel: 'KNM', resultaat: 'Gezakt' }] },
      { bsn: '999999990', examens: [{ examendatum: '2025-05-01', onderdeel: 'LE', niveau: 'A2', resultaat: 'Geslaagd' }] },
    ]);

    it('maps every part and result; idempotent on (learner, part, date)', async () => {
      const imp = await dryRun('exam-results', Buffer.from(json), 'duo.json');
      expect(outcomes(imp)).toEqual({ 1: 'new', 2: 'new', 3: 'new', 4: 'new', 5: 'new', 6: 'new', 7: 'refused', 8: 'refused', 9: 'new', 10: 'refused' });
      expect(imp.rows.find((r: { line: number }) => r.line === 7).problems[0].field).toBe('onderdeel');
      expect(imp.rows.find((r: { line: number }) => r.line === 8).problems[0].field).toBe('redenGeenResultaat');
      expect(imp.rows.find((r: { line: number }) => r.line === 10).problems[0]).toEqual({ field: 'bsn', reason: 'Geen deelnemer met dit BSN bij de school' });
      const res = await commit(imp.id).expect(200);
      expect(res.body.summary).toMatchObject({ committed_created: 7, committed_assessments: 6 });
      const a = await t.db.query(
        `SELECT skill, date::text AS date, level, passed, is_exam AS "isExam" FROM assessment WHERE learner_id = $1 ORDER BY date, skill`,
        [knownLearnerId],
      );
      expect(a).toEqual([
        { skill: 'listening', date: '2025-05-01', level: 'A2', passed: false, isExam: true },
        { skill: 'reading', date: '2025-05-01', level: 'B1', passed: true, isExam: true },
        { skill: 'speaking', date: '2025-05-02', level: 'B2', passed: true, isExam: true },
        { skill: 'writing', date: '2025-05-02', level: 'B1', passed: true, isExam: true },
        { skill: 'knm', date: '2025-05-03', level: null, passed: true, isExam: true },
      ]);
      const geen = await t.db.query(`SELECT result, no_result_reason AS r, assessment_id AS a FROM duo_exam_result WHERE learner_id = $1 AND part = 'LE' AND exam_date = '2025-06-01'`, [knownLearnerId]);
      expect(geen).toEqual([{ result: 'Geen', r: 'Absent', a: null }]);
      const levels = await t.http.get(`/api/v1/learners/${knownLearnerId}/levels?date=2025-07-01`).set('Authorization', coordinator.auth).expect(200);
      const skills = Object.fromEntries((levels.body.skills ?? levels.body).map((s: { skill: string; current: string; passed: boolean }) => [s.skill, s]));
      expect(skills.reading.current).toBe('B1');
      expect(skills.knm.passed).toBe(true);
      // The same file again: every exam already read, nothing added.
      const again = await dryRun('exam-results', Buffer.from(json), 'duo.json');
      expect(again.summary).toMatchObject({ new: 0, known: 7 });
      await commit(again.id).expect(200);
      expect((await t.db.query(`SELECT count(*)::int AS n FROM assessment WHERE learner_id = $1`, [knownLearnerId]))[0].n).toBe(5);
    });

    it('reads the same columns as CSV', async () => {
      const csv = 'bsn;examendatum;onderdeel;niveau;resultaat;redenGeenResultaat\n111222333;01-09-2025;SP;B1;Geen;Nietverwijtbaar\n111222333;02-09-2025;LE;C1;Geslaagd;';
      const imp = await dryRun('exam-results', Buffer.from(csv), 'duo.csv');
      expect(outcomes(imp)).toEqual({ 2: 'new', 3: 'refused' });
      expect(imp.rows[1].problems[0].field).toBe('niveau');
    });
  });

  describe('the list of imports', () => {
    it('lists imports newest first with kind, municipality, file, state, counts, who and when; filters; a municipality only its own', async () => {
      const get = (q: string, user = coordinator) => t.http.get(`/api/v1/imports${q}`).set('Authorization', user.auth);
      // A file the worker refused, for Hengelo.
      const [refused] = await t.db.query(
        `INSERT INTO data_import (kind, municipality_id, file_name, sha256, status, file_error, requested_by, checked_at, created_at)
         VALUES ('learners', $1, 'hengelo.csv', repeat('0', 64), 'refused', 'Het bestand heeft geen rijen', $2, now(), now() + interval '1 minute') RETURNING id`,
        [ref.municipalities.Hengelo, coordinator.id],
      );
      const all = (await get('?pageSize=100').expect(200)).body;
      expect(all.total).toBeGreaterThanOrEqual(6);
      const times = all.items.map((i: { createdAt: string }) => i.createdAt);
      expect(times).toEqual([...times].sort().reverse());
      expect(all.items[0]).toMatchObject({
        id: refused.id,
        kind: 'learners',
        municipality: { id: ref.municipalities.Hengelo, name: 'Hengelo', cbsCode: 'GM0164' },
        fileName: 'hengelo.csv',
        status: 'refused',
        state: 'failed',
        requestedBy: { id: coordinator.id, name: expect.any(String) },
        committedBy: null,
        committedAt: null,
      });
      const committed = all.items.find((i: { state: string }) => i.state === 'committed');
      expect(committed).toMatchObject({ status: 'committed', committedBy: { id: coordinator.id }, summary: { committed_created: expect.any(Number) } });
      expect(committed.committedAt).toEqual(expect.any(String));
      expect(all.items.some((i: { state: string; status: string }) => i.state === 'dry_run' && i.status === 'checked')).toBe(true);
      expect(Object.keys(all.items[1]).sort()).toEqual(
        ['checkedAt', 'committedAt', 'committedBy', 'createdAt', 'dryRunDocumentId', 'fileName', 'id', 'kind', 'municipality', 'requestedBy', 'state', 'status', 'summary'],
      );

      const exams = (await get('?kind=exam_results&pageSize=100').expect(200)).body;
      expect(exams.total).toBe(all.items.filter((i: { kind: string }) => i.kind === 'exam_results').length);
      expect(exams.items.every((i: { kind: string }) => i.kind === 'exam_results')).toBe(true);
      expect((await get(`?municipalityId=${ref.municipalities.Hengelo}`).expect(200)).body.items.map((i: { id: string }) => i.id)).toEqual([refused.id]);
      expect((await get('?state=failed').expect(200)).body.items.map((i: { id: string }) => i.id)).toEqual([refused.id]);
      const paged = (await get('?pageSize=2&page=2').expect(200)).body;
      expect(paged.items.map((i: { id: string }) => i.id)).toEqual(all.items.slice(2, 4).map((i: { id: string }) => i.id));

      const own = (await get('?pageSize=100', enschede).expect(200)).body;
      expect(own.total).toBe(all.total - 1);
      expect(own.items.every((i: { municipality: { id: string } }) => i.municipality.id === ref.municipalities.Enschede)).toBe(true);
      expect((await get(`?municipalityId=${ref.municipalities.Hengelo}`, enschede).expect(200)).body.total).toBe(0);
      expect((await get('', hengelo).expect(200)).body.items.map((i: { id: string }) => i.id)).toEqual([refused.id]);

      for (const [q, field] of [['?kind=people', 'kind'], ['?state=done', 'state'], ['?municipalityId=enschede', 'municipalityId'], ['?sort=bsn', 'sort']]) {
        const bad = await get(q);
        expect([bad.status, bad.body.errors?.[0]?.field]).toEqual([400, field]);
      }
    });
  });

  describe('hours for DUO', () => {
    it('counts whole hours over a route switch, participation for the Z-route, bekendTot the day after; audited; scoped', async () => {
      const mu = ref.municipalities.Enschede;
      const [contract] = await t.db.query(`SELECT id FROM contract WHERE municipality_id = $1`, [mu]);
      const bsn = validBsns(1, 500000000)[0];
      const l = await createLearner(t.db, mu, { firstName: 'Route', lastName: 'Wissel', ...vault.seal(bsn) });
      const b1 = await createTrajectory(t.db, { learnerId: l.id, municipalityId: mu, contractId: contract.id, productId: ref.products['B1-ROUTE'], status: 'dropped_out', dropoutReason: 'route_switch', startDate: '2025-01-06', endDate: '2025-03-31', pipDate: '2025-01-01' });
      const z = await createTrajectory(t.db, { learnerId: l.id, municipalityId: mu, contractId: contract.id, productId: ref.products['Z-ROUTE'], startDate: '2025-04-01' });
      const g = await createGroup(t.db, ref.products['B1-ROUTE']);
      const rec = async (trajectoryId: string, date: string, minutes: number, attended: number, status = 'present') => {
        const lesson = await createLesson(t.db, g.id, { date, minutes });
        await t.db.query(
          `INSERT INTO attendance_record (lesson_id, learner_id, trajectory_id, lesson_date, lesson_minutes, lesson_mode, status, minutes_late, attended_minutes)
           VALUES ($1, $2, $3, $4, $5, 'physical', $6, $7, $8)`,
          [lesson.id, l.id, trajectoryId, date, minutes, status, minutes - attended, attended],
        );
      };
      await rec(b1.id, '2025-03-03', 150, 150);
      await rec(b1.id, '2025-03-10', 180, 20, 'late');
      await rec(z.id, '2025-04-07', 130, 130);
      await rec(z.id, '2025-06-02', 180, 180); // after `until`: not counted
      const partner = await t.db.query(`INSERT INTO network_partner (municipality_id, name, kind) VALUES ($1, 'Buurthuis', 'neighbourhood_team') RETURNING id`, [mu]);
      const [r] = await t.db.query(
        `INSERT INTO referral (trajectory_id, partner_id, reason_kind, reason_theme, planned_date, status, first_contact_date, participating_from)
         VALUES ($1, $2, 'need', 'neighbourhood', '2025-04-01', 'participating', '2025-04-02', '2025-04-02') RETURNING id`,
        [z.id, partner[0].id],
      );
      await t.db.query(`INSERT INTO participation_entry (referral_id, entry_date, minutes) VALUES ($1, '2025-04-20', 90), ($1, '2025-04-27', 45), ($1, '2025-05-31', 60)`, [r.id]);
      const until = '2025-04-30';

      await t.http.post('/api/v1/exports/duo-hours').set('Authorization', hengelo.auth).send({ municipalityId: mu, until }).expect(404);
      const bad = await t.http.post('/api/v1/exports/duo-hours').set('Authorization', coordinator.auth).send({ municipalityId: mu, until: '30-04-2025' });
      expect(bad.status).toBe(400);
      const req = await t.http.post('/api/v1/exports/duo-hours').set('Authorization', enschede.auth).send({ municipalityId: mu, until });
      expect(req.status).toBe(202);
      const doc = await waitForDocument(t.http, enschede.auth, req.body.id);
      expect(doc.status).toBe('done');
      const file = await t.http.get(`/api/v1/documents/${req.body.id}/download`).set('Authorization', enschede.auth).buffer(true).parse(binary);
      const entries = JSON.parse(file.body.toString('utf8'));
      // (150 + 20 + 130) minutes = 300 → 5 whole hours (floored once, over both trajectories); 135 participation minutes → 2.
      expect(entries.find((e: { bsn: string }) => e.bsn === bsn)).toEqual({
        bsn,
        gemeentecode: '0153',
        bekendTot: '2025-04-28',
        ParticipatieAlsTaalles: { uren: 5 },
        ParticipatieactiviteitenBredeIntake: { uren: 2 },
      });
      // wi2021 learners of Enschede with a BSN: the imported ones too (no hours yet); a BSN-less learner is left out.
      expect(entries.every((e: { bsn: string }) => /^\d{9}$/.test(e.bsn))).toBe(true);
      const audited = await t.db.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'export_bsn' AND entity_id = $1`, [l.id]);
      expect(audited[0].n).toBe(1);
      await t.http.get(`/api/v1/documents/${req.body.id}`).set('Authorization', hengelo.auth).expect(404);
      const xlsx = await t.http.post('/api/v1/exports/duo-hours').set('Authorization', coordinator.auth).send({ municipalityId: mu, until, format: 'xlsx' }).expect(202);
      expect((await waitForDocument(t.http, coordinator.auth, xlsx.body.id)).status).toBe('done');
      expect(addDays(today, 0)).toBe(today);
    });
  });
});
