// @ts-check
/* Reference data several pages show, fetched once per session. */
import { api } from './api.js';
import { cache } from './session.js';

/** { municipalityId: name }; empty when the caller may not list municipalities. */
/** @returns {Promise<Record<string, string>>} */
export async function municipalityNames() {
  if (!cache.municipalities) {
    cache.municipalities = api('/municipalities?pageSize=100&sort=name')
      .then((/** @type {any} */ r) => Object.fromEntries(r.items.map((m) => [m.id, m.name])))
      .catch(() => ({}));
  }
  return cache.municipalities;
}

/** The products (course types), by name; empty when the caller may not list them. */
/** @returns {Promise<import('./types.js').Schemas['Product'][]>} */
export async function productList() {
  if (!cache.products) cache.products = api('/products?pageSize=100&sort=name').then((/** @type {any} */ r) => r.items).catch(() => []);
  return cache.products;
}
