// @ts-check
/* Periods for the SPIL dashboard (quarters, years, the previous period) and a small DOM builder that only sets text. */

const pad = (/** @type {number} */ n) => String(n).padStart(2, '0');
const lastDay = (/** @type {number} */ y, /** @type {number} */ m) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const dayNum = (/** @type {string} */ iso) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
const isoOf = (/** @type {number} */ n) => new Date(n * 86_400_000).toISOString().slice(0, 10);

/** The calendar quarter holding a day. @param {string} day */
export function quarterOf(day) {
  const y = Number(day.slice(0, 4));
  const q = Math.floor((Number(day.slice(5, 7)) - 1) / 3);
  return { from: `${y}-${pad(q * 3 + 1)}-01`, to: `${y}-${pad(q * 3 + 3)}-${lastDay(y, q * 3 + 3)}`, label: `${q + 1}e kwartaal ${y}` };
}

/** The period of the same length just before. @param {string} from @param {string} to */
export function previousPeriod(from, to) {
  const days = dayNum(to) - dayNum(from);
  return { from: isoOf(dayNum(from) - days - 1), to: isoOf(dayNum(from) - 1) };
}

/** The picker's choices: the last eight quarters and the last three years. @param {string} today */
export function periodOptions(today) {
  const quarters = [];
  let q = quarterOf(today);
  for (let i = 0; i < 8; i++) {
    quarters.push(q);
    q = quarterOf(isoOf(dayNum(q.from) - 1));
  }
  const y = Number(today.slice(0, 4));
  const years = [0, 1, 2].map((i) => ({ from: `${y - i}-01-01`, to: `${y - i}-12-31`, label: `Jaar ${y - i}` }));
  return [{ label: 'Kwartalen', items: quarters }, { label: 'Jaren', items: years }];
}

/**
 * An element with attributes and children; strings become text nodes, so API text is never parsed as markup.
 * @param {string} tag @param {Record<string, string>} attrs @param {...(Node | string | null | undefined)} children
 * @returns {HTMLElement}
 */
export function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const c of children) if (c !== null && c !== undefined && c !== '') e.append(c);
  return e;
}
