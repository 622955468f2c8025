// @ts-check
/* The only way markup reaches the page. `html` is a tagged template that escapes every interpolated value unless it
   is itself an `html` result, so API text always arrives as text; mount/append/after turn the result into DOM.
   This file is the one place a string becomes DOM (test/web-static.e2e-spec.ts keeps it that way). */

const ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };
const escapeText = (/** @type {string} */ s) => s.replace(/[&<>"'`]/g, (c) => ENTITIES[c]);

/** Markup built by `html`: only this type is trusted as markup. */
export class Html {
  /** @param {string} markup */
  constructor(markup) {
    this.markup = markup;
  }
  toString() {
    return this.markup;
  }
}

/** @typedef {Html | string | number | boolean | null | undefined | ReadonlyArray<unknown>} Value */

/** @param {unknown} v @returns {string} */
function part(v) {
  if (v instanceof Html) return v.markup;
  if (Array.isArray(v)) return v.map(part).join('');
  // `${cond && html`...`}` leaves false behind: nothing to show.
  if (v == null || v === false || v === true) return '';
  return escapeText(String(v));
}

/**
 * html`<td>${learner.lastName}</td>` → Html with the name escaped. Arrays are joined; null, undefined and booleans
 * print nothing.
 * @param {TemplateStringsArray} strings
 * @param {...Value} values
 * @returns {Html}
 */
export function html(strings, ...values) {
  let out = strings[0];
  values.forEach((v, i) => {
    out += part(v) + strings[i + 1];
  });
  return new Html(out);
}

/** Html joined with a separator (itself markup, e.g. html`<br>`). @param {Value[]} items @param {Html|string} [sep] */
export const join = (items, sep = '') => new Html(items.map(part).join(part(sep)));

/** @param {Html} h @returns {DocumentFragment} */
export function fragment(h) {
  // A <template> parses any fragment (table rows included) without running it.
  const doc = new DOMParser().parseFromString(`<template>${h.markup}</template>`, 'text/html');
  return document.importNode(/** @type {HTMLTemplateElement} */ (doc.querySelector('template')).content, true);
}

/** Replaces el's content. @param {Element} el @param {Html} h */
export const mount = (el, h) => el.replaceChildren(fragment(h));
/** Adds at the end of el. @param {Element} el @param {Html} h */
export const append = (el, h) => el.append(fragment(h));
/** Puts the markup right after el. @param {Element} el @param {Html} h */
export const after = (el, h) => el.after(fragment(h));
/** Replaces el itself. @param {Element} el @param {Html} h */
export const replace = (el, h) => el.replaceWith(fragment(h));
