import { Matches } from 'class-validator';

/**
 * PostgreSQL text cannot hold NUL (a 500 before these checks), and control characters have no place in a
 * name or a search. Free text keeps tab and line breaks.
 */
export const SingleLine = () =>
  Matches(/^[^\u0000-\u001F\u007F]*$/, { message: '$property must not contain control characters' });
export const FreeText = () =>
  Matches(/^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/, { message: '$property must not contain control characters' });
/** At least one visible character: whitespace alone is refused. */
export const NotBlank = () => Matches(/\S/, { message: '$property must not be empty or only spaces' });
