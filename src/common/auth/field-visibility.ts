import { Role } from '../domain/vocabulary';
import { ACCESS_ROLES } from './access-matrix';

/**
 * Which fields of a record a role may see, once it may read the record at all (ACCESS_MATRIX): DOMAIN.md
 * "Who sees what" per field group, in the order of ACCESS_ROLES; Y = the field is in the answer, - = the key is
 * left out (not null, not masked: absent). A field in no group goes to every role that may read the record.
 *   municipality: the base record (number, names, date of birth, municipality, intake levels), the trajectory and
 *                 its plan's goals; never contact details, the integration agreement, a BSN.
 *   finance:      what billing needs (learner number and name, product, municipality, status, dates, hours);
 *                 never contact details, the integration agreement, a BSN.
 *   teacher:      its learners with contact details, trajectories, plans and integration agreements; no BSN.
 *   learner:      everything about itself, its BSN masked.
 * Applied by the repositories that build these answers (learners, trajectories, plan, referrals) through
 * `visibleFields`; the DTOs mark these fields optional with `fieldNote`; test/security-field-visibility.e2e-spec.ts
 * walks every role against every answer.
 */
//                                                 admin, coordinator, teacher, finance, municipality, learner
export const FIELD_MATRIX = {
  'learner.base':                 { cells: 'YYY-YY', fields: ['dateOfBirth', 'intakeDate', 'intakeLevels'] },
  'learner.background':           { cells: 'YYY--Y', fields: ['countryOfOrigin', 'nativeLanguage'] },
  'learner.contact':              { cells: 'YYY--Y', fields: ['email', 'phone', 'street', 'postalCode', 'city'] },
  'learner.bsn':                  { cells: 'YY---Y', fields: ['bsnMasked'] },
  'learner.account':              { cells: 'YY---Y', fields: ['userId'] },
  'trajectory.targets':           { cells: 'YYY-YY', fields: ['targetLevels'] },
  'trajectory.dropoutNote':       { cells: 'YYY-YY', fields: ['dropoutNote'] },
  'trajectory.plan':              { cells: 'YYY-YY', fields: ['plan'] },
  'trajectory.integration':       { cells: 'YYY--Y', fields: ['integrationAgreement'] },
  'plan.agreements':              { cells: 'YYY--Y', fields: ['agreements'] },
  'referral.integration':         { cells: 'YYY--Y', fields: ['reasonText'] },
} as const satisfies Record<string, { cells: string; fields: readonly string[] }>;

export type FieldGroup = keyof typeof FIELD_MATRIX;
export type FieldRecord = 'learner' | 'trajectory' | 'plan' | 'referral';

const groupsOf = (record: FieldRecord): FieldGroup[] =>
  (Object.keys(FIELD_MATRIX) as FieldGroup[]).filter((g) => g.startsWith(`${record}.`));

/** May `role` see the fields of `group`? */
export function seesFieldGroup(role: Role, group: FieldGroup): boolean {
  const i = ACCESS_ROLES.indexOf(role);
  return i >= 0 && FIELD_MATRIX[group].cells[i] === 'Y';
}

/** The fields of `record` that `role` may not see. */
export function hiddenFields(record: FieldRecord, role: Role): string[] {
  return groupsOf(record).filter((g) => !seesFieldGroup(role, g)).flatMap((g) => [...FIELD_MATRIX[g].fields]);
}

/** `view` without the keys the role may not see (a copy; the view itself is left as it is). */
export function visibleFields<T extends object>(record: FieldRecord, role: Role, view: T): T {
  const hidden = hiddenFields(record, role);
  if (!hidden.length) return view;
  const out = { ...view } as Record<string, unknown>;
  for (const k of hidden) delete out[k];
  return out as T;
}

/** For the OpenAPI document: which roles never get the group's fields. */
export function fieldNote(group: FieldGroup): string {
  const without = ACCESS_ROLES.filter((r) => !seesFieldGroup(r, group));
  return `Left out (the key is absent) for ${without.join(', ')}: field rule ${group}, src/common/auth/field-visibility.ts`;
}
