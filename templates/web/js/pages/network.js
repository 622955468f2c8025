// @ts-check
/* Netwerkpartners, vrijwilligers and the network overview per municipality. */
import { api } from '../api.js';
import { fmtDate, fmtHours, link, or, pct } from '../format.js';
import { html, mount } from '../html.js';
import { listPage } from '../list-page.js';
import { municipalityNames } from '../lookups.js';
import { KIND_NL, THEME_NL } from '../network-labels.js';
import { isRole, state } from '../session.js';
import { $app, clearFormErrors, setTitle, showFormErrors, toast } from '../ui.js';

/** A filter's select, its value kept from the URL. @param {Record<string, string>} map @param {string} name @param {URLSearchParams} params @param {string} all */
export function select(map, name, params, all = 'alle') {
  return html`<select name="${name}"><option value="">${all}</option>${Object.entries(map).map(([v, l]) => html`<option value="${v}" ${params.get(name) === v ? html`selected` : ''}>${l}</option>`)}</select>`;
}

/** A small create form under a list; posts JSON built by `body` and reloads the list. */
function createForm(/** @type {string} */ id, /** @type {import('../html.js').Value} */ fields) {
  return html`<details class="card"><summary>Toevoegen</summary><form id="${id}" novalidate><div class="error" role="alert"></div>${fields}<button type="submit">Opslaan</button></form></details>`;
}

/** @param {string} id @param {string} path @param {(f: HTMLFormElement & Record<string, any>) => Record<string, unknown>} body @param {string} done */
function bindCreate(id, path, body, done) {
  const form = /** @type {HTMLFormElement & Record<string, any>} */ (document.getElementById(id));
  if (!form) return;
  form.onsubmit = async (ev) => {
    ev.preventDefault();
    clearFormErrors(form);
    try {
      await api(path, { method: 'POST', body: body(form) });
      toast(done);
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    } catch (e) {
      showFormErrors(form, e, form.querySelector('.error'));
    }
  };
}

/** A form field's trimmed value (not `form.name`: that is the form's own name). */
const val = (/** @type {HTMLFormElement} */ f, /** @type {string} */ n) => /** @type {HTMLInputElement} */ (f.elements.namedItem(n)).value.trim();

/** @param {URLSearchParams} params */
export async function partnersPage(params) {
  const names = await municipalityNames();
  const filters = html`<form class="inline filters"><label>Zoeken <input name="search" value="${params.get('search') || ''}" placeholder="naam, contactpersoon of adres"></label>
    ${isRole('municipality') ? '' : html`<label>Gemeente ${select(names, 'municipalityId', params)}</label>`}
    <label>Soort ${select(KIND_NL, 'kind', params)}</label><label>Thema ${select(THEME_NL, 'theme', params)}</label>
    <label>Actief ${select({ true: 'actief', false: 'niet actief' }, 'active', params)}</label><button type="submit">Filteren</button></form>`;
  /** @type {import('../list-page.js').Column<import('../types.js').Schemas['PartnerView']>[]} */
  const columns = [
    { label: 'Naam', sort: 'name', render: (p) => p.name },
    { label: 'Soort', sort: 'kind', render: (p) => KIND_NL[p.kind] || p.kind },
    { label: 'Thema’s', render: (p) => p.themes.map((t) => THEME_NL[t] || t).join(', ') },
    { label: 'Gemeente', render: (p) => p.municipality.name },
    { label: 'Contactpersoon', render: (p) => or([p.contactName, p.contactPhone, p.contactEmail].filter(Boolean).join(' · ')) },
    { label: 'Adres', render: (p) => or(p.address) },
    { label: 'Actief', render: (p) => (p.active ? 'ja' : 'nee') },
  ];
  await listPage({ title: 'Netwerkpartners', path: '/partners', params, filters, columns, empty: 'Geen netwerkpartners gevonden.' });
  if (!isRole('admin', 'coordinator')) return;
  $app.insertAdjacentElement('beforeend', document.createElement('div')).id = 'partner-new';
  mount(document.getElementById('partner-new'), createForm('partner-form', html`
    <label>Naam <input name="name" data-field="name" required maxlength="200"></label>
    <label>Gemeente <select name="municipalityId" data-field="municipalityId">${Object.entries(names).map(([v, l]) => html`<option value="${v}">${l}</option>`)}</select></label>
    <label>Soort <select name="kind" data-field="kind">${Object.entries(KIND_NL).map(([v, l]) => html`<option value="${v}">${l}</option>`)}</select></label>
    <fieldset data-field="themes"><legend>Thema’s</legend>${Object.entries(THEME_NL).map(([v, l]) => html`<label class="check"><input type="checkbox" name="themes" value="${v}"> ${l}</label>`)}</fieldset>
    <label>Contactpersoon <input name="contactName" data-field="contactName"></label><label>Telefoon <input name="contactPhone" data-field="contactPhone"></label>
    <label>E-mail <input name="contactEmail" type="email" data-field="contactEmail"></label><label>Adres <input name="address" data-field="address"></label>`));
  bindCreate('partner-form', '/partners', (f) => {
    /** @type {Record<string, unknown>} */
    const b = { name: val(f, 'name'), municipalityId: f.municipalityId.value, kind: f.kind.value, themes: [...f.querySelectorAll('input[name=themes]:checked')].map((i) => /** @type {HTMLInputElement} */ (i).value) };
    for (const k of ['contactName', 'contactPhone', 'contactEmail', 'address']) if (f[k].value.trim()) b[k] = f[k].value.trim();
    return b;
  }, 'Netwerkpartner toegevoegd');
}

/** @param {URLSearchParams} params */
export async function volunteersPage(params) {
  const names = await municipalityNames();
  const filters = html`<form class="inline filters"><label>Zoeken <input name="search" value="${params.get('search') || ''}" placeholder="naam of taal"></label>
    ${isRole('municipality') ? '' : html`<label>Gemeente ${select(names, 'municipalityId', params)}</label>`}
    <label>VOG ${select({ 60: 'verloopt binnen 60 dagen of ontbreekt' }, 'vogExpiringWithinDays', params, 'alle')}</label><button type="submit">Filteren</button></form>`;
  /** @type {import('../list-page.js').Column<import('../types.js').Schemas['VolunteerView']>[]} */
  const columns = [
    { label: 'Naam', sort: 'name', render: (v) => v.name },
    { label: 'Talen', render: (v) => or(v.languages.join(', ')) },
    { label: 'Beschikbaar', render: (v) => or(v.availability) },
    { label: 'Netwerkpartner', render: (v) => or(v.partnerName) },
    { label: 'VOG verloopt', sort: 'vogExpiresOn', render: (v) => (v.vogExpiresOn ? html`${fmtDate(v.vogExpiresOn)}${v.vogExpired ? html` <span class="badge bad">verlopen</span>` : ''}` : html`<span class="badge bad">geen VOG</span>`) },
    ...(isRole('admin', 'coordinator') ? [{ label: 'Contact', render: (/** @type {any} */ v) => or([v.phone, v.email].filter(Boolean).join(' · ')) }] : []),
  ];
  await listPage({ title: 'Vrijwilligers', path: '/volunteers', params, filters, columns, empty: 'Geen vrijwilligers gevonden.' });
  if (!isRole('admin', 'coordinator')) return;
  $app.insertAdjacentElement('beforeend', document.createElement('div')).id = 'volunteer-new';
  mount(document.getElementById('volunteer-new'), createForm('volunteer-form', html`
    <label>Naam <input name="name" data-field="name" required maxlength="200"></label>
    <label>Gemeente <select name="municipalityId" data-field="municipalityId">${Object.entries(names).map(([v, l]) => html`<option value="${v}">${l}</option>`)}</select></label>
    <label>Talen (komma’s ertussen) <input name="languages" data-field="languages"></label><label>Beschikbaarheid <input name="availability" data-field="availability"></label>
    <label>Telefoon <input name="phone" data-field="phone"></label><label>E-mail <input name="email" type="email" data-field="email"></label>
    <label>Datum VOG <input name="vogDate" type="date" data-field="vogDate"></label>`));
  bindCreate('volunteer-form', '/volunteers', (f) => {
    /** @type {Record<string, unknown>} */
    const b = { name: val(f, 'name'), municipalityId: f.municipalityId.value, languages: f.languages.value.split(',').map((s) => s.trim()).filter(Boolean) };
    for (const k of ['availability', 'phone', 'email', 'vogDate']) if (f[k].value.trim()) b[k] = f[k].value.trim();
    return b;
  }, 'Vrijwilliger toegevoegd');
}

/** @param {URLSearchParams} params */
export async function networkOverviewPage(params) {
  const names = await municipalityNames();
  const id = isRole('municipality') ? state.user.municipalityId : params.get('municipalityId') || Object.keys(names)[0];
  const o = /** @type {import('../types.js').Schemas['NetworkOverviewDto']} */ (await api(`/municipalities/${id}/network`));
  setTitle(`Netwerk ${o.municipalityName}`);
  const a = o.accompaniedFirstContact;
  mount($app, html`<h1>Netwerk ${o.municipalityName}</h1>
    <nav class="links" aria-label="Netwerk en uitwisseling">${link(`#/network/partners${isRole('municipality') ? '' : `?municipalityId=${id}`}`, 'Netwerkpartners')} · ${link(`#/network/volunteers${isRole('municipality') ? '' : `?municipalityId=${id}`}`, 'Vrijwilligers')}
      · ${link('#/imports', isRole('municipality') ? 'Importen' : 'Importeren')}${isRole('admin', 'coordinator') ? html` · ${link('#/term-worklist', 'Termijn loopt af')}` : ''} · ${link('#/duo-hours', 'Uren voor DUO')}</nav>
    ${isRole('municipality') ? '' : html`<form class="inline filters" id="pick"><label>Gemeente <select name="municipalityId">${Object.entries(names).map(([v, l]) => html`<option value="${v}" ${v === id ? html`selected` : ''}>${l}</option>`)}</select></label><button type="submit">Tonen</button></form>`}
    <div class="grid"><section class="card"><h2>Netwerkpartners per soort</h2><p>${o.activePartners} actieve netwerkpartners</p><table><tbody>${o.partnersPerKind.map((k) => html`<tr><th scope="row">${KIND_NL[k.kind] || k.kind}</th><td>${k.partners}</td></tr>`)}</tbody></table></section>
    <section class="card"><h2>Per thema</h2><table><tbody>${o.partnersPerTheme.map((k) => html`<tr><th scope="row">${THEME_NL[k.theme] || k.theme}</th><td>${k.partners}</td></tr>`)}</tbody></table></section>
    <section class="card"><h2>Begeleid eerste contact</h2><p>${a.accompanied} van ${a.withFirstContact} eerste contacten begeleid: ${pct(a.share)}</p></section></div>
    <section class="card"><h2>Koppelingen per netwerkpartner</h2><div class="table-wrap"><table><thead><tr><th>Netwerkpartner</th><th>Totaal</th><th>Gepland</th><th>Eerste contact</th><th>Neemt deel</th><th>Beëindigd</th><th>Niet gestart</th><th>Uren deelname</th></tr></thead>
      <tbody>${o.referralsPerPartner.map((p) => html`<tr><td>${p.name}</td><td>${p.total}</td><td>${p.planned}</td><td>${p.firstContact}</td><td>${p.participating}</td><td>${p.ended}</td><td>${p.notStarted}</td><td>${fmtHours(p.participationMinutes)}</td></tr>`)}</tbody></table></div></section>
    <section class="card"><h2>VOG verloopt binnen 60 dagen</h2>${o.vogExpiringSoon.length ? html`<ul>${o.vogExpiringSoon.map((v) => html`<li>${v.name}${v.partnerName ? ` (${v.partnerName})` : ''}: ${fmtDate(v.vogExpiresOn)}, nog ${v.daysLeft} dagen</li>`)}</ul>` : html`<p>Geen.</p>`}
      <p class="muted">${o.vogMissingOrExpired} actieve vrijwilligers zonder geldige VOG. ${link('#/network/volunteers?vogExpiringWithinDays=60', 'Naar de vrijwilligers')}</p></section>`);
  const pick = /** @type {HTMLFormElement} */ (document.getElementById('pick'));
  if (pick) pick.onsubmit = (ev) => {
    ev.preventDefault();
    location.hash = `#/network?municipalityId=${/** @type {HTMLSelectElement} */ (pick.elements.namedItem('municipalityId')).value}`;
  };
}
