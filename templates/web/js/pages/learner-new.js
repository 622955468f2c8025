// @ts-check
/* New learner (coordinator): names in any script, the BSN checked with the 11-test as it is typed; and a new
   trajectory for a learner: contract of its municipality, product of that contract, start date. */
import { api } from '../api.js';
import { SKILL_NL } from '../labels.js';
import { fullName, link, today } from '../format.js';
import { html, mount } from '../html.js';
import { municipalityNames } from '../lookups.js';
import { navigate } from '../navigate.js';
import { $app, fieldError, onSubmit, setTitle, toast } from '../ui.js';

const CEFR = ['A0', 'A1', 'A2', 'B1', 'B2', 'C1', 'C2'];

/** The BSN 11-test: 9 digits, 9·d1 + 8·d2 + … + 2·d8 − d9 divisible by 11. @param {string} bsn */
export function bsnValid(bsn) {
  if (!/^\d{9}$/.test(bsn)) return false;
  const d = [...bsn].map(Number);
  const sum = d.slice(0, 8).reduce((acc, x, i) => acc + x * (9 - i), 0) - d[8];
  return sum % 11 === 0 && bsn !== '000000000';
}

export async function newLearnerPage() {
  setTitle('Nieuwe deelnemer');
  const names = await municipalityNames();
  mount($app, html`<p class="crumbs">${link('#/learners', '← Deelnemers')}</p><h1>Nieuwe deelnemer</h1>
    <form class="card stack" id="learner-form">
      <label>Voornaam <input name="firstName" data-field="firstName" maxlength="100" required autocomplete="off"></label>
      <label>Achternaam <input name="lastName" data-field="lastName" maxlength="100" required autocomplete="off"></label>
      <label>Geboortedatum <input type="date" name="dateOfBirth" data-field="dateOfBirth" max="${today()}" required></label>
      <label>Gemeente <select name="municipalityId" data-field="municipalityId" required><option value="">kies een gemeente</option>${Object.entries(names).map(([id, n]) => html`<option value="${id}">${n}</option>`)}</select></label>
      <label>BSN (9 cijfers) <input name="bsn" data-field="bsn" inputmode="numeric" maxlength="9" autocomplete="off" aria-describedby="bsn-check"></label>
      <span id="bsn-check" class="muted" aria-live="polite"></span>
      <label>Instroomdatum <input type="date" name="intakeDate" data-field="intakeDate" value="${today()}" required></label>
      <fieldset><legend>Instroomniveaus</legend><div class="inline-fields">${['reading', 'listening', 'writing', 'speaking'].map((s) => html`<label>${SKILL_NL[s]} <select name="level.${s}" data-field="intakeLevels.${s}"><option value="">onbekend</option>${CEFR.map((l) => html`<option>${l}</option>`)}</select></label>`)}</div></fieldset>
      <label>E-mailadres <input type="email" name="email" data-field="email" maxlength="254"></label>
      <label>Telefoon <input type="tel" name="phone" data-field="phone" maxlength="30"></label>
      <label>Straat en huisnummer <input name="street" data-field="street" maxlength="200"></label>
      <label>Postcode <input name="postalCode" data-field="postalCode" maxlength="10"></label>
      <label>Woonplaats <input name="city" data-field="city" maxlength="100"></label>
      <label>Land van herkomst <input name="countryOfOrigin" data-field="countryOfOrigin" maxlength="100"></label>
      <label>Moedertaal <input name="nativeLanguage" data-field="nativeLanguage" maxlength="100"></label>
      <div class="error" role="alert"></div><button type="submit">Deelnemer opslaan</button></form>`);
  const form = /** @type {HTMLFormElement & Record<string, any>} */ (document.getElementById('learner-form'));
  const check = document.getElementById('bsn-check');
  form.bsn.addEventListener('input', () => {
    const v = form.bsn.value.replace(/\s/g, '');
    if (!v) check.textContent = '';
    else if (!/^\d*$/.test(v)) check.textContent = 'Alleen cijfers.';
    else if (v.length < 9) check.textContent = `Nog ${9 - v.length} ${9 - v.length === 1 ? 'cijfer' : 'cijfers'}.`;
    else check.textContent = bsnValid(v) ? 'Dit BSN klopt (elfproef).' : 'Dit BSN klopt niet (elfproef): controleer de cijfers.';
    form.bsn.setAttribute('aria-invalid', String(v.length === 9 && !bsnValid(v)));
  });
  onSubmit(form, async (v) => {
    const bsn = (v.bsn || '').replace(/\s/g, '');
    if (bsn && !bsnValid(bsn)) throw fieldError('bsn', 'is geen geldig BSN (de elfproef klopt niet)');
    if (!v.firstName) throw fieldError('firstName', 'vul de voornaam in');
    if (!v.lastName) throw fieldError('lastName', 'vul de achternaam in');
    if (!v.municipalityId) throw fieldError('municipalityId', 'kies een gemeente');
    /** @type {Record<string, unknown>} */
    const body = { firstName: v.firstName, lastName: v.lastName, dateOfBirth: v.dateOfBirth, municipalityId: v.municipalityId, intakeDate: v.intakeDate };
    const levels = Object.fromEntries(Object.entries(v).filter(([k, x]) => k.startsWith('level.') && x).map(([k, x]) => [k.slice(6), x]));
    if (Object.keys(levels).length) body.intakeLevels = levels;
    if (bsn) body.bsn = bsn;
    for (const k of ['email', 'phone', 'street', 'postalCode', 'city', 'countryOfOrigin', 'nativeLanguage']) if (v[k]) body[k] = v[k];
    const l = /** @type {import('../types.js').Learner} */ (await api('/learners', { method: 'POST', body }));
    toast(`${fullName(l)} is toegevoegd`);
    navigate(`#/learners/${l.id}`);
  });
}

/** @param {string} learnerId */
export async function newTrajectoryPage(learnerId) {
  const l = /** @type {import('../types.js').Learner} */ (await api(`/learners/${learnerId}`));
  setTitle(`Nieuw traject ${fullName(l)}`);
  const contracts = /** @type {import('../types.js').Page<import('../types.js').Schemas['ContractView']>} */ (
    await api(`/contracts?municipalityId=${l.municipalityId}&activeOn=${today()}&pageSize=50`));
  mount($app, html`<p class="crumbs">${link(`#/learners/${learnerId}`, `← ${fullName(l)}`)}</p><h1>Nieuw traject voor ${fullName(l)}</h1>
    ${contracts.items.length ? html`<form class="card stack" id="trajectory-form">
      <label>Contract <select name="contractId" data-field="contractId">${contracts.items.map((c) => html`<option value="${c.id}">${c.name} (${c.reference})</option>`)}</select></label>
      <label>Product <select name="productId" data-field="productId"></select></label>
      <label>Startdatum <input type="date" name="startDate" data-field="startDate" value="${today()}" required></label>
      <label>Geplande einddatum <input type="date" name="plannedEndDate" data-field="plannedEndDate" aria-describedby="end-help"></label><span class="muted" id="end-help">Leeg laten: volgens de duur van het product.</span>
      <div class="error" role="alert"></div><button type="submit">Traject aanmaken</button></form>`
    : html`<p class="notice warn">Er is geen lopend contract met de gemeente ${l.municipality?.name || ''}; vraag de financiële administratie om een contract.</p>`}`);
  const form = /** @type {HTMLFormElement & Record<string, any> | null} */ (document.getElementById('trajectory-form'));
  if (!form) return;
  const loadProducts = async () => {
    const c = /** @type {import('../types.js').Schemas['ContractDetailView']} */ (await api(`/contracts/${form.contractId.value}`));
    mount(form.productId, html`${c.products.map((p) => html`<option value="${p.productId}">${p.productName}</option>`)}`);
  };
  form.contractId.onchange = loadProducts;
  await loadProducts();
  onSubmit(form, async (v) => {
    /** @type {import('../types.js').Schemas['CreateTrajectoryDto']} */
    const body = { learnerId, municipalityId: l.municipalityId, contractId: v.contractId, productId: v.productId, startDate: v.startDate };
    if (v.plannedEndDate) body.plannedEndDate = v.plannedEndDate;
    const t = /** @type {import('../types.js').Trajectory} */ (await api('/trajectories', { method: 'POST', body }));
    toast('Traject aangemaakt');
    navigate(`#/trajectories/${t.id}`);
  });
}
