// @ts-check
/* Referentiegegevens: products (course types) and municipalities; the admin adds and edits them, a coordinator reads them. */
import { api } from '../api.js';
import { or } from '../format.js';
import { html, mount } from '../html.js';
import { DOMAIN_NL, REGIME_NL, SKILL_NL } from '../labels.js';
import { cache, isRole } from '../session.js';
import { $app, onSubmit, setTitle, toast } from '../ui.js';

/** @typedef {import('../types.js').Schemas['Product']} Product */
/** @typedef {import('../types.js').Municipality} Municipality */

const LEVELS = ['A0', 'A1', 'A2', 'B1', 'B2', 'C1', 'C2'];
const LANGUAGE_SKILLS = ['reading', 'listening', 'writing', 'speaking'];
const PASS_SKILLS = ['knm', 'map', 'ona'];
/** The portfolio domains a product may require (DOMAIN.md). */
const DOMAINS = ['work', 'parenting', 'health_care', 'education', 'knowledge_of_society', 'citizenship', 'housing', 'neighbourhood'];

const reload = () => window.dispatchEvent(new HashChangeEvent('hashchange'));

/** @param {Record<string, string>} t */
const targetsText = (t) => [...LANGUAGE_SKILLS.filter((s) => t[s]).map((s) => `${SKILL_NL[s]} ${t[s]}`), ...PASS_SKILLS.filter((s) => t[s]).map((s) => `${SKILL_NL[s]} behalen`)].join(', ');

/** @param {Partial<Product>} p */
function productFields(p) {
  const t = p.defaultTargets || {};
  const domains = p.requiredDomains || [];
  return html`<label>Code <input name="code" data-field="code" maxlength="40" value="${p.code || ''}" required></label>
    <label>Naam <input name="name" data-field="name" maxlength="100" value="${p.name || ''}" required></label>
    <label>Wettelijk kader <select name="legalRegime" data-field="legalRegime">${Object.entries(REGIME_NL)
      .map(([k, v]) => html`<option value="${k}" ${k === (p.legalRegime || 'wi2021') ? 'selected' : ''}>${v}</option>`)}</select></label>
    <div class="inline-fields">
      <label>Gecontracteerde uren <input type="number" name="contractedHours" data-field="contractedHours" min="1" max="10000" value="${p.contractedHours ?? ''}" required></label>
      <label>Geplande duur (weken) <input type="number" name="plannedDurationWeeks" data-field="plannedDurationWeeks" min="1" max="520" value="${p.plannedDurationWeeks ?? ''}" required></label>
    </div>
    <fieldset data-field="defaultTargets"><legend>Standaard doelniveaus</legend><div class="inline-fields">
      ${LANGUAGE_SKILLS.map((s) => html`<label>${SKILL_NL[s]} <select name="target_${s}" data-field="defaultTargets.${s}"><option value="">geen</option>${LEVELS
        .map((l) => html`<option value="${l}" ${t[s] === l ? 'selected' : ''}>${l}</option>`)}</select></label>`)}
      ${PASS_SKILLS.map((s) => html`<label class="check"><input type="checkbox" name="target_${s}" data-field="defaultTargets.${s}" ${t[s] ? 'checked' : ''}> ${SKILL_NL[s]} behalen</label>`)}
    </div></fieldset>
    <fieldset data-field="requiredDomains"><legend>Verplichte portfolio-onderwerpen</legend><div class="inline-fields">
      ${DOMAINS.map((d) => html`<label class="check"><input type="checkbox" name="domain_${d}" ${domains.includes(d) ? 'checked' : ''}> ${DOMAIN_NL[d] || d}</label>`)}
    </div></fieldset>
    <label class="check"><input type="checkbox" name="participationNorm" data-field="participationNorm" ${p.participationNorm ? 'checked' : ''}> Participatienorm (Z-route: 800 + 800 uur)</label>
    <label class="check"><input type="checkbox" name="active" data-field="active" ${p.active !== false ? 'checked' : ''}> Actief (kan gekozen worden voor nieuwe trajecten)</label>`;
}

/** The form's values as a product body. @param {Record<string, string>} v */
function productBody(v) {
  /** @type {Record<string, string>} */
  const defaultTargets = {};
  LANGUAGE_SKILLS.forEach((s) => v[`target_${s}`] && (defaultTargets[s] = v[`target_${s}`]));
  PASS_SKILLS.forEach((s) => v[`target_${s}`] && (defaultTargets[s] = 'pass'));
  const num = (/** @type {string} */ x) => (x === '' || x == null ? undefined : Number(x));
  return {
    code: v.code, name: v.name, legalRegime: v.legalRegime,
    contractedHours: num(v.contractedHours), plannedDurationWeeks: num(v.plannedDurationWeeks),
    defaultTargets, requiredDomains: DOMAINS.filter((d) => v[`domain_${d}`]),
    participationNorm: !!v.participationNorm, active: !!v.active,
  };
}

/** Only what differs from the record, so the audit log names the fields that really changed. @param {Record<string, any>} body @param {Record<string, any>} was */
const changed = (body, was) => Object.fromEntries(Object.entries(body).filter(([k, val]) => canon(val) !== canon(was[k])));
/** Order-free: the database keeps JSON keys and arrays in an order of its own. @param {unknown} x */
const canon = (x) => JSON.stringify(Array.isArray(x) ? [...x].sort() : x && typeof x === 'object' ? Object.entries(x).sort() : x ?? null);

/** @param {Partial<Municipality>} m */
const municipalityFields = (m) => html`<label>Naam <input name="name" data-field="name" maxlength="100" value="${m.name || ''}" required></label>
  <label>CBS-code <input name="cbsCode" data-field="cbsCode" maxlength="6" value="${m.cbsCode || ''}" placeholder="GM0153" required></label>
  <label>Debiteurnummer <input name="debtorNumber" data-field="debtorNumber" maxlength="40" value="${m.debtorNumber || ''}"></label>`;

export async function referencePage() {
  setTitle('Referentiegegevens');
  const admin = isRole('admin');
  const [products, municipalities] = /** @type {[import('../types.js').Page<Product>, import('../types.js').Page<Municipality>]} */ (await Promise.all([
    api('/products?pageSize=100&sort=name'),
    api('/municipalities?pageSize=100&sort=name'),
  ]));
  const more = (/** @type {{ total: number, items: unknown[] }} */ p) => (p.total > p.items.length ? html`<p class="muted">En nog ${p.total - p.items.length} meer.</p>` : '');
  const editBtn = (/** @type {string} */ kind, /** @type {string} */ id, /** @type {string} */ name) => (admin
    ? html`<button type="button" class="secondary small edit" data-kind="${kind}" data-id="${id}" aria-label="${name} wijzigen">Wijzigen</button>` : '');
  mount($app, html`<h1>Referentiegegevens</h1>
    ${admin ? '' : html`<p class="muted">Alleen de applicatiebeheerder kan deze gegevens wijzigen.</p>`}
    <section class="card" aria-labelledby="products-title"><h2 id="products-title">Producten</h2>
      <div class="table-wrap" tabindex="0"><table><thead><tr><th scope="col">Code</th><th scope="col">Naam</th><th scope="col">Kader</th>
        <th scope="col">Uren</th><th scope="col">Weken</th><th scope="col">Doelniveaus</th><th scope="col">Portfolio</th><th scope="col">Status</th>${admin ? html`<th scope="col">Acties</th>` : ''}</tr></thead>
      <tbody>${products.items.length ? products.items.map((p) => html`<tr><td>${p.code}</td><td>${p.name}</td><td title="${REGIME_NL[p.legalRegime] || ''}">${p.legalRegime === 'wi2013' ? 'Wi2013' : p.legalRegime === 'wi2021' ? 'Wi2021' : p.legalRegime}</td>
        <td>${p.contractedHours}</td><td>${p.plannedDurationWeeks}</td><td>${or(targetsText(p.defaultTargets || {}))}</td>
        <td>${or((p.requiredDomains || []).map((d) => DOMAIN_NL[d] || d).join(', '))}</td>
        <td>${p.active ? html`<span class="badge good">actief</span>` : html`<span class="badge">niet actief</span>`}</td>${admin ? html`<td>${editBtn('product', p.id, p.name)}</td>` : ''}</tr>`)
        : html`<tr><td colspan="9" class="empty">Nog geen producten.</td></tr>`}</tbody></table></div>${more(products)}
      ${admin ? html`<details><summary>Nieuw product</summary><form class="stack" id="product-new">${productFields({})}
        <div class="error" role="alert"></div><button type="submit">Product toevoegen</button></form></details>` : ''}
    </section>
    <div class="card" id="ref-edit" hidden></div>
    <section class="card" aria-labelledby="municipalities-title"><h2 id="municipalities-title">Gemeenten</h2>
      <div class="table-wrap" tabindex="0"><table><thead><tr><th scope="col">Naam</th><th scope="col">CBS-code</th><th scope="col">Debiteurnummer</th>${admin ? html`<th scope="col">Acties</th>` : ''}</tr></thead>
      <tbody>${municipalities.items.map((m) => html`<tr><td>${m.name}</td><td>${m.cbsCode}</td><td>${or(m.debtorNumber)}</td>${admin ? html`<td>${editBtn('municipality', m.id, m.name)}</td>` : ''}</tr>`)}</tbody></table></div>
      ${more(municipalities)}
      ${admin ? html`<details><summary>Nieuwe gemeente</summary><form class="stack" id="municipality-new">${municipalityFields({})}
        <div class="error" role="alert"></div><button type="submit">Gemeente toevoegen</button></form></details>` : ''}
    </section>`);
  if (admin) wire(products.items, municipalities.items);
}

/** @param {Product[]} products @param {Municipality[]} municipalities */
function wire(products, municipalities) {
  onSubmit(/** @type {HTMLFormElement} */ (document.getElementById('product-new')), async (v) => {
    await api('/products', { method: 'POST', body: productBody(v) });
    toast('Product toegevoegd');
    reload();
  });
  onSubmit(/** @type {HTMLFormElement} */ (document.getElementById('municipality-new')), async (v) => {
    await api('/municipalities', { method: 'POST', body: { name: v.name, cbsCode: v.cbsCode.toUpperCase(), ...(v.debtorNumber ? { debtorNumber: v.debtorNumber } : {}) } });
    delete cache.municipalities;
    toast('Gemeente toegevoegd');
    reload();
  });
  const box = document.getElementById('ref-edit');
  $app.querySelectorAll('button.edit').forEach((/** @type {HTMLButtonElement} */ b) => {
    b.onclick = () => {
      const product = b.dataset.kind === 'product' ? products.find((p) => p.id === b.dataset.id) : null;
      const muni = b.dataset.kind === 'municipality' ? municipalities.find((m) => m.id === b.dataset.id) : null;
      box.hidden = false;
      mount(box, html`<h2>${product ? `Product ${product.name} wijzigen` : `Gemeente ${muni.name} wijzigen`}</h2>
        <form class="stack" id="ref-edit-form">${product ? productFields(product) : municipalityFields(muni)}
        <div class="error" role="alert"></div><div class="inline-fields"><button type="submit">Opslaan</button>
        <button type="button" class="secondary" id="ref-edit-close">Annuleren</button></div></form>`);
      document.getElementById('ref-edit-close').onclick = () => (box.hidden = true);
      box.scrollIntoView({ block: 'nearest' });
      /** @type {HTMLInputElement} */ (box.querySelector('input')).focus();
      onSubmit(/** @type {HTMLFormElement} */ (document.getElementById('ref-edit-form')), async (v) => {
        const body = product
          ? changed(productBody(v), product)
          : changed({ name: v.name, cbsCode: v.cbsCode.toUpperCase(), debtorNumber: v.debtorNumber || null }, muni);
        if (!Object.keys(body).length) {
          toast('Niets gewijzigd');
          box.hidden = true;
          return;
        }
        await api(product ? `/products/${product.id}` : `/municipalities/${muni.id}`, { method: 'PATCH', body });
        if (muni) delete cache.municipalities;
        toast(product ? 'Product opgeslagen' : 'Gemeente opgeslagen');
        reload();
      });
    };
  });
}
