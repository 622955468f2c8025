import { applyDecorators } from '@nestjs/common';
import { Transform, Type } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  registerDecorator,
  ValidateIf,
  ValidateNested,
  ValidationOptions,
} from 'class-validator';
import { CEFR_LEVELS } from '../../../common/domain/vocabulary';
import { FreeText, SingleLine } from '../../../common/http/text-fields';
import { isValidBsn } from '../bsn/bsn';

/** Validate only when the key is present; unlike @IsOptional, null is then rejected (PATCH of a required column). */
export const IfPresent = () => ValidateIf((_o, v) => v !== undefined);

/** Exactly 9 digits passing the 11-test. */
export function IsBsn(options?: ValidationOptions) {
  return function (object: object, propertyName: string) {
    registerDecorator({
      name: 'isBsn',
      target: object.constructor,
      propertyName,
      options: { message: `${propertyName} must be 9 digits passing the 11-test`, ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && isValidBsn(value) },
    });
  };
}

/** A person's name in any script; at least one visible character. */
export const NameField = () => applyDecorators(IsString(), MaxLength(100), Matches(/\S/, { message: 'must not be empty' }), SingleLine());

/** Blank text means "no value": trimmed, and empty or whitespace-only becomes null. */
const BlankToNull = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() || null : value));

/** Optional free text that can be cleared with null (or an empty string). */
export const OptionalText = (max: number) => applyDecorators(BlankToNull(), IsOptional(), IsString(), MaxLength(max), FreeText());

export const EmailField = () => applyDecorators(IsOptional(), IsEmail(), MaxLength(254));
export const PhoneField = () =>
  applyDecorators(IsOptional(), IsString(), Matches(/^\+?[0-9 ()-]{6,30}$/, { message: 'phone must be digits, spaces, ( ) - and an optional leading +' }), MaxLength(30));
/** Dutch postcode: 1234 AB (space optional). */
export const PostalCodeField = () =>
  applyDecorators(IsOptional(), IsString(), Matches(/^[1-9][0-9]{3} ?[A-Za-z]{2}$/, { message: 'postalCode must be a Dutch postcode like 7511 AB' }));

export const LearnerNumberField = () =>
  applyDecorators(IsString(), Matches(/^[A-Za-z0-9-]{1,20}$/, { message: 'learnerNumber must be 1-20 letters, digits or dashes' }));

export const IntakeLevelsField = (type: () => new () => object) => applyDecorators(IsObject(), ValidateNested(), Type(type));

export const CefrField = () => applyDecorators(IsOptional(), IsIn(CEFR_LEVELS, { message: `must be one of ${CEFR_LEVELS.join(', ')}` }));
