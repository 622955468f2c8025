// @ts-check
/* Values in Dutch: dates in Amsterdam time, numbers, badges, names, "—" for empty. Markup only through `html`. */
import { STATUS_NL } from './labels.js';
import { html } from './html.js';

export const TZ = 'Europe/Amsterdam';
export const dash = '—';

/** @param {string | null | undefined} s */
export const nl = (s) => STATUS_NL[s] || s || '';
/** The value, or a dash (or `alt`) when empty. @param {unknown} v @param {string} [alt] @returns {string} */
export const or = (v, alt = dash) => (v == null || v === '' ? alt : String(v));
/** A name with its Latin spelling when the API gives one: "Олена Коваленко (Olena Kovalenko)".
 * @param {string | null | undefined} name @param {string | null | undefined} latin */
export const withLatin = (name, latin) => (latin && name ? `${name} (${latin})` : name || '');
/** @param {{ firstName?: string, lastName?: string, nameLatin?: string | null } | null | undefined} p */
export const fullName = (p) => withLatin([p?.firstName, p?.lastName].filter(Boolean).join(' '), p?.nameLatin);
/** @param {string} href @param {import('./html.js').Value} text */
export const link = (href, text) => html`<a href="${href}">${text}</a>`;

// Noon UTC keeps a calendar day on the same day whatever the browser's zone.
/** @param {string | null | undefined} d */
const dateOnly = (d) => (d ? new Date(`${String(d).slice(0, 10)}T12:00:00Z`) : null);
/** A calendar day as a Dutch date: 1 juni 2026. @param {string | null | undefined} d */
export const fmtDate = (d) => (d ? dateOnly(d).toLocaleDateString('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }) : '');
/** @param {string | null | undefined} d */
export const fmtDay = (d) => (d ? dateOnly(d).toLocaleDateString('nl-NL', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }) : '');
/** @param {string | null | undefined} t */
export const fmtDateTime = (t) => (t ? new Date(t).toLocaleString('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: TZ }) : '');
/** @param {unknown} n */
export const fmtNum = (n, digits = 1) => Number(n || 0).toLocaleString('nl-NL', { maximumFractionDigits: digits });
/** @param {unknown} minutes */
export const fmtHours = (minutes) => fmtNum(Number(minutes || 0) / 60);
/** @param {unknown} r */
export const pct = (r) => (r == null ? dash : `${(Number(r) * 100).toLocaleString('nl-NL', { maximumFractionDigits: 1 })}%`);
/** HH:MM of a lesson's start time. @param {unknown} t */
export const hhmm = (t) => String(t || '').slice(0, 5);
/** Today in Amsterdam as YYYY-MM-DD. */
export const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: TZ });
/** @param {string} iso @param {number} n */
export const addDays = (iso, n) => {
  const d = dateOnly(iso);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

/** @param {string} s */
export function statusBadge(s) {
  const cls = { active: 'good', completed: 'good', dropped_out: 'bad', suspended: 'warn', registered: 'bad', in_progress: 'warn', closed: 'good' }[s] || '';
  return html`<span class="badge ${cls}">${nl(s)}</span>`;
}
