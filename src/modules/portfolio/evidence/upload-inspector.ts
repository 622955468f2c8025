import { createHash, Hash } from 'crypto';
import { Readable, Transform, TransformCallback } from 'stream';
import { ValidationFailedException } from '../../../common/errors/domain.exception';
import { FileTooLargeException, UnsupportedFileTypeException } from '../portfolio.exception';
import { SniffedType, SNIFF_BYTES, sniffFileType } from './file-type-sniffer';

/**
 * Passes an upload through while hashing (sha256), counting bytes and deciding
 * the type from the first bytes. Fails the stream (so storage keeps nothing)
 * as soon as the type is wrong, or at the end when the source was truncated.
 */
export class UploadInspector extends Transform {
  private readonly hash: Hash = createHash('sha256');
  private head: Buffer[] = [];
  private headLength = 0;
  bytes = 0;
  type: SniffedType | null = null;
  sha256 = '';

  constructor(
    private readonly isTruncated: () => boolean,
    private readonly limitBytes: number,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    if (!this.type) {
      this.head.push(chunk);
      this.headLength += chunk.length;
      if (this.headLength >= SNIFF_BYTES && !this.decide()) return cb(new UnsupportedFileTypeException());
    }
    cb(null, chunk);
  }

  override _flush(cb: TransformCallback): void {
    if (this.isTruncated() || this.bytes > this.limitBytes) return cb(new FileTooLargeException(this.limitBytes));
    if (this.bytes === 0) return cb(ValidationFailedException.field('file', 'is empty'));
    if (!this.type && !this.decide()) return cb(new UnsupportedFileTypeException());
    this.sha256 = this.hash.digest('hex');
    cb();
  }

  private decide(): boolean {
    this.type = sniffFileType(Buffer.concat(this.head));
    this.head = [];
    return this.type !== null;
  }
}

/** Reads the rest of a stream we stopped consuming, so the request body is fully read before we answer. */
export function drain(stream: Readable): Promise<void> {
  return new Promise((resolve) => {
    if (stream.readableEnded || stream.destroyed) return resolve();
    stream.once('end', () => resolve());
    stream.once('close', () => resolve());
    stream.once('error', () => resolve());
    stream.unpipe();
    stream.resume();
  });
}
