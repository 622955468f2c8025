import request from 'supertest';
import { AbsenceSignal } from '../src/modules/signals/entities/absence-signal.entity';
import { createContract, createGroup, createLearner, createLesson, createTrajectory, enrol } from './factories/records.factory';
import { Reference, seedReference } from './factories/reference.factory';
import { createUser, TestUser } from './factories/user.factory';
import { createTestApp, TestApp } from './helpers/test-app';

/**
 * Drives every operation of the published OpenAPI document with bad input derived from the document itself:
 * malformed path ids, wrongly typed / empty / repeated / huge / NUL query values, and JSON bodies that are not
 * objects or whose properties (and those one level down) are null, of the wrong type, huge or NUL. Each answer
 * must be a 4xx application/problem+json without a stack trace or SQL, never a 5xx; a request that is refused
 * changes nothing.
 */

type Schema = {
  $ref?: string;
  allOf?: Schema[];
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  nullable?: boolean;
  maxLength?: number;
  minLength?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  items?: Schema;
  properties?: Record<string, Schema>;
  additionalProperties?: Schema | boolean;
  required?: string[];
};
type Parameter = { name: string; in: 'path' | 'query'; required?: boolean; schema?: Schema };
type Operation = {
  operationId: string;
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema: Schema }> };
};
type Doc = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };

/** reject: must be a 4xx; notFound: must be a 404; any: may be valid, so a 2xx is allowed too (never a 5xx). */
type Expect = 'reject' | 'notFound' | 'any';
interface Case {
  op: string;
  label: string;
  expect: Expect;
  method: string;
  url: string;
  body?: unknown;
  /** Raw body with its content type, for bodies that are not JSON. */
  raw?: { contentType: string; data: string | Buffer };
  /** Send a valid upload (multipart field `file`). */
  attach?: boolean;
}

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4da0000000049454e44ae426082',
  'hex',
);
const HUGE = 'x'.repeat(10_000);
const DEEP = 5_000;
const UNKNOWN_UUID = '7d0f3c1e-9a4b-4c55-8e21-3f6a9b0c1d2e';
const DAY = '2025-03-03';
const TYPES = ['string', 'number', 'boolean', 'object', 'array'] as const;
const WRONG_VALUE: Record<(typeof TYPES)[number], unknown> = { string: 'abc', number: 12345, boolean: true, object: { a: 1 }, array: ['a'] };
const UNIQUE = ['cbsCode', 'code', 'reference', 'learnerNumber', 'email'];
const uniq = () => Math.random().toString(36).slice(2, 10);
const LEAK = /QueryFailedError|SELECT |INSERT |UPDATE .* SET |\n\s+at |\bat [\w.<>]+ \(|node_modules|\.ts:\d+/;

describe('OpenAPI robustness: bad input to every operation is a clean 4xx (e2e)', () => {
  let t: TestApp;
  let doc: Doc;
  let ref: Reference;
  let admin: TestUser;
  let teacher: TestUser;
  /** Valid ids by resource (the path segment before a parameter, or a body/query property name). */
  const ids: Record<string, string> = {};
  /** Operations that change a record's state get a record of their own, so the rest keep theirs. */
  const opIds: Record<string, string> = {};
  const bodyIds: Record<string, Record<string, string>> = {};
  let opBodyIds: Record<string, string> = {};
  const cases: Case[] = [];

  beforeAll(async () => {
    t = await createTestApp({ env: { LOGIN_RATE_LIMIT: '100000', LOGIN_ADDRESS_RATE_LIMIT: '100000' } });
    doc = (await t.http.get('/api/docs-json').expect(200)).body;
    ref = await seedReference(t.db);
    admin = await createUser(t, 'admin');
    teacher = await createUser(t, 'teacher');
    const other = await createUser(t, 'coordinator');
    const municipalityId = ref.municipalities.Enschede;
    const productId = ref.products['B1-ROUTE'];
    const contract = await createContract(t.db, municipalityId, [productId], { validFrom: '2024-01-01', validTo: '2027-12-31' });
    const learner = await createLearner(t.db, municipalityId);
    const spare = await createLearner(t.db, municipalityId);
    const traj = (over: Record<string, unknown> = {}) =>
      createTrajectory(t.db, { learnerId: learner.id, municipalityId, contractId: contract.id, productId, ...over });
    const trajectory = await traj();
    const group = await createGroup(t.db, productId, { teacherIds: [teacher.id], municipalityId } as never);
    const lesson = await createLesson(t.db, group.id, { date: DAY, teacherId: teacher.id } as never);
    const enrolment = await enrol(t.db, trajectory.id, group.id);
    const signal = await t.db.getRepository(AbsenceSignal).save({ trajectoryId: trajectory.id, municipalityId, rule: 'R1', triggeredOn: DAY });
    Object.assign(ids, {
      municipalities: municipalityId,
      municipalityId,
      products: productId,
      productId,
      contracts: contract.id,
      contractId: contract.id,
      learners: learner.id,
      learnerId: learner.id,
      trajectories: trajectory.id,
      trajectoryId: trajectory.id,
      groups: group.id,
      groupId: group.id,
      lessons: lesson.id,
      enrolments: enrolment.id,
      signals: signal.id,
      users: other.id,
      teacherId: teacher.id,
      teacherIds: teacher.id,
      actorId: admin.id,
    });
    const api = (method: 'post' | 'put', url: string, body: object) =>
      t.http[method](`/api/v1${url}`).set('Authorization', admin.auth).send(body);
    // A saved register, so "a refused save keeps the register" has something to keep.
    await api('put', `/lessons/${lesson.id}/register`, { entries: [{ learnerId: learner.id, status: 'late', minutesLate: 10 }] }).expect(200);
    ids.assessments = (await api('post', `/learners/${learner.id}/assessments`, { skill: 'reading', date: DAY, instrument: 'Toets', level: 'A2', passed: true }).expect(201)).body.id;
    ids['progress-notes'] = (await api('post', `/trajectories/${trajectory.id}/progress-notes`, { date: DAY, summary: 'Goed bezig' }).expect(201)).body.id;
    ids['portfolio-items'] = (await api('post', `/trajectories/${trajectory.id}/portfolio`, { domain: 'housing', title: 'Huurcontract' }).expect(201)).body.id;
    ids.evidence = (
      await t.http.post(`/api/v1/portfolio-items/${ids['portfolio-items']}/evidence`).set('Authorization', admin.auth).attach('file', PNG, 'a.png').expect(201)
    ).body.id;

    // State changes get records of their own (a valid-looking request may succeed and move the record on).
    const ownTrajectory = async (status: string) => (await traj({ learnerId: (await createLearner(t.db, municipalityId)).id, status })).id;
    opIds.TrajectoryTransitionsController_activate = await ownTrajectory('planned');
    opIds.TrajectoryTransitionsController_suspend = await ownTrajectory('active');
    opIds.TrajectoryTransitionsController_resume = await ownTrajectory('suspended');
    opIds.TrajectoryTransitionsController_complete = await ownTrajectory('active');
    opIds['TrajectoryTransitionsController_dropOut'] = await ownTrajectory('active');
    opIds.LessonsController_cancel = (await createLesson(t.db, group.id, { date: '2025-03-10' })).id;
    opIds.LessonsController_reinstate = opIds.LessonsController_cancel;
    for (const name of ['start', 'report', 'close', 'withdraw']) {
      const tr = await ownTrajectory('active');
      const status = name === 'close' || name === 'report' ? 'in_progress' : 'registered';
      opIds[`SignalsController_${name}`] = (await t.db.getRepository(AbsenceSignal).save({ trajectoryId: tr, municipalityId, rule: 'R1', triggeredOn: DAY, status })).id;
    }
    opIds.TrajectoryPlanController_update = await ownTrajectory('active');
    opIds.RegisterController_advanceAbsence = (await createLesson(t.db, group.id, { date: '2030-01-07' })).id;
    // A participating referral with one entry of participation hours (referrals/{id}/hours/{entryId}).
    const [partner] = await t.db.query(`INSERT INTO network_partner (municipality_id, name, kind) VALUES ($1, 'Sportclub', 'sport_club') RETURNING id`, [municipalityId]);
    const [referral] = await t.db.query(
      `INSERT INTO referral (trajectory_id, partner_id, reason_kind, reason_theme, planned_date, status, first_contact_date, participating_from)
       VALUES ($1, $2, 'wish', 'sport', '2025-02-01', 'participating', '2025-02-03', '2025-02-03') RETURNING id`,
      [trajectory.id, partner.id],
    );
    ids.referrals = referral.id;
    ids.entryId = (await t.db.query(`INSERT INTO participation_entry (referral_id, entry_date, minutes) VALUES ($1, '2025-03-03', 60) RETURNING id`, [referral.id]))[0].id;
    // Body references that make the sample request valid for its operation.
    bodyIds.TrajectoriesController_create = { learnerId: spare.id };
    bodyIds.EnrolmentsController_create = { trajectoryId: await ownTrajectory('active') };
    buildCases();
  });
  afterAll(() => t.close());

  // ---------------------------------------------------------------- schema helpers

  const resolve = (s: Schema | undefined): Schema => {
    let out = s ?? {};
    for (let i = 0; i < 10; i++) {
      if (out.$ref) out = doc.components.schemas[out.$ref.split('/').pop()!];
      else if (out.allOf?.length === 1) out = { ...out, ...resolve(out.allOf[0]), allOf: undefined };
      else break;
    }
    return out;
  };
  const typeOf = (s: Schema): (typeof TYPES)[number] => {
    if (s.type === 'integer' || s.type === 'number') return 'number';
    if (s.type === 'boolean' || s.type === 'array' || s.type === 'string') return s.type;
    return 'object';
  };
  const isDate = (name: string, s: Schema) =>
    s.format === 'date' || (typeof s.example === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(s.example)) || /^(from|to|date|activeOn)$|Date$|On$/.test(name);
  const idFor = (name: string) => opBodyIds[name] ?? ids[name] ?? ids[name.replace(/Ids?$/, '')] ?? ids.learnerId;

  /** A value the document calls valid (examples, enums, formats, known ids); objects get their required properties. */
  function sample(name: string, raw: Schema | undefined): unknown {
    const s = resolve(raw);
    if (name === 'version') return 1;
    if (s.example !== undefined && typeOf(s) !== 'object' && !UNIQUE.includes(name)) return s.example;
    if (s.enum?.length) return s.enum[0];
    switch (typeOf(s)) {
      case 'string':
        if (s.format === 'uuid') return idFor(name);
        if (s.format === 'email') return `robust-${uniq()}@example.nl`;
        // Unique keys, so a valid sample is not refused as a duplicate of the previous one.
        if (name === 'cbsCode') return `GM${String(Math.floor(Math.random() * 10_000)).padStart(4, '0')}`;
        if (name === 'code' || name === 'reference' || name === 'learnerNumber') return `R-${uniq()}`;
        if (isDate(name, s)) return DAY;
        if (name === 'password') return 'correct-horse-battery';
        return 'Test'.padEnd(Math.max(4, s.minLength ?? 0), 'x');
      case 'number':
        return Math.max(1, s.minimum ?? 1);
      case 'boolean':
        return false;
      case 'array':
        return [sample(name, s.items)];
      default: {
        if (s.example !== undefined) return s.example;
        const o: Record<string, unknown> = {};
        for (const p of s.required ?? []) o[p] = sample(p, s.properties?.[p]);
        return o;
      }
    }
  }

  /** Bad values for one property of the given schema: [label, value, may it be valid]. */
  function badValues(name: string, raw: Schema, required: boolean): Array<[string, unknown, boolean]> {
    const s = resolve(raw);
    const own = typeOf(s);
    const optional = !required || !!s.nullable;
    const out: Array<[string, unknown, boolean]> = [['null', null, optional]];
    for (const type of TYPES) if (type !== own) out.push([`wrong type ${type}`, WRONG_VALUE[type], false]);
    const hugeMayPass = own === 'string' && !s.enum && !s.format && !isDate(name, s) && (s.maxLength === undefined || s.maxLength >= HUGE.length) && !/^\^/.test(s.pattern ?? '');
    out.push(['10,000-char string', HUGE, hugeMayPass]);
    if (own === 'number') {
      out.push(['-1', -1, s.minimum === undefined || s.minimum <= -1]);
      out.push(['1.5', 1.5, true]);
      out.push(['1e20', 1e20, s.maximum === undefined]);
    }
    if (own === 'string' && isDate(name, s)) {
      out.push(['impossible date', '2025-02-30', false]);
      out.push(['year 10000', '10000-01-01', false]);
    }
    if (own === 'string' && s.format === 'uuid') out.push(['unknown uuid', UNKNOWN_UUID, false]);
    out.push(['NUL string', '\u0000', false]);
    return out;
  }

  // ---------------------------------------------------------------- cases

  function buildCases(): void {
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        const params = op.parameters ?? [];
        opBodyIds = bodyIds[op.operationId] ?? {};
        const pathParams = params.filter((p) => p.in === 'path');
        const queryParams = params.filter((p) => p.in === 'query');
        const opName = `${method.toUpperCase()} ${path}`;
        const validPath = (overrides: Record<string, string> = {}) =>
          path.replace(/\{(\w+)\}/g, (_m, name: string) => {
            if (name in overrides) return overrides[name];
            if (opIds[op.operationId]) return opIds[op.operationId];
            const segment = path.split(`/{${name}}`)[0].split('/').pop()!;
            return name === 'id' ? ids[segment] : idFor(name);
          });
        const jsonSchema = op.requestBody?.content['application/json']?.schema;
        const multipart = !!op.requestBody?.content['multipart/form-data'];
        const fresh = () => (jsonSchema ? (sample('body', jsonSchema) as Record<string, unknown>) : undefined);
        const add = (c: Omit<Case, 'op' | 'method'>) => cases.push({ op: opName, method, ...c });

        // Path parameters: malformed and unknown.
        for (const p of pathParams) {
          for (const [label, value] of [
            ['not-a-uuid', 'not-a-uuid'],
            ['%00', '%00'],
            ['very long', 'a'.repeat(10_000)],
            ['bad %-escape', '%zz'],
            ['../x', '../x'],
            ['..%2Fx', '..%2Fx'],
          ]) {
            add({ label: `path ${p.name} ${label}`, expect: 'reject', url: validPath({ [p.name]: value }), body: fresh(), attach: multipart });
          }
          add({ label: `path ${p.name} unknown uuid`, expect: 'notFound', url: validPath({ [p.name]: UNKNOWN_UUID }), body: fresh(), attach: multipart });
        }

        // Query parameters.
        const url = validPath();
        for (const p of queryParams) {
          const s = resolve(p.schema);
          const type = typeOf(s);
          const typed = type !== 'string' || !!s.enum || !!s.format || isDate(p.name, s);
          const valid = String(sample(p.name, s));
          const q = (label: string, query: string, expect: Expect) => add({ label: `query ${p.name} ${label}`, expect, url: `${url}?${query}` });
          if (typed) q('abc', `${p.name}=abc`, 'reject');
          q('empty', `${p.name}=`, 'any');
          q('repeated', `${p.name}=${encodeURIComponent(valid)}&${p.name}=${encodeURIComponent(valid)}`, 'any');
          q('huge', `${p.name}=${HUGE}`, typed || (s.maxLength ?? Infinity) < HUGE.length ? 'reject' : 'any');
          q('%00', `${p.name}=%00`, 'reject');
          if (type === 'string' && isDate(p.name, s)) {
            q('impossible date', `${p.name}=2025-02-30`, 'reject');
            q('month 13', `${p.name}=2025-13-01`, 'reject');
          }
          if (type === 'number') {
            q('-1', `${p.name}=-1`, s.minimum === undefined || s.minimum <= -1 ? 'any' : 'reject');
            q('1.5', `${p.name}=1.5`, 'any');
            q('1e400', `${p.name}=1e400`, 'reject');
            q('20 digits', `${p.name}=99999999999999999999`, s.maximum === undefined ? 'any' : 'reject');
          }
          if (s.format === 'uuid') q('unknown uuid', `${p.name}=${UNKNOWN_UUID}`, 'any');
        }
        if (queryParams.length) add({ label: 'query unknown parameter', expect: 'reject', url: `${url}?unknownParameter=1` });

        // JSON bodies.
        if (jsonSchema) {
          const s = resolve(jsonSchema);
          const required = s.required ?? [];
          add({ label: 'body not JSON', expect: 'reject', url, raw: { contentType: 'application/json', data: '{"a": ' } });
          add({ label: 'body text/plain', expect: 'reject', url, raw: { contentType: 'text/plain', data: 'hello' } });
          add({ label: 'body JSON null', expect: 'reject', url, raw: { contentType: 'application/json', data: 'null' } });
          add({ label: 'body JSON array', expect: 'reject', url, raw: { contentType: 'application/json', data: JSON.stringify([fresh()]) } });
          add({ label: 'body JSON number', expect: 'reject', url, raw: { contentType: 'application/json', data: '42' } });
          add({ label: 'body JSON string', expect: 'reject', url, raw: { contentType: 'application/json', data: '"abc"' } });
          add({ label: 'body valid sample', expect: 'any', url, body: fresh() });
          add({ label: 'body {}', expect: required.length ? 'reject' : 'any', url, body: {} });
          add({ label: 'body unknown property', expect: 'reject', url, body: { ...fresh(), unknownProperty: 1 } });
          add({ label: 'body deeply nested unknown property', expect: 'reject', url, raw: { contentType: 'application/json', data: JSON.stringify(fresh()).replace(/^\{/, `{"unknownProperty":${'{"a":'.repeat(DEEP)}1${'}'.repeat(DEEP)},`) } });
          for (const key of ['__proto__', 'constructor']) {
            add({ label: `body ${key} property`, expect: 'reject', url, raw: { contentType: 'application/json', data: JSON.stringify(fresh()).replace(/^\{/, `{"${key}":{"admin":true},`) } });
          }
          add({ label: 'body over the size limit', expect: 'reject', url, body: { ...fresh(), unknownProperty: 'x'.repeat(2 * 1024 * 1024) } });
          for (const [prop, propSchema] of Object.entries(s.properties ?? {})) {
            for (const [label, value, mayPass] of badValues(prop, propSchema, required.includes(prop))) {
              add({ label: `body ${prop} ${label}`, expect: mayPass ? 'any' : 'reject', url, body: { ...fresh(), [prop]: value } });
            }
            // One level down: the properties of a nested object, of an array's object items, or an array's items.
            const ps = resolve(propSchema);
            const nested = typeOf(ps) === 'array' ? resolve(ps.items) : ps;
            const inArray = typeOf(ps) === 'array';
            const wrap = (v: unknown) => (inArray ? [v] : v);
            if (typeOf(nested) === 'object' && nested.properties) {
              const child = sample(prop, nested) as Record<string, unknown>;
              add({ label: `body ${prop} unknown nested property`, expect: 'reject', url, body: { ...fresh(), [prop]: wrap({ ...child, unknownProperty: 1 }) } });
              for (const [sub, subSchema] of Object.entries(nested.properties)) {
                for (const [label, value, mayPass] of badValues(sub, subSchema, (nested.required ?? []).includes(sub))) {
                  add({
                    label: `body ${prop}${inArray ? '[0]' : ''}.${sub} ${label}`,
                    expect: mayPass ? 'any' : 'reject',
                    url,
                    body: { ...fresh(), [prop]: wrap({ ...child, [sub]: value }) },
                  });
                }
              }
            } else if (inArray) {
              for (const [label, value, mayPass] of badValues(prop, nested, true)) {
                add({ label: `body ${prop}[0] ${label}`, expect: mayPass ? 'any' : 'reject', url, body: { ...fresh(), [prop]: [value] } });
              }
            }
          }
        }

        // Multipart uploads.
        if (multipart) {
          add({ label: 'multipart sent as JSON', expect: 'reject', url, body: { file: 'abc' } });
          add({ label: 'multipart sent as text/plain', expect: 'reject', url, raw: { contentType: 'text/plain', data: 'abc' } });
          add({ label: 'multipart empty body', expect: 'reject', url, raw: { contentType: 'multipart/form-data; boundary=xyz', data: '' } });
          add({
            label: 'multipart without a file',
            expect: 'reject',
            url,
            raw: { contentType: 'multipart/form-data; boundary=xyz', data: '--xyz\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n--xyz--\r\n' },
          });
          add({ label: 'multipart without a boundary', expect: 'reject', url, raw: { contentType: 'multipart/form-data', data: 'abc' } });
        }
      }
    }
  }

  // ---------------------------------------------------------------- running and judging

  function send(c: Pick<Case, 'method' | 'url' | 'body' | 'raw' | 'attach'>): request.Test {
    const r = (t.http as unknown as Record<string, (url: string) => request.Test>)[c.method](c.url).set('Authorization', admin.auth);
    if (c.attach) return r.attach('file', PNG, 'a.png');
    if (c.raw) return r.set('Content-Type', c.raw.contentType).send(c.raw.data);
    if (c.body !== undefined && c.method !== 'get' && c.method !== 'delete') return r.send(c.body as object);
    return r;
  }

  /** What is wrong with the answer to a case, or null. */
  function judge(c: Case, res: request.Response): string | null {
    const s = res.status;
    if (s >= 500) return `${s} ${JSON.stringify(res.body).slice(0, 300)}`;
    if (c.expect === 'notFound' && s !== 404) return `expected 404, got ${s} ${JSON.stringify(res.body).slice(0, 200)}`;
    if (c.expect === 'reject' && s < 400) return `accepted (${s}) ${JSON.stringify(res.body).slice(0, 200)}`;
    if (s < 400) return null;
    if (!/^application\/problem\+json/.test(res.headers['content-type'] ?? '')) return `${s} with content-type ${res.headers['content-type']}`;
    const body = res.body as { status?: unknown; detail?: unknown };
    if (body.status !== s || typeof body.detail !== 'string' || !body.detail) return `${s} problem without status/detail: ${JSON.stringify(res.body).slice(0, 200)}`;
    if (LEAK.test(res.text)) return `${s} leaks internals: ${res.text.slice(0, 300)}`;
    return null;
  }

  async function runAll(list: Case[], batch = 12): Promise<string[]> {
    const failures: string[] = [];
    for (let i = 0; i < list.length; i += batch) {
      await Promise.all(
        list.slice(i, i + batch).map(async (c) => {
          let problem: string | null;
          try {
            problem = judge(c, await send(c));
          } catch (e) {
            problem = `request failed: ${(e as Error).message}`;
          }
          if (problem) failures.push(`${c.op} | ${c.label} → ${problem}`);
        }),
      );
    }
    return failures.sort();
  }

  it('covers every operation of the document', () => {
    // Operations without parameters or a body have no input to spoil.
    const ops = Object.entries(doc.paths).flatMap(([p, item]) =>
      Object.entries(item)
        .filter(([, op]) => (op.parameters ?? []).length > 0 || op.requestBody !== undefined)
        .map(([m]) => `${m.toUpperCase()} ${p}`),
    );
    const covered = new Set(cases.map((c) => c.op));
    expect(ops.filter((o) => !covered.has(o))).toEqual([]);
    expect(cases.length).toBeGreaterThan(1000);
  });

  // Thousands of requests: ~15 s alone, several minutes on a busy 2-core machine; the answers are what is tested.
  it('answers every bad request with a 4xx problem (never a 5xx, never a 2xx for garbage)', async () => {
    const failures = await runAll(cases);
    expect(failures).toEqual([]);
  }, 600_000);

  it('changes nothing when it refuses a write: the record read back equals the one before', async () => {
    const failures: string[] = [];
    const writes = cases.filter((c) => c.expect === 'reject' && (c.method === 'patch' || c.method === 'put') && !c.label.startsWith('path'));
    const targets = [...new Set(writes.map((c) => c.url))];
    const compared: string[] = [];
    const auditTotal = async () => (await send({ method: 'get', url: '/api/v1/audit-events?pageSize=1' })).body.total as number;
    const auditBefore = await auditTotal();
    for (const url of targets) {
      const before = await send({ method: 'get', url });
      if (before.status !== 200) continue; // no reading counterpart
      compared.push(url);
      const refused = await runAll(writes.filter((c) => c.url === url));
      failures.push(...refused);
      const after = await send({ method: 'get', url });
      if (JSON.stringify(after.body) !== JSON.stringify(before.body)) failures.push(`${url} changed: ${JSON.stringify(before.body)} → ${JSON.stringify(after.body)}`);
    }
    // Creation refused: no new record in the list.
    const creates = cases.filter((c) => c.expect === 'reject' && c.method === 'post' && !c.label.startsWith('path') && doc.paths[c.url]?.get);
    for (const url of [...new Set(creates.map((c) => c.url))]) {
      const total = async () => (await send({ method: 'get', url: `${url}?pageSize=1` })).body.total;
      const before = await total();
      failures.push(...(await runAll(creates.filter((c) => c.url === url))));
      const after = await total();
      if (after !== before) failures.push(`${url}: ${before} records before the refused creations, ${after} after`);
    }
    // Every write is audited; a refused one is not a write.
    const auditAfter = await auditTotal();
    if (auditAfter !== auditBefore) failures.push(`audit events: ${auditBefore} before the refused writes, ${auditAfter} after`);
    expect(compared.length).toBeGreaterThan(8);
    expect(failures).toEqual([]);
  });
});
