import { promises as fs } from 'fs';
import { AddressInfo, connect, Socket } from 'net';
import * as path from 'path';
import { AppConfig } from '../src/config/app-config';
import { createContract, createLearner, createTrajectory } from './factories/records.factory';
import { seedReference } from './factories/reference.factory';
import { createUser, TestUser } from './factories/user.factory';
import { createTestApp, TestApp } from './helpers/test-app';

/** Issue 13.2: a client that stops sending gets 408 (or a closed connection) in bounded time; no .part file stays. */
interface RawAnswer {
  statusLine: string;
  closed: boolean;
  ms: number;
}

describe('no request hangs (security e2e)', () => {
  let t: TestApp;
  let port: number;
  let coordinator: TestUser;
  let itemId: string;
  let storageDir: string;

  beforeAll(async () => {
    t = await createTestApp({ env: { HTTP_REQUEST_TIMEOUT_SECONDS: '2', HTTP_HEADERS_TIMEOUT_SECONDS: '2' } });
    await t.app.listen(0, '127.0.0.1');
    port = (t.app.getHttpServer().address() as AddressInfo).port;
    storageDir = t.app.get(AppConfig).storageDir;
    const ref = await seedReference(t.db);
    coordinator = await createUser(t, 'coordinator');
    const municipalityId = ref.municipalities.Enschede;
    const contract = await createContract(t.db, municipalityId, [ref.products['B1-ROUTE']]);
    const learner = await createLearner(t.db, municipalityId);
    const trajectory = await createTrajectory(t.db, { learnerId: learner.id, municipalityId, contractId: contract.id, productId: ref.products['B1-ROUTE'] });
    const item = await t.http
      .post(`/api/v1/trajectories/${trajectory.id}/portfolio`)
      .set('Authorization', coordinator.auth)
      .send({ domain: 'housing', title: 'Huurcontract', description: 'Gelezen' })
      .expect(201);
    itemId = item.body.id;
  });
  afterAll(() => t.close());

  /** Writes `chunks` on a raw connection and never finishes; resolves at the answer's status line and the close. */
  function sendAndStall(chunks: string[], limitMs = 10_000): Promise<RawAnswer> {
    return new Promise((resolve) => {
      const started = Date.now();
      const socket: Socket = connect(port, '127.0.0.1');
      let data = '';
      const done = (closed: boolean) => {
        clearTimeout(timer);
        socket.destroy();
        resolve({ statusLine: data.split('\r\n')[0] ?? '', closed, ms: Date.now() - started });
      };
      const timer = setTimeout(() => done(false), limitMs);
      socket.on('connect', () => chunks.forEach((c) => socket.write(c)));
      socket.on('data', (d) => (data += d.toString('latin1')));
      socket.on('error', () => undefined);
      socket.on('close', () => done(true));
    });
  }

  async function partFiles(): Promise<string[]> {
    try {
      return (await fs.readdir(path.join(storageDir, '.tmp'))).filter((f) => f.endsWith('.part'));
    } catch {
      return [];
    }
  }

  it('a multipart upload without its closing boundary: 408 and closed within the timeout, the .part file removed at once', async () => {
    const boundary = 'koersboundary';
    const head = [
      `POST /api/v1/portfolio-items/${itemId}/evidence HTTP/1.1`,
      `Host: 127.0.0.1:${port}`,
      `Authorization: ${coordinator.auth}`,
      `Content-Type: multipart/form-data; boundary=${boundary}`,
      'Transfer-Encoding: chunked',
      '',
      '',
    ].join('\r\n');
    const part = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="brief.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n${'x'.repeat(2000)}`;
    const chunk = `${Buffer.byteLength(part).toString(16)}\r\n${part}\r\n`;
    const pending = sendAndStall([head, chunk]);
    await new Promise((r) => setTimeout(r, 1_000));
    // The upload is being written to its temp file while the client stalls.
    expect(await partFiles()).toHaveLength(1);
    const answer = await pending;
    expect(answer.closed).toBe(true);
    expect(answer.statusLine).toMatch(/^HTTP\/1\.1 408/);
    expect(answer.ms).toBeLessThan(5_000);
    // The upload's stream failed with the connection: its temp file is gone without waiting for the sweep.
    await new Promise((r) => setTimeout(r, 300));
    expect(await partFiles()).toEqual([]);
  });

  it('a JSON POST that sends fewer bytes than its Content-Length: 408 and closed within the timeout', async () => {
    const body = '{"email":"a@b.nl"';
    const head = [`POST /api/v1/auth/login HTTP/1.1`, `Host: 127.0.0.1:${port}`, 'Content-Type: application/json', 'Content-Length: 200', '', ''].join('\r\n');
    const answer = await sendAndStall([head, body]);
    expect(answer.closed).toBe(true);
    expect(answer.statusLine).toMatch(/^HTTP\/1\.1 408/);
    expect(answer.ms).toBeLessThan(5_000);
  });

  it('headers that never end: 408 and closed within the headers timeout', async () => {
    const answer = await sendAndStall([`GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: `]);
    expect(answer.closed).toBe(true);
    expect(answer.statusLine).toMatch(/^HTTP\/1\.1 408/);
    expect(answer.ms).toBeLessThan(5_000);
  });

  it('a normal request on a kept-alive connection still works after the others', async () => {
    await t.http.get('/health').expect(200);
  });
});
