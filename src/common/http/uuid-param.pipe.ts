import { Injectable, PipeTransform, ArgumentMetadata } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { ValidationFailedException } from '../errors/domain.exception';

/** Path ids must be UUIDs; anything else is a 400 naming the parameter. */
@Injectable()
export class UuidPipe implements PipeTransform<string, string> {
  transform(value: string, meta: ArgumentMetadata): string {
    if (!isUUID(value)) throw ValidationFailedException.field(meta.data ?? 'id', 'must be a UUID');
    return value;
  }
}
