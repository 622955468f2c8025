import { Global, Inject, Injectable, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { FILE_STORAGE, FileStorage } from './file-storage';
import { LocalDiskStorage } from './local-disk.storage';

/** A temp file untouched this long belongs to no running upload (uploads time out after HTTP_REQUEST_TIMEOUT_SECONDS). */
export const PARTIAL_UPLOAD_MAX_AGE_MS = 60 * 60 * 1000;
const SWEEP_EVERY_MS = 15 * 60 * 1000;

/** Sweeps leftover partial uploads at start-up and every quarter of an hour, in every process. */
@Injectable()
export class PartialUploadSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('PartialUploadSweeper');
  private timer?: NodeJS.Timeout;

  constructor(@Inject(FILE_STORAGE) private readonly storage: FileStorage) {}

  onApplicationBootstrap(): void {
    if (!(this.storage instanceof LocalDiskStorage)) return;
    void this.sweep();
    this.timer = setInterval(() => void this.sweep(), SWEEP_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async sweep(): Promise<number> {
    try {
      const removed = await (this.storage as LocalDiskStorage).sweepPartials(PARTIAL_UPLOAD_MAX_AGE_MS);
      if (removed) this.logger.log({ removed }, 'Removed leftover partial uploads');
      return removed;
    } catch (err) {
      this.logger.warn({ err }, 'Sweeping partial uploads failed');
      return 0;
    }
  }
}

/**
 * Provides FILE_STORAGE to every module. Local disk under STORAGE_DIR; to use a
 * bucket, bind FILE_STORAGE to an S3 implementation of FileStorage here.
 */
@Global()
@Module({
  providers: [{ provide: FILE_STORAGE, inject: [AppConfig], useFactory: (config: AppConfig) => new LocalDiskStorage(config.storageDir) }, PartialUploadSweeper],
  exports: [FILE_STORAGE],
})
export class StorageModule {}
