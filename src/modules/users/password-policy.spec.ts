import { passwordProblem } from './password-policy';

const user = { email: 'j.vandermeer@enschede.nl', displayName: 'Jolien van der Meer' };

describe('passwordProblem', () => {
  it.each(['correct-horse-battery', 'koers-demo-2026', 'Zonnebloem!Trein42', 'long-enough-pw'])('accepts %j', (pw) => {
    expect(passwordProblem(pw, user)).toBeNull();
  });

  it('refuses fewer than 12 characters', () => {
    expect(passwordProblem('koers-demo', user)).toMatch(/at least 12/);
    expect(passwordProblem('Ab1!Ab1!Ab1', user)).toMatch(/at least 12/);
  });

  it.each(['password1234', 'Wachtwoord2024!', 'p@ssw0rd1234', 'qwertyuiop12', '123456789012', 'aaaaaaaaaaaa', 'welkom123456', 'abcdefghijkl'])(
    'refuses the common or patterned %j',
    (pw) => {
      expect(passwordProblem(pw, user)).toMatch(/too easy/);
    },
  );

  it.each(['j.vandermeer@enschede.nl', 'vandermeer2026!', 'JolienJolien99', 'joliEn-is-mijn-naam'])('refuses %j, built on the e-mail or name', (pw) => {
    expect(passwordProblem(pw, user)).toMatch(/e-mail address or name/);
  });
});
