// @ts-check
/* Inline SVG charts for the SPIL dashboard, built with DOM APIs (createElementNS, textContent). */

const NS = 'http://www.w3.org/2000/svg';
/** @param {string} tag @param {Record<string, string | number>} attrs @param {string} [text] */
function svg(tag, attrs, text) {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}
const pctText = (/** @type {number} */ v) => `${(v * 100).toLocaleString('nl-NL', { maximumFractionDigits: 1 })}%`;
const MONTHS = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];

/**
 * Rates (0..1) per month as a line; a month without a value breaks the line; the target as a dashed line.
 * @param {{ label: string, value: number | null }[]} points YYYY-MM labels
 * @param {number | null} target
 * @param {string} title
 */
export function lineChart(points, target, title) {
  const W = 520, H = 220, L = 44, R = 26, T = 14, B = 30;
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', class: 'spil-chart', 'aria-label': title });
  root.append(svg('title', {}, title));
  const y = (/** @type {number} */ v) => T + (H - T - B) * (1 - Math.max(0, Math.min(1, v)));
  const x = (/** @type {number} */ i) => (points.length > 1 ? L + ((W - L - R) * i) / (points.length - 1) : L + (W - L - R) / 2);
  for (const g of [0, 0.25, 0.5, 0.75, 1]) {
    root.append(svg('line', { x1: L, x2: W - R, y1: y(g), y2: y(g), class: 'grid' }));
    root.append(svg('text', { x: L - 6, y: y(g) + 4, 'text-anchor': 'end', class: 'axis' }, pctText(g)));
  }
  const every = Math.max(1, Math.ceil(points.length / 12));
  points.forEach((p, i) => {
    if (i % every === 0) root.append(svg('text', { x: x(i), y: H - 10, 'text-anchor': 'middle', class: 'axis' }, `${MONTHS[Number(p.label.slice(5, 7)) - 1]} ’${p.label.slice(2, 4)}`));
  });
  if (target !== null && target !== undefined) root.append(svg('line', { x1: L, x2: W - R, y1: y(target), y2: y(target), class: 'target' }));
  let d = '';
  let pen = false;
  points.forEach((p, i) => {
    if (p.value === null) {
      pen = false;
      return;
    }
    d += `${pen ? 'L' : 'M'}${x(i).toFixed(1)},${y(p.value).toFixed(1)} `;
    pen = true;
  });
  if (d) root.append(svg('path', { d: d.trim(), class: 'line' }));
  points.forEach((p, i) => {
    if (p.value === null) return;
    const dot = svg('circle', { cx: x(i), cy: y(p.value), r: 3.5, class: 'dot' });
    dot.append(svg('title', {}, `${p.label}: ${pctText(p.value)}`));
    root.append(dot);
  });
  if (!points.some((p) => p.value !== null)) root.append(svg('text', { x: W / 2, y: H / 2, 'text-anchor': 'middle', class: 'axis' }, 'Geen registraties in deze periode'));
  return root;
}

/**
 * Horizontal bars with their counts; `muted` bars (neutral exits) in grey.
 * @param {{ label: string, value: number, muted: boolean }[]} bars
 * @param {string} title
 */
export function barChart(bars, title) {
  const W = 520, row = 20, L = 190, R = 40;
  const H = bars.length * row + 8;
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', class: 'spil-chart', 'aria-label': title });
  root.append(svg('title', {}, title));
  const max = Math.max(1, ...bars.map((b) => b.value));
  bars.forEach((b, i) => {
    const y0 = 4 + i * row;
    root.append(svg('text', { x: L - 8, y: y0 + 14, 'text-anchor': 'end', class: 'axis' }, b.label));
    const w = ((W - L - R) * b.value) / max;
    if (w > 0) root.append(svg('rect', { x: L, y: y0 + 3, width: w.toFixed(1), height: row - 6, class: b.muted ? 'bar muted' : 'bar' }));
    root.append(svg('text', { x: L + w + 6, y: y0 + 14, class: 'value' }, String(b.value)));
  });
  return root;
}
