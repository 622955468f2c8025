// @ts-check
/* Deelnemers: search by name or number, sort, page. */
import { fmtDate, link, or } from '../format.js';
import { html } from '../html.js';
import { listPage } from '../list-page.js';
import { municipalityNames } from '../lookups.js';
import { isRole } from '../session.js';

/** @param {URLSearchParams} params */
export async function learnersPage(params) {
  const search = params.get('search') || '';
  const filters = html`<form class="inline filters" role="search"><label>Zoek op naam of deelnemernummer
    <input name="search" type="search" value="${search}" placeholder="bijv. celik, olga of D000123"></label><button type="submit">Zoeken</button>
    ${search ? html`<a class="reset" href="#/learners">Alle deelnemers</a>` : ''}${isRole('admin', 'coordinator') ? html`<a class="button" href="#/learners/new">Nieuwe deelnemer</a>` : ''}</form>`;
  const names = await municipalityNames();
  /** @type {import('../list-page.js').Column<import('../types.js').Learner>[]} */
  const columns = [
    { label: 'Nummer', sort: 'learnerNumber', render: (l) => l.learnerNumber },
    // A Cyrillic name also in Latin letters, so everyone can read it and find it again.
    { label: 'Achternaam', sort: 'lastName', render: (l) => html`${link(`#/learners/${l.id}`, l.lastName)}${l.nameLatin ? html` <span class="muted latin">(${l.nameLatin})</span>` : ''}` },
    { label: 'Voornaam', sort: 'firstName', render: (l) => l.firstName },
    { label: 'Geboortedatum', sort: 'dateOfBirth', key: 'dateOfBirth', render: (l) => fmtDate(l.dateOfBirth) },
    { label: 'Gemeente', render: (l) => or(names[l.municipalityId] || l.municipality?.name) },
    { label: 'BSN', key: 'bsnMasked', render: (l) => or(l.bsnMasked) },
    { label: 'Instroomdatum', sort: 'intakeDate', key: 'intakeDate', render: (l) => or(fmtDate(l.intakeDate)) },
  ];
  return listPage({
    title: 'Deelnemers', path: '/learners', params, filters, columns,
    empty: search ? `Geen deelnemers gevonden voor ‘${search}’.` : 'Er zijn nog geen deelnemers.',
    rowHref: (l) => `#/learners/${l.id}`,
  });
}
