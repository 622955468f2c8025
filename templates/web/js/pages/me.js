// @ts-check
/* "Mijn traject" for a learner: the current trajectory (else the first), in the learner's own view. */
import { api } from '../api.js';
import { html, mount } from '../html.js';
import { state } from '../session.js';
import { $app, setTitle } from '../ui.js';
import { myCertificates } from './certificates.js';
import { trajectoryPage } from './trajectory.js';

export async function mePage() {
  const list = /** @type {import('../types.js').TrajectoryPage} */ (await api(`/trajectories?learnerId=${encodeURIComponent(state.user.learnerId || '')}&pageSize=20`));
  const current = list.items.find((t) => !['completed', 'dropped_out'].includes(t.status)) || list.items[0];
  if (!current) {
    setTitle('Mijn traject');
    mount($app, html`<h1>Mijn traject</h1><p>Er is nog geen traject voor u. Neem contact op met uw coördinator.</p>`);
    return;
  }
  await trajectoryPage(current.id, { mine: true });
  await myCertificates();
}
