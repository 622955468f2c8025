/* Deelnemers: search by name or number, sort, page. */
import { esc, fmtDate, link, or } from '../format.js';
import { listPage } from '../list-page.js';
import { municipalityNames } from '../lookups.js';

export async function learnersPage(params) {
  const search = params.get('search') || '';
  const filters = `<form class="inline filters" role="search"><label>Zoek op naam of deelnemernummer
    <input name="search" type="search" value="${esc(search)}" placeholder="bijv. celik, olga of D000123"></label><button type="submit">Zoeken</button>
    ${search ? '<a class="reset" href="#/learners">Alle deelnemers</a>' : ''}</form>`;
  const names = await municipalityNames();
  return listPage({
    title: 'Deelnemers', path: '/learners', params, filters,
    empty: search ? `Geen deelnemers gevonden voor ‘${esc(search)}’.` : 'Er zijn nog geen deelnemers.',
    columns: [
      { label: 'Nummer', sort: 'learnerNumber', render: (l) => esc(l.learnerNumber) },
      { label: 'Achternaam', sort: 'lastName', render: (l) => link(`#/learners/${l.id}`, esc(l.lastName)) },
      { label: 'Voornaam', sort: 'firstName', render: (l) => esc(l.firstName) },
      { label: 'Geboortedatum', sort: 'dateOfBirth', render: (l) => fmtDate(l.dateOfBirth) },
      { label: 'Gemeente', render: (l) => or(names[l.municipalityId] || l.city) },
      { label: 'BSN', render: (l) => or(l.bsnMasked) },
      { label: 'Instroomdatum', sort: 'intakeDate', render: (l) => or(fmtDate(l.intakeDate)) },
    ],
    rowHref: (l) => `#/learners/${l.id}`,
  });
}
