import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { PassThrough, Readable } from 'stream';
import { LocalDiskStorage } from './local-disk.storage';

async function readAll(r: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of r) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

describe('LocalDiskStorage', () => {
  let root: string;
  let storage: LocalDiskStorage;

  beforeEach(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'koers-storage-'));
    storage = new LocalDiskStorage(root);
  });
  afterEach(() => fs.rm(root, { recursive: true, force: true }));

  it('stores a buffer and a stream under generated keys and reads them back', async () => {
    const a = await storage.put(Buffer.from('hello'), { prefix: 'test' });
    const b = await storage.put(Readable.from([Buffer.from('wor'), Buffer.from('ld')]));
    expect(a.key).toMatch(/^test\/\d{4}\/\d{2}\/[0-9a-f-]{36}$/);
    expect(a.sizeBytes).toBe(5);
    expect(b.sizeBytes).toBe(5);
    expect((await readAll(await storage.get(a.key))).toString()).toBe('hello');
    expect((await readAll(await storage.get(b.key))).toString()).toBe('world');
  });

  it('leaves nothing behind when the source stream fails', async () => {
    const failing = new Readable({ read() { this.push(Buffer.from('part')); this.destroy(new Error('boom')); } });
    await expect(storage.put(failing, { prefix: 'test' })).rejects.toThrow('boom');
    expect(await fs.readdir(path.join(root, '.tmp'))).toEqual([]);
    await expect(fs.readdir(path.join(root, 'test'))).rejects.toThrow();
  });

  it('reports a source that fails before writing starts (e.g. a piped upload)', async () => {
    const source = new PassThrough();
    const put = storage.put(source, { prefix: 'test' });
    source.destroy(new Error('early'));
    await expect(put).rejects.toThrow('early');
    expect(await fs.readdir(path.join(root, '.tmp'))).toEqual([]);
  });

  it('deletes idempotently, answers 404 for unknown keys and refuses keys that leave the root', async () => {
    const a = await storage.put(Buffer.from('x'));
    await storage.delete(a.key);
    await storage.delete(a.key);
    await expect(storage.get(a.key)).rejects.toMatchObject({ kind: 'not_found' });
    await expect(storage.get('../etc/passwd')).rejects.toMatchObject({ kind: 'invalid' });
    await expect(storage.get('files/../../x')).rejects.toMatchObject({ kind: 'invalid' });
  });

  it('sweeps temp files older than the given age and keeps fresh ones', async () => {
    const dir = path.join(root, '.tmp');
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(path.join(dir, 'old.part'), '');
    await fs.writeFile(path.join(dir, 'fresh.part'), '');
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    await fs.utimes(path.join(dir, 'old.part'), twoHoursAgo, twoHoursAgo);
    expect(await storage.sweepPartials(3600_000)).toBe(1);
    expect(await fs.readdir(dir)).toEqual(['fresh.part']);
    expect(await new LocalDiskStorage(path.join(root, 'none')).sweepPartials(0)).toBe(0);
  });
});

describe('LocalDiskStorage temp files', () => {
  let root: string;
  let storage: LocalDiskStorage;

  beforeEach(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'koers-storage-'));
    storage = new LocalDiskStorage(root);
  });
  afterEach(() => fs.rm(root, { recursive: true, force: true }));

  it('commits a filled temp file under the given key, replacing what was there, and lists by prefix', async () => {
    const a = await storage.createTemp();
    await fs.writeFile(a, 'eerste');
    await storage.commitTemp(a, 'documents/abc/one');
    const b = await storage.createTemp();
    await fs.writeFile(b, 'tweede');
    const stored = await storage.commitTemp(b, 'documents/abc/one');
    expect(stored).toEqual({ key: 'documents/abc/one', sizeBytes: 6 });
    expect((await readAll(await storage.get('documents/abc/one'))).toString()).toBe('tweede');
    const c = await storage.createTemp();
    await storage.commitTemp(c, 'documents/abc/two');
    expect(await storage.list('documents/abc/')).toEqual(['documents/abc/one', 'documents/abc/two']);
    expect(await storage.list('documents/none')).toEqual([]);
    expect(await fs.readdir(path.join(root, '.tmp'))).toEqual([]);
  });

  it('discards temp files and refuses paths outside its temp directory', async () => {
    const a = await storage.createTemp();
    await storage.discardTemp(a);
    await storage.discardTemp(a);
    expect(await fs.readdir(path.join(root, '.tmp'))).toEqual([]);
    await expect(storage.commitTemp('/etc/passwd', 'x/y')).rejects.toThrow('Not a temp file');
  });
});
