/* Turning values into safe, Dutch HTML: escaping, dates in Amsterdam time, numbers, badges, "—" for empty. */
import { STATUS_NL } from './labels.js';

export const TZ = 'Europe/Amsterdam';
export const dash = '—';

export function esc(v) {
  return String(v ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}
export const nl = (s) => STATUS_NL[s] || s || '';
export const or = (v, alt = dash) => (v == null || v === '' ? alt : esc(v));
export const fullName = (p) => [p?.firstName, p?.lastName].filter(Boolean).join(' ');
export const link = (href, text) => `<a href="${esc(href)}">${text}</a>`;

// Noon UTC keeps a calendar day on the same day whatever the browser's zone.
const dateOnly = (d) => (d ? new Date(`${String(d).slice(0, 10)}T12:00:00Z`) : null);
/** A calendar day as a Dutch date: 1 juni 2026. */
export const fmtDate = (d) => (d ? dateOnly(d).toLocaleDateString('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }) : '');
export const fmtDay = (d) => (d ? dateOnly(d).toLocaleDateString('nl-NL', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }) : '');
export const fmtDateTime = (t) => (t ? new Date(t).toLocaleString('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: TZ }) : '');
export const fmtNum = (n, digits = 1) => Number(n || 0).toLocaleString('nl-NL', { maximumFractionDigits: digits });
export const fmtHours = (minutes) => fmtNum(Number(minutes || 0) / 60);
export const pct = (r) => (r == null ? dash : `${(Number(r) * 100).toLocaleString('nl-NL', { maximumFractionDigits: 1 })}%`);
/** Today in Amsterdam as YYYY-MM-DD. */
export const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: TZ });
export const addDays = (iso, n) => {
  const d = dateOnly(iso);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

export function statusBadge(s) {
  const cls = { active: 'good', completed: 'good', dropped_out: 'bad', suspended: 'warn', registered: 'bad', in_progress: 'warn', closed: 'good' }[s] || '';
  return `<span class="badge ${cls}">${esc(nl(s))}</span>`;
}
