/* One learner: personal data with the masked BSN ("Toon BSN" for coordinators, audited), levels, trajectories. */
import { api } from '../api.js';
import { esc, fmtDate, fullName, link, or, statusBadge } from '../format.js';
import { municipalityNames } from '../lookups.js';
import { problemNl } from '../problems.js';
import { isRole } from '../session.js';
import { levelsTable } from '../tables.js';
import { $app, bindRowLinks, setTitle, toast } from '../ui.js';

function trajectoryTable(items) {
  if (!items.length) return '<p>Geen trajecten.</p>';
  return `<table><thead><tr><th scope="col">Product</th><th scope="col">Gemeente</th><th scope="col">Status</th><th scope="col">Start</th><th scope="col">Gepland einde</th><th scope="col">Einddatum</th></tr></thead><tbody>
    ${items.map((t) => `<tr class="clickable" data-href="#/trajectories/${t.id}"><td>${link(`#/trajectories/${t.id}`, esc(t.product?.name || 'traject'))}</td><td>${or(t.municipality?.name)}</td><td>${statusBadge(t.status)}</td><td>${or(fmtDate(t.startDate))}</td><td>${or(fmtDate(t.plannedEndDate))}</td><td>${or(fmtDate(t.endDate))}</td></tr>`).join('')}
    </tbody></table>`;
}

export async function learnerPage(id) {
  const l = await api(`/learners/${id}`);
  // The side panels are extras: the page still shows the learner when one of them is refused.
  const [trajectories, levels, names] = await Promise.all([
    api(`/trajectories?learnerId=${id}&pageSize=20`).catch(() => ({ items: [] })),
    api(`/learners/${id}/levels`).catch(() => null),
    municipalityNames(),
  ]);
  const name = fullName(l);
  setTitle(name);
  const canReveal = isRole('admin', 'coordinator') && l.bsnMasked;
  const address = [l.street, [l.postalCode, l.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  $app.innerHTML = `<p class="crumbs">${isRole('learner') ? '' : link('#/learners', '← Deelnemers')}</p>
    <h1>${esc(name)} <span class="badge">${esc(l.learnerNumber)}</span></h1>
    <div class="grid"><section class="card"><h2>Gegevens</h2><dl>
      <dt>Deelnemernummer</dt><dd>${esc(l.learnerNumber)}</dd>
      <dt>Geboortedatum</dt><dd>${or(fmtDate(l.dateOfBirth))}</dd>
      <dt>BSN</dt><dd><span id="bsn">${or(l.bsnMasked, 'niet bekend')}</span> ${canReveal ? '<button class="secondary small" id="reveal" type="button">Toon BSN</button>' : ''}</dd>
      <dt>Gemeente</dt><dd>${or(names[l.municipalityId])}</dd>
      <dt>Adres</dt><dd>${or(address)}</dd>
      <dt>E-mail</dt><dd>${or(l.email)}</dd><dt>Telefoon</dt><dd>${or(l.phone)}</dd>
      <dt>Land van herkomst</dt><dd>${or(l.countryOfOrigin)}</dd><dt>Moedertaal</dt><dd>${or(l.nativeLanguage)}</dd>
      <dt>Instroomdatum</dt><dd>${or(fmtDate(l.intakeDate))}</dd></dl></section>
    <section class="card"><h2>Niveaus</h2>${levelsTable(levels, l.intakeLevels)}</section></div>
    <section class="card"><h2>Trajecten</h2>${trajectoryTable(trajectories.items)}</section>`;
  bindRowLinks();
  const btn = document.getElementById('reveal');
  if (btn) {
    btn.onclick = async () => {
      btn.disabled = true;
      try {
        const r = await api(`/learners/${id}/bsn/reveal`, { method: 'POST' });
        document.getElementById('bsn').textContent = r.bsn;
        btn.remove();
        toast('BSN getoond; dit is vastgelegd in de audit.');
      } catch (e) {
        btn.disabled = false;
        toast(problemNl(e).summary);
      }
    };
  }
}
