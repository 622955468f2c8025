import { registrationProblems } from './document-registry';

describe('document kind registrations', () => {
  const kinds = ['a.pdf', 'b.xlsx'];

  it('accepts exactly one generator per listed kind', () => {
    expect(registrationProblems([{ kind: 'a.pdf', owner: 'A' }, { kind: 'b.xlsx', owner: 'B' }], kinds)).toEqual([]);
  });

  it('refuses a listed kind without a generator, an unlisted kind and two generators for one kind', () => {
    const problems = registrationProblems(
      [
        { kind: 'a.pdf', owner: 'A' },
        { kind: 'a.pdf', owner: 'A2' },
        { kind: 'c.csv', owner: 'C' },
      ],
      kinds,
    );
    expect(problems).toEqual([
      'document kind b.xlsx has no @DocumentGenerator provider',
      'document kind a.pdf has 2 generators: A, A2',
      'C generates c.csv, which is not listed in DOCUMENT_KINDS',
    ]);
  });
});
