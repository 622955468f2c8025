import { randomInt } from 'crypto';

/** A random BSN that passes the 11-test (never a real person's on purpose: test data only). */
export function randomBsn(): string {
  for (;;) {
    const d = Array.from({ length: 8 }, () => randomInt(10));
    const sum = d.reduce((s, x, i) => s + (9 - i) * x, 0);
    const last = sum % 11;
    if (last < 10 && d.some((x) => x > 0)) return d.join('') + last;
  }
}

/** A valid body for POST /api/v1/learners. */
export function learnerBody(municipalityId: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    firstName: 'Ayşe',
    lastName: 'Çelik',
    dateOfBirth: '1988-03-14',
    municipalityId,
    email: 'ayse.celik@example.nl',
    phone: '+31 6 12345678',
    street: 'Gronausestraat 12',
    postalCode: '7511ab',
    city: 'Enschede',
    countryOfOrigin: 'Turkije',
    nativeLanguage: 'Turks',
    intakeDate: '2025-01-06',
    intakeLevels: { reading: 'A1', listening: 'A2', writing: 'A0', speaking: 'A1' },
    ...over,
  };
}
