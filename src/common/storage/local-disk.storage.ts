import { randomUUID } from 'crypto';
import { createReadStream, createWriteStream, promises as fs } from 'fs';
import * as path from 'path';
import { Readable } from 'stream';
import { pipeline } from 'stream/promises';
import { NotFoundException, ValidationFailedException } from '../errors/domain.exception';
import { FileStorage, PutOptions, StoredObject } from './file-storage';

const KEY_PATTERN = /^[a-z0-9][a-z0-9_-]*(\/[a-z0-9][a-z0-9_.-]*)*$/;
const PREFIX_PATTERN = /^[a-z0-9][a-z0-9_-]*(\/[a-z0-9][a-z0-9_-]*)*$/;
const TMP_DIR = '.tmp';

/**
 * Files under one root directory. Writes go to a temp file on the same disk and
 * are renamed into place, so a reader never sees half a file.
 */
export class LocalDiskStorage implements FileStorage {
  private readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  async put(content: Readable | Buffer, opts: PutOptions = {}): Promise<StoredObject> {
    const prefix = opts.prefix ?? 'files';
    if (!PREFIX_PATTERN.test(prefix)) throw new Error(`Invalid storage prefix: ${prefix}`);
    const now = new Date();
    const key = `${prefix}/${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${randomUUID()}`;
    const tmpDir = path.join(this.root, TMP_DIR);
    const tmp = path.join(tmpDir, `${randomUUID()}.part`);
    const target = this.pathOf(key);
    const source = Buffer.isBuffer(content) ? Readable.from([content]) : content;
    // The source may already be flowing (piped) and fail while we create the directory.
    let early: Error | undefined;
    const onEarlyError = (e: Error) => (early ??= e);
    source.on('error', onEarlyError);
    try {
      await fs.mkdir(tmpDir, { recursive: true });
      if (early) throw early;
      await pipeline(source, createWriteStream(tmp, { flags: 'wx', mode: 0o640 }));
      const { size } = await fs.stat(tmp);
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.rename(tmp, target);
      return { key, sizeBytes: size };
    } catch (e) {
      await fs.rm(tmp, { force: true });
      throw early ?? e;
    } finally {
      source.off('error', onEarlyError);
    }
  }

  async get(key: string): Promise<Readable> {
    const file = this.pathOf(key);
    try {
      const handle = await fs.open(file, 'r');
      return createReadStream(file, { fd: handle, autoClose: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new NotFoundException('Stored file');
      throw e;
    }
  }

  async delete(key: string): Promise<void> {
    await fs.rm(this.pathOf(key), { force: true });
  }

  /**
   * Removes temp files older than `olderThanMs`: a put removes its own on failure, but a process killed mid-upload
   * cannot. Returns how many were removed.
   */
  async sweepPartials(olderThanMs: number, now = Date.now()): Promise<number> {
    const dir = path.join(this.root, TMP_DIR);
    let names: string[];
    try {
      names = await fs.readdir(dir);
    } catch {
      return 0;
    }
    let removed = 0;
    for (const name of names.filter((n) => n.endsWith('.part'))) {
      const file = path.join(dir, name);
      const stat = await fs.stat(file).catch(() => null);
      if (stat && now - stat.mtimeMs > olderThanMs) {
        await fs.rm(file, { force: true });
        removed++;
      }
    }
    return removed;
  }

  async createTemp(): Promise<string> {
    const tmpDir = path.join(this.root, TMP_DIR);
    await fs.mkdir(tmpDir, { recursive: true });
    const tmp = path.join(tmpDir, `${randomUUID()}.part`);
    await (await fs.open(tmp, 'wx', 0o640)).close();
    return tmp;
  }

  async commitTemp(tempPath: string, key: string): Promise<StoredObject> {
    const tmp = this.tempPathOf(tempPath);
    const target = this.pathOf(key);
    const handle = await fs.open(tmp, 'r+');
    let size: number;
    try {
      await handle.sync();
      size = (await handle.stat()).size;
    } finally {
      await handle.close();
    }
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.rename(tmp, target);
    // The rename itself is durable only once the directory is synced.
    const dir = await fs.open(path.dirname(target), 'r');
    try {
      await dir.sync();
    } finally {
      await dir.close();
    }
    return { key, sizeBytes: size };
  }

  async discardTemp(tempPath: string): Promise<void> {
    await fs.rm(this.tempPathOf(tempPath), { force: true });
  }

  async list(prefix: string): Promise<string[]> {
    const clean = prefix.replace(/\/+$/, '');
    const dir = this.pathOf(clean);
    const out: string[] = [];
    const walk = async (d: string, k: string): Promise<void> => {
      let entries;
      try {
        entries = await fs.readdir(d, { withFileTypes: true });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
        throw e;
      }
      for (const e of entries) {
        if (e.isDirectory()) await walk(path.join(d, e.name), `${k}/${e.name}`);
        else out.push(`${k}/${e.name}`);
      }
    };
    await walk(dir, clean);
    return out.sort();
  }

  private tempPathOf(tempPath: string): string {
    const full = path.resolve(tempPath);
    if (path.dirname(full) !== path.join(this.root, TMP_DIR)) throw new Error(`Not a temp file of this store: ${tempPath}`);
    return full;
  }

  /** Keys are generated here, but check anyway so a key can never leave the root. */
  private pathOf(key: string): string {
    if (!KEY_PATTERN.test(key) || key.split('/').some((s) => s === '..' || s === '.')) {
      throw ValidationFailedException.field('key', 'is not a valid storage key');
    }
    const full = path.resolve(this.root, key);
    if (!full.startsWith(this.root + path.sep)) throw ValidationFailedException.field('key', 'is not a valid storage key');
    return full;
  }
}
