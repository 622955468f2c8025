import { ValidateIf } from 'class-validator';

/** Optional, but when present it must be valid: `null` is refused (IsOptional would let it through to a NOT NULL column). */
export const IsOptionalNotNull = (): PropertyDecorator => ValidateIf((_, value) => value !== undefined);
