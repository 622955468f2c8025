// @ts-check
/* Koers web pages: a small client for the REST API as native ES modules (no build step). Dutch labels, as the users say them. */
import { render } from './router.js';

window.addEventListener('hashchange', render);
render();
