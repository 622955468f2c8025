// @ts-check
/* Afrekeningen: finance lists runs, makes a draft for a municipality and period, reviews lines and totals (filter by
   product and milestone; corrections and late "nagekomen" lines marked), finalises after a confirmation and downloads
   the sheet, the CSV and the e-invoice. A municipality sees its own final invoices. DOM built with textContent only. */
import { api } from '../api.js';
import { downloadDocument, followDocument } from '../documents.js';
import { navigate } from '../navigate.js';
import { problemNl } from '../problems.js';
import { isRole } from '../session.js';
import { $app, setTitle } from '../ui.js';
import { el } from './spil-period.js';

export const MILESTONE_NL = { start: 'start', halfway: 'halverwege', completion: 'afronding', exam_bonus: 'examenbonus', dropout: 'uitval (pro rata)', hours: 'uren', correction: 'correctie' };
const STATUS_NL = { draft: 'concept', final: 'definitief' };

/** Cents as euros, Dutch: 123456 → "€ 1.234,56". @param {number} cents */
export const euro = (cents) => `€ ${(cents / 100).toLocaleString('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
/** 2025-03-31 → 31-03-2025 @param {string | null | undefined} d */
const day = (d) => (d ? d.split('-').reverse().join('-') : '–');
const mayWrite = () => isRole('finance') || isRole('admin');

/** @param {string[]} headers @param {HTMLElement[]} rows */
function table(headers, rows) {
  const head = el('tr', {});
  for (const h of headers) head.append(el('th', { scope: 'col' }, h));
  const body = el('tbody', {});
  body.append(...rows);
  return el('table', {}, el('thead', {}, head), body);
}

/** @param {(string | Node)[]} cells @param {Record<string, string>} [attrs] */
const row = (cells, attrs = {}) => {
  const tr = el('tr', attrs);
  for (const c of cells) tr.append(el('td', {}, c));
  return tr;
};

export async function settlementRunsPage(/** @type {URLSearchParams} */ params) {
  setTitle('Afrekeningen');
  const status = params.get('status') || '';
  const list = /** @type {any} */ (await api(`/settlement-runs?pageSize=100&sort=-createdAt${status ? `&status=${status}` : ''}`));
  const root = el('div', {});
  root.append(el('h1', {}, isRole('municipality') ? 'Facturen' : 'Afrekeningen'));
  if (mayWrite()) root.append(await draftForm());
  const rows = list.items.map((/** @type {any} */ r) =>
    row([
      el('a', { href: `#/settlement-runs/${r.id}` }, r.invoiceNumber || 'concept'),
      r.municipality.name,
      `${day(r.periodFrom)} t/m ${day(r.periodTo)}`,
      STATUS_NL[r.status] || r.status,
      String(r.lineCount),
      euro(r.totalCents),
      day(r.invoiceDate),
    ]),
  );
  root.append(rows.length ? table(['Factuur', 'Gemeente', 'Periode', 'Status', 'Regels', 'Totaal', 'Factuurdatum'], rows) : el('p', { class: 'muted' }, 'Nog geen afrekeningen.'));
  $app.replaceChildren(root);
}

async function draftForm() {
  const munis = /** @type {any} */ (await api('/municipalities?pageSize=100&sort=name'));
  const form = el('form', { class: 'inline filters', 'aria-label': 'Nieuwe concept-afrekening' });
  const sel = el('select', { id: 'settle-municipality', name: 'municipalityId', required: '' });
  for (const m of munis.items) sel.append(el('option', { value: m.id }, m.name));
  const from = el('input', { id: 'settle-from', name: 'from', type: 'date', required: '' });
  const to = el('input', { id: 'settle-to', name: 'to', type: 'date', required: '' });
  const msg = el('p', { class: 'error', role: 'alert' });
  form.append(
    el('div', { class: 'field' }, el('label', { for: 'settle-municipality' }, 'Gemeente'), sel),
    el('div', { class: 'field' }, el('label', { for: 'settle-from' }, 'Van'), from),
    el('div', { class: 'field' }, el('label', { for: 'settle-to' }, 'Tot en met'), to),
    el('button', { type: 'submit' }, 'Concept maken'),
    msg,
  );
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    try {
      const body = { municipalityId: /** @type {HTMLSelectElement} */ (sel).value, from: /** @type {HTMLInputElement} */ (from).value, to: /** @type {HTMLInputElement} */ (to).value };
      const run = /** @type {any} */ (await api('/settlement-runs', { method: 'POST', body }));
      navigate(`#/settlement-runs/${run.id}`);
    } catch (e) {
      msg.textContent = problemNl(e).summary;
    }
  });
  return el('section', { class: 'card' }, el('h2', {}, 'Nieuwe concept-afrekening'), form);
}

export async function settlementRunPage(/** @type {string} */ id, /** @type {URLSearchParams} */ params) {
  const product = params.get('productId') || '';
  const milestone = params.get('milestone') || '';
  const q = new URLSearchParams({ ...(product ? { productId: product } : {}), ...(milestone ? { milestone } : {}) });
  const run = /** @type {any} */ (await api(`/settlement-runs/${id}${q.toString() ? `?${q}` : ''}`));
  const title = run.invoiceNumber ? `Factuur ${run.invoiceNumber}` : 'Concept-afrekening';
  setTitle(title);
  const root = el('div', {});
  root.append(el('h1', {}, title, ' ', el('span', { class: 'sub' }, `${run.municipality.name}, ${day(run.periodFrom)} t/m ${day(run.periodTo)}`)));
  if (run.status === 'draft') root.append(el('p', { class: 'badge warn' }, 'CONCEPT – nog geen factuur'));
  root.append(el('p', { class: 'muted' }, `Debiteurnummer ${run.municipality.debtorNumber || '–'}`, run.invoiceDate ? ` · factuurdatum ${day(run.invoiceDate)}` : ''));

  const totals = [
    ...run.products.map((/** @type {any} */ p) => row([`Subtotaal ${p.product.name}`, String(p.lineCount), euro(p.subtotalCents)])),
    row(['Totaal exclusief btw', String(run.lineCount), euro(run.subtotalCents)]),
    ...run.vat.map((/** @type {any} */ v) => row([`Btw ${v.rateBasisPoints / 100}%`, '', euro(v.vatCents)])),
    row(['Totaal', '', euro(run.totalCents)], { class: 'total' }),
  ];
  root.append(el('section', { class: 'card', id: 'settlement-totals' }, el('h2', {}, 'Totalen'), table(['', 'Regels', 'Bedrag'], totals)));
  root.append(actions(run));
  root.append(lineFilter(run, product, milestone));
  const lines = run.lines.map((/** @type {any} */ l) =>
    row(
      [
        String(l.lineNo),
        l.learnerNumber,
        l.learnerName,
        l.product.name,
        MILESTONE_NL[l.kind] || l.kind,
        day(l.eventDate),
        l.basis,
        euro(l.amountCents),
        [l.late ? 'nagekomen' : '', l.corrects ? `corrigeert ${l.corrects.invoiceNumber || '?'} regel ${l.corrects.lineNo}` : ''].filter(Boolean).join(', '),
      ],
      { class: [l.kind === 'correction' ? 'correction' : '', l.late ? 'late' : ''].join(' ').trim(), 'data-kind': l.kind },
    ),
  );
  root.append(
    el('section', { class: 'card' }, el('h2', {}, `Regels (${run.lines.length})`),
      lines.length ? table(['Regel', 'Deelnemer', 'Naam', 'Product', 'Mijlpaal', 'Datum', 'Grondslag', 'Bedrag', 'Opmerking'], lines) : el('p', { class: 'muted' }, 'Geen regels.')),
  );
  $app.replaceChildren(root);
}

function lineFilter(/** @type {any} */ run, /** @type {string} */ product, /** @type {string} */ milestone) {
  const form = el('form', { class: 'inline filters', 'aria-label': 'Regels filteren' });
  const ps = el('select', { id: 'settle-product', name: 'productId' }, el('option', { value: '' }, 'Alle producten'));
  for (const p of run.products) {
    const o = el('option', { value: p.product.id }, p.product.name);
    if (p.product.id === product) o.setAttribute('selected', '');
    ps.append(o);
  }
  const ms = el('select', { id: 'settle-milestone', name: 'milestone' }, el('option', { value: '' }, 'Alle mijlpalen'));
  for (const [k, v] of Object.entries(MILESTONE_NL)) {
    const o = el('option', { value: k }, v);
    if (k === milestone) o.setAttribute('selected', '');
    ms.append(o);
  }
  form.append(el('div', { class: 'field' }, el('label', { for: 'settle-product' }, 'Product'), ps), el('div', { class: 'field' }, el('label', { for: 'settle-milestone' }, 'Mijlpaal'), ms), el('button', { type: 'submit', class: 'secondary' }, 'Filteren'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const q = new URLSearchParams();
    if (/** @type {HTMLSelectElement} */ (ps).value) q.set('productId', /** @type {HTMLSelectElement} */ (ps).value);
    if (/** @type {HTMLSelectElement} */ (ms).value) q.set('milestone', /** @type {HTMLSelectElement} */ (ms).value);
    navigate(`#/settlement-runs/${run.id}${q.toString() ? `?${q}` : ''}`);
  });
  return form;
}

function actions(/** @type {any} */ run) {
  const bar = el('div', { class: 'toolbar' });
  const status = el('p', { class: 'muted', role: 'status', 'aria-live': 'polite' });
  /** @param {string} label @param {() => Promise<void>} fn @param {string} [cls] */
  const button = (label, fn, cls = 'secondary') => {
    const b = el('button', { type: 'button', class: cls }, label);
    b.addEventListener('click', async () => {
      b.setAttribute('disabled', '');
      try {
        await fn();
      } catch (e) {
        status.replaceChildren(el('span', { class: 'error' }, problemNl(e).summary));
      } finally {
        b.removeAttribute('disabled');
      }
    });
    return b;
  };
  const file = (/** @type {string} */ label, /** @type {string} */ format) =>
    button(label, async () => {
      const doc = /** @type {any} */ (await api(`/settlement-runs/${run.id}/documents`, { method: 'POST', body: { format } }));
      status.textContent = 'Wordt gemaakt…';
      await new Promise((resolve) => {
        const stop = followDocument(doc.id, async (d) => {
          if (d.status === 'done') {
            stop();
            status.textContent = 'Klaar.';
            await downloadDocument(d.id);
            resolve(null);
          } else if (d.status === 'failed' || d.status === 'expired') {
            stop();
            status.textContent = d.errorMessage || 'Mislukt.';
            resolve(null);
          }
        });
      });
    });
  if (run.status === 'draft' && mayWrite()) {
    bar.append(
      button('Definitief maken', async () => {
        if (!confirm(`Afrekening ${run.municipality.name} ${day(run.periodFrom)} t/m ${day(run.periodTo)} definitief maken? Totaal ${euro(run.totalCents)}. Een definitieve factuur verandert niet meer.`)) return;
        await api(`/settlement-runs/${run.id}/finalise`, { method: 'POST' });
        navigate(`#/settlement-runs/${run.id}?final=1`);
      }, 'primary'),
      button('Opnieuw berekenen', async () => {
        await api(`/settlement-runs/${run.id}/recompute`, { method: 'POST' });
        navigate(`#/settlement-runs/${run.id}?t=${Date.now()}`);
      }),
      button('Concept verwijderen', async () => {
        if (!confirm('Dit concept verwijderen?')) return;
        await api(`/settlement-runs/${run.id}`, { method: 'DELETE' });
        navigate('#/settlement-runs');
      }),
      file('Concept-spreadsheet (xlsx)', 'xlsx'),
    );
  }
  if (run.status === 'final' && (mayWrite() || isRole('municipality'))) {
    bar.append(file('Spreadsheet (xlsx)', 'xlsx'), file('Boekhouding (csv)', 'csv'), file('E-factuur (UBL)', 'ubl'));
  }
  bar.append(status);
  return bar;
}

/** A trajectory's billing events: what each bills now and what final runs billed of it. */
export async function trajectorySettlementPage(/** @type {string} */ id) {
  setTitle('Facturering traject');
  const s = /** @type {any} */ (await api(`/trajectories/${id}/settlement`));
  const root = el('div', {});
  root.append(el('h1', {}, 'Facturering van het traject'), el('p', {}, el('a', { href: `#/trajectories/${id}` }, 'Terug naar het traject')));
  root.append(el('p', { class: 'muted' }, s.billingBasis === 'per_attended_hour' ? `Per gevolgd uur: ${euro(s.hourlyRateCents)} per uur, ten hoogste ${s.contractedHours} uur` : `Per traject: ${euro(s.priceCents)}`));
  const rows = s.events.map((/** @type {any} */ e) =>
    row([
      MILESTONE_NL[e.kind] || e.kind,
      e.eventKey.startsWith('hours:') ? e.eventKey.slice(6) : '',
      e.eventDate ? day(e.eventDate) : 'vervallen',
      euro(e.amountCents),
      euro(e.billedCents),
      e.billings.map((/** @type {any} */ b) => `${b.invoiceNumber || '?'} r${b.lineNo}`).join(', ') || 'nog niet gefactureerd',
    ]),
  );
  root.append(rows.length ? table(['Mijlpaal', 'Maand', 'Datum', 'Bedrag nu', 'Gefactureerd', 'Facturen'], rows) : el('p', { class: 'muted' }, 'Dit traject heeft (nog) niets te factureren.'));
  root.append(el('p', {}, `Totaal nu ${euro(s.amountCents)}, gefactureerd ${euro(s.billedCents)}.`));
  $app.replaceChildren(root);
}
