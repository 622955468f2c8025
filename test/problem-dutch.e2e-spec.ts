import { seedReference, Reference } from './factories/reference.factory';
import { createUser, TestUser } from './factories/user.factory';
import { createTestApp, TestApp } from './helpers/test-app';

/** Issue 12.6: field messages in Dutch in the problem+json for clients that ask (the pages send Accept-Language: nl). */
describe('problem+json in Dutch (e2e)', () => {
  let t: TestApp;
  let ref: Reference;
  let admin: TestUser;
  const NL = 'nl-NL,nl;q=0.9,en-US;q=0.8';
  // English words class-validator and the services put into field messages.
  const ENGLISH = /\b(must|should|cannot|is not|empty|blank|required)\b/;

  beforeAll(async () => {
    t = await createTestApp();
    ref = await seedReference(t.db);
    admin = await createUser(t, 'admin');
  });
  afterAll(() => t.close());

  const post = (path: string, body: unknown, lang?: string) => {
    const req = t.http.post(`/api/v1${path}`).set('Authorization', admin.auth);
    return (lang ? req.set('Accept-Language', lang) : req).send(body as object);
  };
  const messages = (body: { errors?: { field: string; message: string }[] }) => Object.fromEntries((body.errors ?? []).map((e) => [e.field, e.message]));

  it('a new user with a bad e-mail, a blank name and a short password: Dutch messages naming each field', async () => {
    const res = await post('/users', { email: 'geen-mail', displayName: '', password: 'kort', role: 'coordinator' }, NL).expect(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.headers['content-language']).toBe('nl');
    expect(res.body).toMatchObject({ status: 400, code: 'validation_failed', title: 'Ongeldig verzoek' });
    expect(messages(res.body)).toMatchObject({
      email: 'vul een geldig e-mailadres in',
      displayName: 'vul dit veld in',
      password: 'moet minstens 12 tekens lang zijn',
    });
    expect(res.body.detail).toMatch(/^Niet alle velden zijn goed ingevuld: /);
    expect(JSON.stringify(res.body.errors)).not.toMatch(ENGLISH);
    expect(res.body.detail).not.toMatch(ENGLISH);
  });

  it('a new learner with blank names, an unknown level, a bad postcode and BSN: all Dutch', async () => {
    const res = await post('/learners', {
      firstName: '   ', lastName: '', dateOfBirth: '1990-02-30', municipalityId: ref.municipalities.Enschede, postalCode: 'abc',
      intakeDate: '2025-01-06', intakeLevels: { reading: 'Z9' }, bsn: '123456789', email: 'x@',
    }, NL).expect(400);
    const m = messages(res.body);
    expect(m).toMatchObject({
      firstName: 'vul dit veld in', lastName: 'vul dit veld in', dateOfBirth: 'vul een bestaande datum in',
      postalCode: 'vul een postcode in zoals 7511 AB', email: 'vul een geldig e-mailadres in', bsn: 'is geen geldig BSN (de elfproef klopt niet)',
    });
    expect(m['intakeLevels.reading']).toBe('kies een niveau (A0 t/m C2)');
    expect(JSON.stringify(res.body.errors)).not.toMatch(ENGLISH);
  });

  it('a blank advance-absence reason and an unknown property; a bad id in the address; a record that does not exist', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    const blank = await post(`/lessons/${id}/advance-absence`, { learnerId: id, reason: '  ', extra: 1 }, NL).expect(400);
    expect(messages(blank.body)).toEqual({ reason: 'vul dit veld in', extra: 'dit veld hoort niet in het verzoek' });
    const badId = await t.http.get('/api/v1/learners/geen-id').set('Authorization', admin.auth).set('Accept-Language', 'nl').expect(400);
    expect(badId.body.errors).toEqual([{ field: 'id', message: 'is geen geldige verwijzing' }]);
    const missing = await t.http.get(`/api/v1/trajectories/${id}`).set('Authorization', admin.auth).set('Accept-Language', 'nl').expect(404);
    expect(missing.body).toMatchObject({ title: 'Niet gevonden', detail: 'Dit gegeven bestaat niet (meer), of u heeft er geen toegang toe.' });
  });

  it('answers English unless Dutch is the first choice (API clients and the existing contract)', async () => {
    const body = { email: 'geen-mail', displayName: 'X', password: 'Zonnebloem-Tafel-8472!', role: 'coordinator' };
    for (const lang of [undefined, 'en-US,en;q=0.9,nl;q=0.8', 'nl;q=0']) {
      const res = await post('/users', body, lang).expect(400);
      expect({ lang, header: res.headers['content-language'], m: messages(res.body).email }).toEqual({ lang, header: undefined, m: 'must be an email' });
    }
    expect(messages((await post('/users', body, 'nl').expect(400)).body).email).toBe('vul een geldig e-mailadres in');
  });
});
