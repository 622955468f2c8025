import { Global, Module } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { FILE_STORAGE } from './file-storage';
import { LocalDiskStorage } from './local-disk.storage';

/**
 * Provides FILE_STORAGE to every module. Local disk under STORAGE_DIR; to use a
 * bucket, bind FILE_STORAGE to an S3 implementation of FileStorage here.
 */
@Global()
@Module({
  providers: [{ provide: FILE_STORAGE, inject: [AppConfig], useFactory: (config: AppConfig) => new LocalDiskStorage(config.storageDir) }],
  exports: [FILE_STORAGE],
})
export class StorageModule {}
