// @ts-check
/* SPIL-rapportage: indicators beside the contract's targets for a municipality (or the region) and a period, the
   change against the previous period, attendance per month and dropouts per reason as inline SVG charts, the
   definitions, and the spreadsheet / PDF made by the document pipeline. DOM built with textContent only. */
import { api } from '../api.js';
import { today } from '../format.js';
import { problemNl } from '../problems.js';
import { isRole, state } from '../session.js';
import { $app, setTitle } from '../ui.js';
import { el, periodOptions, previousPeriod, quarterOf } from './spil-period.js';
import { barChart, lineChart } from './spil-charts.js';

/** Headline indicators shown as cards, in order. */
const CARDS = [
  'in_scope', 'started', 'completed', 'dropped_out', 'dropout_rate', 'rendement', 'attendance_rate',
  'attendance_rate_excl_authorised', 'registration_completeness', 'target_reached_rate', 'exam_pass_rate',
  'portfolio_completeness', 'signals_raised', 'absent_unauthorised_hours', 'attended_hours_physical', 'attended_hours_online',
];
const REASON_NL = {
  moved: 'Verhuisd', exemption: 'Vrijstelling', route_switch: 'Routewissel', ended_by_municipality: 'Beëindigd door de gemeente',
  deceased: 'Overleden', health_pregnancy: 'Gezondheid / zwangerschap', care_duties: 'Zorgtaken', work_conflict: 'Werk (rooster)',
  motivation_absence: 'Motivatie / verzuim', no_show: 'Niet verschenen', level_mismatch: 'Niveau past niet', other: 'Overig',
};

const nlNum = (/** @type {number} */ n, /** @type {number} */ d) => n.toLocaleString('nl-NL', { minimumFractionDigits: d, maximumFractionDigits: d });
/** A value in its unit, "–" when there is none. @param {string} unit @param {number | null | undefined} v */
export function fmt(unit, v) {
  if (v === null || v === undefined) return '–';
  if (unit === 'rate') return `${nlNum(v * 100, 1)}%`;
  if (unit === 'hours' || unit === 'levels') return nlNum(v, unit === 'hours' ? 1 : 2);
  return nlNum(v, 0);
}
/** The change against the previous period: percentage points for rates. @param {string} unit @param {number|null} now @param {number|null} before */
function change(unit, now, before) {
  if (now === null || before === null || now === undefined || before === undefined) return 'vorige periode: –';
  const d = unit === 'rate' ? (now - before) * 100 : now - before;
  const sign = d > 0 ? '+' : d < 0 ? '−' : '±';
  const abs = Math.abs(d);
  return `${sign}${unit === 'rate' ? `${nlNum(abs, 1)} procentpunt` : nlNum(abs, unit === 'count' || unit === 'minutes' ? 0 : 1)} t.o.v. vorige periode`;
}

export async function spilPage(/** @type {URLSearchParams} */ params) {
  setTitle('SPIL-rapportage');
  const q = quarterOf(today());
  const from = params.get('from') || q.from;
  const to = params.get('to') || q.to;
  const municipalityId = isRole('municipality') ? '' : params.get('municipalityId') || '';
  const query = (/** @type {{from: string, to: string}} */ p) => `/reports/spil?${new URLSearchParams({ ...(municipalityId ? { municipalityId } : {}), from: p.from, to: p.to })}`;
  /** @type {[any, any, any]} */
  const [report, previous, municipalities] = await Promise.all([
    api(query({ from, to })),
    api(query(previousPeriod(from, to))).catch(() => null),
    isRole('municipality') ? Promise.resolve(null) : api('/municipalities?pageSize=100&sort=name'),
  ]);
  const defs = Object.fromEntries(report.definitions.map((/** @type {any} */ d) => [d.name, d]));
  const part = municipalityId || isRole('municipality') ? report.municipalities[0] : report.total;
  const prevPart = previous ? (municipalityId || isRole('municipality') ? previous.municipalities[0] : previous.total) : null;
  const heading = part?.municipality ? `Gemeente ${part.municipality.name}` : 'Regio Twente (alle gemeenten)';

  const root = el('div', { class: 'spil' });
  root.append(el('h1', {}, 'SPIL-rapportage ', el('span', { class: 'sub' }, heading)));
  root.append(pickerForm(municipalities, municipalityId, from, to));
  root.append(el('p', { class: 'muted' }, `Periode ${report.from} t/m ${report.to} (begin en einde tellen mee). `,
    part?.contract ? `Normen uit contract ${part.contract.reference}.` : part?.municipality ? 'Geen contract geldig op de laatste dag: geen normen.' : 'Het regiototaal heeft geen normen.'));
  root.append(exportBar(municipalityId, from, to));

  const cards = el('div', { class: 'spil-cards' });
  for (const name of CARDS) cards.append(card(name, defs[name], part.indicators[name], prevPart?.indicators[name]));
  root.append(cards);

  const charts = el('div', { class: 'grid' });
  const monthly = part.monthly.map((/** @type {any} */ m) => ({ label: m.from.slice(0, 7), value: m.attendance_rate.value }));
  charts.append(el('section', { class: 'card', 'aria-labelledby': 'chart-att' }, el('h2', { id: 'chart-att' }, 'Aanwezigheid per maand'),
    lineChart(monthly, part.indicators.attendance_rate.target, 'Aanwezigheid per maand')));
  const reasons = Object.entries(part.indicators.dropouts_by_reason).map(([k, v]) => ({ label: REASON_NL[k] || k, value: /** @type {any} */ (v).value, muted: /** @type {any} */ (v).neutral }));
  charts.append(el('section', { class: 'card', 'aria-labelledby': 'chart-drop' }, el('h2', { id: 'chart-drop' }, 'Uitval per reden'),
    barChart(reasons, 'Uitval per reden'), el('p', { class: 'muted' }, 'Grijs: neutrale uitstroom (telt niet mee in het rendement).')));
  root.append(charts);

  if (!municipalityId && !isRole('municipality')) root.append(overviewTable(report));

  const defList = el('dl', {});
  for (const d of report.definitions) defList.append(el('dt', {}, d.label), el('dd', {}, d.definition));
  const notes = el('ul', { class: 'plain' });
  for (const n of report.notes) notes.append(el('li', {}, n));
  root.append(el('details', { class: 'card', id: 'spil-definitions' }, el('summary', {}, 'Alle definities'), defList, el('h3', {}, 'Algemeen'), notes));
  $app.replaceChildren(root);
}

function pickerForm(/** @type {any} */ municipalities, /** @type {string} */ municipalityId, /** @type {string} */ from, /** @type {string} */ to) {
  const form = el('form', { class: 'inline filters', 'aria-label': 'Rapportage kiezen' });
  /** A label tied to its control by id, so the control's name is the label alone. */
  const field = (/** @type {string} */ id, /** @type {string} */ text, /** @type {HTMLElement} */ control) => {
    control.id = id;
    return el('div', { class: 'field' }, el('label', { for: id }, text), control);
  };
  if (municipalities) {
    const sel = el('select', { name: 'municipalityId' }, el('option', { value: '' }, 'Alle gemeenten (regio)'));
    for (const m of municipalities.items) {
      const o = el('option', { value: m.id }, m.name);
      if (m.id === municipalityId) o.setAttribute('selected', '');
      sel.append(o);
    }
    form.append(field('spil-municipality', 'Gemeente', sel));
  }
  const options = periodOptions(today());
  const period = el('select', { name: 'period' });
  let matched = false;
  for (const group of options) {
    const og = el('optgroup', { label: group.label });
    for (const o of group.items) {
      const opt = el('option', { value: `${o.from}_${o.to}` }, o.label);
      if (o.from === from && o.to === to) {
        opt.setAttribute('selected', '');
        matched = true;
      }
      og.append(opt);
    }
    period.append(og);
  }
  const custom = el('option', { value: 'custom' }, 'Aangepast…');
  if (!matched) custom.setAttribute('selected', '');
  period.append(custom);
  const fromIn = el('input', { type: 'date', name: 'from', value: from, required: '' });
  const toIn = el('input', { type: 'date', name: 'to', value: to, required: '' });
  const range = el('span', { class: 'spil-range' }, field('spil-from', 'Van', fromIn), field('spil-to', 'Tot en met', toIn));
  range.hidden = matched;
  period.addEventListener('change', () => {
    const v = /** @type {HTMLSelectElement} */ (period).value;
    range.hidden = v !== 'custom';
    if (v !== 'custom') /** @type {HTMLFormElement} */ (form).requestSubmit();
  });
  form.append(field('spil-period', 'Periode', period), range, el('button', { type: 'submit' }, 'Toon'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const data = new FormData(/** @type {HTMLFormElement} */ (form));
    const v = String(data.get('period'));
    const [f, t] = v === 'custom' ? [String(data.get('from')), String(data.get('to'))] : v.split('_');
    const p = new URLSearchParams({ ...(data.get('municipalityId') ? { municipalityId: String(data.get('municipalityId')) } : {}), from: f, to: t });
    location.hash = `#/spil?${p}`;
  });
  return form;
}

function card(/** @type {string} */ name, /** @type {any} */ def, /** @type {any} */ ind, /** @type {any} */ prev) {
  const unit = def?.unit || 'count';
  const status = ind.met === null || ind.met === undefined ? null : ind.met;
  const c = el('article', { class: `spil-card${status === true ? ' met' : status === false ? ' not-met' : ''}`, 'data-indicator': name });
  c.append(el('h3', {}, def?.label || name));
  c.append(el('p', { class: 'spil-value' }, fmt(unit, ind.value)));
  const target = ind.target === null || ind.target === undefined ? 'Geen norm' : `Norm ${name === 'dropout_rate' ? '≤' : '≥'} ${fmt(unit, ind.target)}`;
  c.append(el('p', { class: 'spil-target' }, target, ' ', status === null ? '' : el('span', { class: `badge ${status ? 'good' : 'bad'}` }, status ? 'norm gehaald' : 'norm niet gehaald')));
  if (ind.denominator !== null && ind.denominator !== undefined && unit === 'rate') c.append(el('p', { class: 'muted' }, `${fmt('levels', ind.numerator).replace(/,00$/, '')} van ${fmt('count', ind.denominator)}`));
  c.append(el('p', { class: 'muted spil-change' }, change(unit, ind.value, prev ? prev.value : null)));
  if (def) c.append(el('details', {}, el('summary', {}, 'Definitie'), el('p', {}, def.definition)));
  return c;
}

function overviewTable(/** @type {any} */ report) {
  const cols = ['in_scope', 'dropout_rate', 'rendement', 'attendance_rate', 'registration_completeness', 'exam_pass_rate'];
  const labels = Object.fromEntries(report.definitions.map((/** @type {any} */ d) => [d.name, d]));
  const head = el('tr', {}, el('th', { scope: 'col' }, 'Gemeente'), ...cols.map((c) => el('th', { scope: 'col' }, labels[c].label)));
  const body = el('tbody', {});
  for (const m of report.municipalities) {
    const link = el('a', { href: `#/spil?${new URLSearchParams({ municipalityId: m.municipality.id, from: report.from, to: report.to })}` }, m.municipality.name);
    body.append(el('tr', {}, el('th', { scope: 'row' }, link), ...cols.map((c) => {
      const i = m.indicators[c];
      return el('td', { class: i.met === true ? 'good' : i.met === false ? 'bad' : '' }, fmt(labels[c].unit, i.value));
    })));
  }
  return el('section', { class: 'card' }, el('h2', {}, 'Per gemeente'), el('div', { class: 'table-wrap' }, el('table', {}, el('thead', {}, head), body)));
}

/** The export buttons: request the document, follow its progress, then offer the download. */
function exportBar(/** @type {string} */ municipalityId, /** @type {string} */ from, /** @type {string} */ to) {
  const bar = el('div', { class: 'toolbar spil-exports' });
  const status = el('p', { class: 'muted', role: 'status', 'aria-live': 'polite' });
  const make = (/** @type {string} */ label, /** @type {string} */ path) => {
    const b = el('button', { type: 'button', class: 'secondary' }, label);
    b.addEventListener('click', async () => {
      b.setAttribute('disabled', '');
      try {
        const doc = await api(path, { method: 'POST', body: { ...(municipalityId ? { municipalityId } : {}), from, to } });
        await follow(doc, status);
      } catch (e) {
        status.replaceChildren(el('span', { class: 'error' }, problemNl(e).summary));
      } finally {
        b.removeAttribute('disabled');
      }
    });
    return b;
  };
  bar.append(make('Spreadsheet maken (xlsx)', '/reports/spil/exports'), make('Kwartaalrapportage maken (pdf)', '/reports/spil/pdf'), status);
  return bar;
}

async function follow(/** @type {any} */ doc, /** @type {HTMLElement} */ status) {
  const progress = el('progress', { max: '100', value: '0', 'aria-label': 'Voortgang' });
  const text = el('span', {}, 'Wordt gemaakt…');
  status.replaceChildren(progress, ' ', text);
  for (let i = 0; i < 600 && doc.status !== 'done' && doc.status !== 'failed' && doc.status !== 'expired'; i++) {
    await new Promise((r) => setTimeout(r, 500));
    doc = await api(`/documents/${doc.id}`);
    progress.setAttribute('value', String(doc.progress ?? 0));
    text.textContent = `Wordt gemaakt… ${doc.progress ?? 0}%`;
  }
  if (doc.status !== 'done') {
    status.replaceChildren(el('span', { class: 'error' }, doc.status === 'failed' ? `Mislukt: ${doc.errorMessage || 'probeer het opnieuw'}` : 'Het document is niet klaar gekomen.'));
    return;
  }
  const link = el('a', { href: '#', class: 'button' }, `Downloaden: ${doc.fileName}`);
  link.addEventListener('click', async (ev) => {
    ev.preventDefault();
    const res = await fetch(doc.downloadUrl, { headers: { Authorization: `Bearer ${state.token}` } });
    if (!res.ok) {
      text.textContent = 'Downloaden lukte niet.';
      return;
    }
    const url = URL.createObjectURL(await res.blob());
    const a = el('a', { href: url, download: doc.fileName });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  });
  status.replaceChildren(el('span', { class: 'badge good' }, 'Klaar'), ' ', link);
}
