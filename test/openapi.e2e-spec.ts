import SwaggerParser from '@apidevtools/swagger-parser';
import { createTestApp, TestApp } from './helpers/test-app';

type Operation = { security?: Array<Record<string, string[]>> };

/** The published OpenAPI document is what clients (and their generators) start from. */
describe('OpenAPI document (e2e)', () => {
  let t: TestApp;
  let doc: { servers?: Array<{ url: string }>; paths: Record<string, Record<string, Operation>> };

  beforeAll(async () => {
    t = await createTestApp();
    doc = (await t.http.get('/api/docs-json').expect(200)).body;
  });
  afterAll(() => t.close());

  it('is a valid OpenAPI document', async () => {
    // validate() dereferences in place: give it a copy.
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeDefined();
  });

  it('names a server, so generated clients have a base address', () => {
    expect(doc.servers).toEqual([expect.objectContaining({ url: '/' })]);
  });

  it('declares security on every operation: bearer everywhere except login and health', () => {
    const publicOps: string[] = [];
    const unsecured: string[] = [];
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        if (!Array.isArray(op.security)) unsecured.push(`${method} ${path}`);
        else if (op.security.length === 0) publicOps.push(`${method} ${path}`);
        else expect({ op: `${method} ${path}`, security: op.security }).toEqual({ op: `${method} ${path}`, security: [{ bearer: [] }] });
      }
    }
    expect(unsecured).toEqual([]);
    expect(publicOps.sort()).toEqual(['get /health', 'get /health/ready', 'post /api/v1/auth/login']);
  });
});
