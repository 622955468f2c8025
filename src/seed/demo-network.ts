import { EntityManager } from 'typeorm';
import { addDays, daysBetween, minDay } from '../common/domain/calendar';
import { bulkInsert } from './bulk-insert';
import { MUNICIPALITY_INFO } from './demo-catalogue';
import { DemoPlan, PlanTrajectory, learnerNumber } from './demo-plan';
import { ENSCHEDE } from './demo-users';
import { Prng } from './prng';

/**
 * The regional network (DOMAIN.md "Network", /work/notes/network-demo.md): partner organisations of every kind in
 * every municipality, volunteers with VOG dates (some expiring within 60 days, a few expired), referrals of
 * learners to partners of their own municipality in every status, mostly with an accompanied first contact, and
 * dated participation hours, most for the Z-route (whose 800-hour participation norm they count toward).
 */

const BIG = new Set([ENSCHEDE, 'GM0164', 'GM0141']);
/** Volunteers' e-mail domain: the demo's volunteers are found (and replaced on a re-run) by it. */
export const DEMO_VOLUNTEER_DOMAIN = 'vrijwilligers.koers-demo.nl';

type Kind = 'sport_club' | 'religious_community' | 'library' | 'employer' | 'welfare_organisation' | 'volunteer_organisation' | 'neighbourhood_team' | 'other';
const PARTNER_TEMPLATES: Record<Kind, Array<{ name: (town: string) => string; themes: string[] }>> = {
  library: [{ name: (t) => `Bibliotheek ${t}`, themes: ['culture', 'neighbourhood'] }],
  sport_club: [
    { name: (t) => `Voetbalvereniging ${t} Boys`, themes: ['sport'] },
    { name: (t) => `Zwem- en polovereniging ${t}`, themes: ['sport'] },
    { name: (t) => `Wandelclub De Twentse Tippelaars ${t}`, themes: ['sport', 'neighbourhood'] },
  ],
  religious_community: [
    { name: (t) => `Protestantse Gemeente ${t}`, themes: ['religion', 'neighbourhood'] },
    { name: (t) => `Stichting Moskee Ayasofya ${t}`, themes: ['religion', 'culture'] },
  ],
  employer: [
    { name: (t) => `Kringloopwinkel ${t}`, themes: ['work'] },
    { name: (t) => `Zorggroep Twente, locatie ${t}`, themes: ['work'] },
  ],
  welfare_organisation: [{ name: (t) => `Stichting Welzijn ${t}`, themes: ['housing', 'neighbourhood', 'culture'] }],
  volunteer_organisation: [
    { name: (t) => `VluchtelingenWerk Oost Nederland, team ${t}`, themes: ['housing', 'neighbourhood', 'work'] },
    { name: (t) => `Humanitas ${t} (maatjesproject)`, themes: ['neighbourhood', 'culture'] },
  ],
  neighbourhood_team: [{ name: (t) => `Sociaal wijkteam ${t}`, themes: ['housing', 'neighbourhood'] }],
  other: [{ name: (t) => `Taalcafé ${t}`, themes: ['culture', 'neighbourhood'] }],
};
const ALL_KINDS = Object.keys(PARTNER_TEMPLATES) as Kind[];
const ALL_STATUSES = ['planned', 'first_contact', 'participating', 'ended', 'not_started'];
const SMALL_KINDS: Kind[] = ['library', 'sport_club', 'volunteer_organisation'];

const CONTACT_FIRST = ['Anne', 'Gerrit', 'Marieke', 'Henk', 'Ingrid', 'Jeroen', 'Sanne', 'Bert', 'Fatma', 'Wim', 'Esther', 'Jan', 'Nicole', 'Ahmed', 'Riet', 'Tom'];
const CONTACT_LAST = ['Nijhuis', 'Oude Vrielink', 'Kamphuis', 'Wolters', 'Brinkman', 'ter Horst', 'Hofman', 'Lansink', 'Yılmaz', 'Wessels', 'Kuipers', 'Bosch', 'Haverkate', 'Scholten'];
const VOLUNTEERS: Array<{ name: string; languages: string[] }> = [
  { name: 'Truus Hendriks', languages: ['Nederlands', 'Engels'] },
  { name: 'Samira El Idrissi', languages: ['Nederlands', 'Arabisch', 'Frans'] },
  { name: 'Haile Tesfamariam', languages: ['Nederlands', 'Tigrinya', 'Amhaars'] },
  { name: 'Oksana Melnyk', languages: ['Nederlands', 'Oekraïens', 'Russisch'] },
  { name: 'Gerard Leferink', languages: ['Nederlands', 'Duits'] },
  { name: 'Mehmet Doğan', languages: ['Nederlands', 'Turks'] },
  { name: 'Ria Bolhuis', languages: ['Nederlands'] },
  { name: 'Nour Haddad', languages: ['Nederlands', 'Arabisch'] },
  { name: 'Piet Oude Luttikhuis', languages: ['Nederlands', 'Engels'] },
  { name: 'Awet Gebremedhin', languages: ['Nederlands', 'Tigrinya'] },
  { name: 'Joke Meijer', languages: ['Nederlands', 'Engels', 'Spaans'] },
  { name: 'Farid Rahimi', languages: ['Nederlands', 'Dari', 'Farsi'] },
  { name: 'Marian Kloosterman', languages: ['Nederlands'] },
  { name: 'Yulia Bondarenko', languages: ['Nederlands', 'Oekraïens'] },
];
const AVAILABILITY = ['dinsdagavond en zaterdag', 'maandag- en woensdagochtend', 'doordeweeks overdag', 'donderdagmiddag', 'in overleg, ook in het weekend'];
/** What the referral is for, per reason theme: the agreement text it answers and the note of the referral. */
const REASON_TEXT: Record<string, string> = {
  neighbourhood: 'Wil graag mensen in de buurt leren kennen',
  culture: 'Wil meer Nederlands spreken buiten de les',
};
const NOTES: Record<string, string[]> = {
  sport: ['Kennismakingstraining afgesproken; een vrijwilliger gaat mee.', 'Proeflidmaatschap van drie maanden via het jeugdsportfonds.'],
  work: ['Oriënterend gesprek over vrijwilligerswerk met behoud van uitkering.', 'Werkervaringsplek van twee dagdelen per week.'],
  housing: ['Hulp bij post van de woningcorporatie en de energieleverancier.', 'Uitleg over huurtoeslag en het huurcontract.'],
  culture: ['Taalcafé op dinsdagavond, samen met een taalmaatje.', 'Voorleesochtend en computercursus in de bibliotheek.'],
  religion: ['Kennismaking met de gemeenschap; contactpersoon spreekt Arabisch.', 'Ontmoetingsochtend voor nieuwkomers.'],
  neighbourhood: ['Koffieochtend in het buurthuis, samen met de buurvrouw.', 'Meehelpen bij de buurtmoestuin.'],
};
const ENDED_REASONS = ['Seizoen afgelopen', 'Vond betaald werk', 'Doel bereikt: gaat zelfstandig verder', 'Verhuisd naar een andere wijk', 'Past niet meer naast de lessen'];
const NOT_STARTED_REASONS = ['Kon niet op de trainingsavond (kinderopvang)', 'Koos toch voor een andere vereniging', 'Kreeg werk op de dagen van de activiteit', 'Geen interesse meer na de intake'];
const ENTRY_NOTES = ['Taalcafé', 'Vrijwilligerswerk in de kringloop', 'Training en daarna koffie met het team', 'Meegeholpen bij de buurtmaaltijd', 'Werkervaring in het magazijn'];

/** The same calendar day `years` later (earlier when negative); 29 February becomes the 28th. */
const shiftYears = (day: string, years: number) => {
  const d = `${Number(day.slice(0, 4)) + years}${day.slice(4)}`;
  return d.endsWith('-02-29') ? d.replace(/-29$/, '-28') : d;
};
/** koers_vog_expiry: a VOG is valid from its date until 3 years later. */
const vogValidOn = (vog: string | null, day: string) => vog !== null && vog <= day && day < shiftYears(vog, 3);

export interface Partner { id: string; cbs: string; name: string; kind: Kind; themes: string[]; active: boolean; contactName: string; email: string; phone: string; address: string }
export interface Volunteer { id: string; cbs: string; name: string; email: string; phone: string; languages: string[]; availability: string; partnerId: string | null; vogDate: string | null; active: boolean }

/** Names (per municipality) of the demo's partners, so a re-run removes exactly these. */
export function demoPartnerKeys(): Array<{ cbs: string; name: string }> {
  const keys: Array<{ cbs: string; name: string }> = [];
  for (const [cbs, info] of Object.entries(MUNICIPALITY_INFO)) {
    const town = info.location.split(',')[0];
    for (const kind of ALL_KINDS) for (const t of PARTNER_TEMPLATES[kind]) keys.push({ cbs, name: t.name(town) });
  }
  return keys;
}

/** Referrals and participation hours go with the demo trajectories (cascade); volunteers and partners are removed here. */
export async function removeDemoNetwork(m: EntityManager, municipalities: Record<string, string>): Promise<void> {
  const keys = demoPartnerKeys();
  await m.query(`DELETE FROM volunteer WHERE email LIKE $1`, [`%@${DEMO_VOLUNTEER_DOMAIN}`]);
  await m.query(
    `DELETE FROM network_partner p USING unnest($1::uuid[], $2::text[]) AS k(municipality_id, name)
      WHERE p.municipality_id = k.municipality_id AND p.name = k.name`,
    [keys.map((k) => municipalities[k.cbs]), keys.map((k) => k.name)],
  );
}

export interface DemoNetwork { partners: Partner[]; volunteers: Volunteer[]; referrals: unknown[][]; entries: unknown[][] }

/**
 * Plans the network in memory, before the trajectories are written: a referral needs a reason in the integration
 * agreement, and where none fits, a need is added to the agreement first.
 */
export function planDemoNetwork(rng: Prng, plan: DemoPlan, today: string, opts: { staffIds: string[]; coordinatorId: string }): DemoNetwork {
  // ---- partners: every kind in the three cities, a selection elsewhere; two small ones no longer active
  const partners: Partner[] = [];
  for (const [cbs, info] of Object.entries(MUNICIPALITY_INFO)) {
    const town = info.location.split(',')[0];
    const extra = ALL_KINDS.filter((k) => !SMALL_KINDS.includes(k));
    const kinds = BIG.has(cbs) ? ALL_KINDS : [...SMALL_KINDS, ...pickSome(rng, extra, rng.int(1, 3))];
    for (const kind of kinds) {
      const templates = BIG.has(cbs) ? PARTNER_TEMPLATES[kind] : [rng.pick(PARTNER_TEMPLATES[kind])];
      for (const t of templates) {
        const contact = `${rng.pick(CONTACT_FIRST)} ${rng.pick(CONTACT_LAST)}`;
        partners.push({
          id: rng.uuid(), cbs, name: t.name(town), kind, themes: t.themes, active: true, contactName: contact,
          email: `${slug(contact.split(' ')[0])}@${slug(t.name(town)).slice(0, 40)}.example.nl`,
          phone: `0${rng.pick(['53', '74', '546', '541', '548'])}-${rng.int(100000, 999999)}`,
          address: `${rng.pick(info.streets)} ${rng.int(1, 180)}, ${town}`,
        });
      }
    }
  }
  for (const cbs of ['GM0183', 'GM1700']) {
    const p = partners.find((x) => x.cbs === cbs && x.kind === 'sport_club');
    if (p) p.active = false;
  }

  // ---- volunteers: 2–4 per municipality, most with a partner; VOGs mostly recent, a few expiring soon or expired
  const volunteers: Volunteer[] = [];
  const pool = [...VOLUNTEERS];
  const threeYearsAgo = shiftYears(today, -3);
  const special: Record<string, Array<string | null>> = {
    [ENSCHEDE]: [addDays(threeYearsAgo, 12), addDays(threeYearsAgo, -140)],
    GM0164: [addDays(threeYearsAgo, 30)],
    GM0141: [addDays(threeYearsAgo, 55), null],
    GM0147: [addDays(threeYearsAgo, 41)],
    GM0173: [addDays(threeYearsAgo, -75)],
  };
  for (const cbs of Object.keys(MUNICIPALITY_INFO)) {
    const own = partners.filter((p) => p.cbs === cbs && p.active && ['volunteer_organisation', 'welfare_organisation', 'library', 'other', 'religious_community'].includes(p.kind));
    const count = BIG.has(cbs) ? 4 : rng.int(2, 3);
    for (let i = 0; i < count; i++) {
      const person = pool.length ? pool.splice(rng.int(0, pool.length - 1), 1)[0] : { name: `${rng.pick(CONTACT_FIRST)} ${rng.pick(CONTACT_LAST)}`, languages: ['Nederlands'] };
      const vog = special[cbs]?.[i] !== undefined ? special[cbs][i] : addDays(today, -rng.int(20, 700));
      const partner = own.length && rng.chance(0.8) ? rng.pick(own) : null;
      volunteers.push({
        id: rng.uuid(), cbs, name: person.name, email: `${slug(person.name)}@${DEMO_VOLUNTEER_DOMAIN}`, phone: `06-${rng.int(10000000, 99999999)}`,
        languages: person.languages, availability: rng.pick(AVAILABILITY), partnerId: partner?.id ?? null, vogDate: vog, active: true,
      });
      if (!pool.length) pool.push(...VOLUNTEERS.map((v) => ({ ...v, name: `${v.name.split(' ')[0]} ${rng.pick(CONTACT_LAST)}` })));
    }
  }

  // ---- referrals: most Z-route learners, about one in five others, some history on ended trajectories
  const referrals: unknown[][] = [];
  const entries: unknown[][] = [];
  const zRoute = plan.trajectories.filter((t) => t.productCode === 'Z-ROUTE' && (t.status === 'active' || t.status === 'suspended'))
    .sort((a, b) => a.startDate.localeCompare(b.startDate));
  const shown = new Map<string, number>();
  const bump = (counts: Map<string, number>, key: string) => {
    const n = counts.get(key) ?? 0;
    counts.set(key, n + 1);
    return n;
  };
  // The two longest-running active ones take part twice a week from their first weeks on: several hundred hours.
  const farAlong = new Set(zRoute.filter((t) => t.status === 'active' && t.startDate <= addDays(today, -400)).slice(0, 2));
  for (const t of plan.trajectories) {
    if (t.status === 'planned' || t.neverActive) continue;
    const own = t.learner.number === learnerNumber(0);
    const z = t.productCode === 'Z-ROUTE';
    const ended = t.status === 'completed' || t.status === 'dropped_out';
    const chance = own || farAlong.has(t) ? 1 : z ? (ended ? 0.5 : 0.85) : ended ? 0.1 : 0.2;
    if (!rng.chance(chance)) continue;
    const last = minDay(t.attendUntil ?? today, today);
    if (last < addDays(t.startDate, 30)) continue;
    const n = z && !ended && rng.chance(0.3) ? 2 : 1;
    for (let k = 0; k < n; k++) {
      const reason = pickReason(rng, t, partners.filter((p) => p.cbs === t.cbs && p.active));
      if (!reason) break;
      const { kind, theme, partner } = reason;
      const status: string = farAlong.has(t) && k === 0 ? 'participating'
        : own ? 'participating'
          : ended ? (rng.chance(0.75) ? 'ended' : 'not_started')
            : t.status === 'suspended' ? rng.pick(['participating', 'ended'])
              // In the three cities the first referrals show every status once; the rest by weight.
              : BIG.has(t.cbs) && (shown.get(t.cbs) ?? 0) < ALL_STATUSES.length ? ALL_STATUSES[bump(shown, t.cbs)]
                : rng.weighted({ planned: 12, first_contact: 14, participating: 44, ended: 18, not_started: 12 });
      const planned = status === 'planned' ? addDays(today, rng.int(3, 28))
        : farAlong.has(t) && k === 0 ? addDays(t.startDate, rng.int(10, 20))
          : addDays(t.startDate, rng.int(14, Math.max(15, Math.min(400, daysBetween(t.startDate, last) - 20))));
      if (status !== 'planned' && planned > addDays(last, -7)) continue;
      const contact = ['planned', 'not_started'].includes(status) ? null : minDay(addDays(planned, rng.int(0, 10)), addDays(last, -5));
      // The Münster rule: most newcomers are taken along the first time, by a volunteer with a valid VOG or a staff member.
      let volunteerId: string | null = null;
      let userId: string | null = null;
      if (contact && rng.chance(0.86)) {
        const able = volunteers.filter((v) => v.cbs === t.cbs && v.active && vogValidOn(v.vogDate, contact));
        if (able.length && rng.chance(0.75)) volunteerId = rng.pick(able).id;
        else userId = rng.pick(opts.staffIds);
      }
      const from = contact && ['participating', 'ended'].includes(status) ? minDay(addDays(contact, rng.int(0, 14)), addDays(last, -3)) : null;
      const end = status === 'ended' ? minDay(addDays(from!, rng.int(30, 160)), ended ? (t.endDate ?? last) : addDays(today, -1)) : null;
      const id = rng.uuid();
      referrals.push([
        id, t.id, partner.id, kind, theme, rng.pick(NOTES[theme]), planned, status, contact, volunteerId, userId, from,
        end && from && end < from ? from : end,
        status === 'ended' ? rng.pick(ENDED_REASONS) : status === 'not_started' ? rng.pick(NOT_STARTED_REASONS) : null,
        ['planned'].includes(status) ? 1 : status === 'first_contact' || status === 'not_started' ? 2 : status === 'participating' ? 3 : 4,
      ]);
      // Participation hours: for the Z-route weekly (twice a week for those far along); now and then on other routes.
      if (from && (z || own || rng.chance(0.3))) {
        const until = minDay(end ?? addDays(today, -1), addDays(today, -1));
        const twice = farAlong.has(t) && k === 0;
        for (let d = from; d <= until; d = addDays(d, twice ? rng.pick([3, 4]) : rng.pick([7, 7, 7, 14]))) {
          const minutes = twice ? rng.pick([180, 210, 240]) : 15 * rng.int(4, 16);
          entries.push([rng.uuid(), id, d, minutes, rng.chance(0.15) ? rng.pick(ENTRY_NOTES) : null, opts.coordinatorId, new Date(`${d}T17:00:00Z`)]);
        }
      }
    }
  }
  return { partners, volunteers, referrals, entries };
}

export async function writeDemoNetwork(m: EntityManager, network: DemoNetwork, municipalities: Record<string, string>): Promise<void> {
  const { partners, volunteers, referrals, entries } = network;
  // Array columns (themes, languages) go in as array literals, cast per row (bulkInsert takes scalar columns).
  await m.query(
    `INSERT INTO network_partner (id, municipality_id, name, kind, themes, contact_name, contact_email, contact_phone, address, active)
     SELECT id, municipality_id, name, kind, themes::varchar[], contact_name, contact_email, contact_phone, address, active
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::bool[])
            AS x(id, municipality_id, name, kind, themes, contact_name, contact_email, contact_phone, address, active)`,
    [partners.map((p) => p.id), partners.map((p) => municipalities[p.cbs]), partners.map((p) => p.name), partners.map((p) => p.kind),
      partners.map((p) => `{${p.themes.join(',')}}`), partners.map((p) => p.contactName), partners.map((p) => p.email), partners.map((p) => p.phone),
      partners.map((p) => p.address), partners.map((p) => p.active)],
  );
  await m.query(
    `INSERT INTO volunteer (id, name, email, phone, languages, availability, municipality_id, partner_id, vog_date, active)
     SELECT id, name, email, phone, languages::varchar[], availability, municipality_id, partner_id, vog_date, active
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::uuid[], $8::uuid[], $9::date[], $10::bool[])
            AS x(id, name, email, phone, languages, availability, municipality_id, partner_id, vog_date, active)`,
    [volunteers.map((v) => v.id), volunteers.map((v) => v.name), volunteers.map((v) => v.email), volunteers.map((v) => v.phone),
      volunteers.map((v) => `{${v.languages.map((l) => `"${l}"`).join(',')}}`), volunteers.map((v) => v.availability),
      volunteers.map((v) => municipalities[v.cbs]), volunteers.map((v) => v.partnerId), volunteers.map((v) => v.vogDate), volunteers.map((v) => v.active)],
  );
  await bulkInsert(m, 'referral', [
    'id', 'trajectory_id', 'partner_id', 'reason_kind', 'reason_theme', 'note', 'planned_date', 'status', 'first_contact_date',
    'accompanied_by_volunteer_id', 'accompanied_by_user_id', 'participating_from', 'end_date', 'outcome_reason', 'version',
  ], referrals);
  await bulkInsert(m, 'participation_entry', ['id', 'referral_id', 'entry_date', 'minutes', 'note', 'created_by', 'created_at'], entries);
}

/**
 * A reason from the trajectory's integration agreement with a partner of its municipality on that theme. Where the
 * agreement has none that fits, a neighbourhood or culture need is added to it (as the coordinator would record).
 */
function pickReason(rng: Prng, t: PlanTrajectory, partners: Partner[]): { kind: string; theme: string; partner: Partner } | null {
  const agreement = t.agreement as Record<string, Record<string, string>>;
  const options: Array<{ kind: string; theme: string }> = [];
  for (const [kind, key] of [['wish', 'wishes'], ['need', 'needs'], ['ability', 'abilities']] as const) {
    for (const [theme, text] of Object.entries(agreement[key] ?? {})) {
      if (text && text !== 'Geen' && partners.some((p) => p.themes.includes(theme))) options.push({ kind, theme });
    }
  }
  if (!options.length || rng.chance(0.15)) {
    const theme = rng.pick(['neighbourhood', 'culture'] as const);
    if (!partners.some((p) => p.themes.includes(theme))) return null;
    agreement.needs = { ...(agreement.needs ?? {}), [theme]: REASON_TEXT[theme] };
    options.splice(0, options.length, { kind: 'need', theme });
  }
  const choice = rng.pick(options);
  return { ...choice, partner: rng.pick(partners.filter((p) => p.themes.includes(choice.theme))) };
}

function pickSome<T>(rng: Prng, items: T[], n: number): T[] {
  const out = [...items];
  const picked: T[] = [];
  while (picked.length < n && out.length) picked.push(out.splice(rng.int(0, out.length - 1), 1)[0]);
  return picked;
}

const slug = (s: string) => s.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
