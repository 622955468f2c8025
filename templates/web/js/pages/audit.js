// @ts-check
/* Auditlog (admin): who did what to which record and when, newest first; the filters live in the URL and stay on screen when the list fails. */
import { api } from '../api.js';
import { fmtDateTime, link, or } from '../format.js';
import { html, mount } from '../html.js';
import { ROLE_NL } from '../labels.js';
import { listPage } from '../list-page.js';
import { problemHtml } from '../problems.js';
import { $app, fieldError, setTitle, showFormErrors } from '../ui.js';

/** @typedef {import('../types.js').Schemas['AuditEventViewDto']} AuditEvent */

/** @type {Record<string, string>} */
const ENTITY_NL = {
  learner: 'deelnemer', trajectory: 'traject', enrolment: 'inschrijving', course_group: 'groep', lesson: 'les', attendance: 'presentie',
  absence_signal: 'verzuimsignaal', assessment: 'toets', progress_note: 'voortgangsgesprek', portfolio_item: 'portfolio-onderdeel',
  portfolio_evidence: 'bewijsstuk', certificate: 'certificaat', contract: 'contract', product: 'product', municipality: 'gemeente',
  user: 'gebruiker', settlement_run: 'afrekening', document: 'document', data_import: 'import', network_partner: 'netwerkpartner',
  volunteer: 'vrijwilliger', referral: 'verwijzing', participation_entry: 'participatie-uren',
};
/** @type {Record<string, string>} */
const ACTION_NL = {
  create: 'aangemaakt', update: 'gewijzigd', delete: 'verwijderd', 'bsn.reveal': 'BSN ingezien', 'bsn.lookup': 'BSN opgezocht',
  status: 'status gewijzigd', signal: 'signaal behandeld', submit: 'ingediend', issue: 'uitgereikt', revoke: 'ingetrokken', cancel: 'vervallen',
  reinstate: 'hersteld', finalise: 'definitief gemaakt', upload: 'geüpload', commit: 'verwerkt', recompute: 'herberekend',
};
/** Where a record type has a page of its own. @type {Record<string, (id: string) => string>} */
const RECORD_HREF = {
  learner: (id) => `#/learners/${id}`,
  trajectory: (id) => `#/trajectories/${id}`,
  absence_signal: (id) => `#/signals/${id}`,
  lesson: (id) => `#/lessons/${id}/register`,
};
const FILTERS = ['actor', 'entityType', 'action', 'entityId', 'from', 'to'];

/** @param {string} a */
const actionNl = (a) => ACTION_NL[a] || (ACTION_NL[a.split('.')[0]] ? `${ACTION_NL[a.split('.')[0]]} (${a.split('.').slice(1).join('.')})` : a);

/** @param {URLSearchParams} q @param {string} [actorName] */
function filterForm(q, actorName = '') {
  const v = (/** @type {string} */ k) => q.get(k) || '';
  const any = FILTERS.some((k) => v(k)) || q.get('actorId');
  const without = new URLSearchParams(q);
  without.delete('actorId');
  without.delete('page');
  return html`${q.get('actorId') ? html`<p>Alleen handelingen van <strong>${actorName || 'één gebruiker'}</strong>. <a href="#/audit?${String(without)}">Van iedereen tonen</a></p>` : ''}<form class="inline filters" id="audit-filters" role="search" aria-label="Auditlog filteren">
    <label>Wie (naam of e-mail) <input name="actor" data-field="actor" type="search" value="${v('actor')}" maxlength="100"></label>
    <label>Soort gegeven <select name="entityType" data-field="entityType"><option value="">alle soorten</option>${Object.entries(ENTITY_NL)
      .sort((a, b) => a[1].localeCompare(b[1], 'nl'))
      .map(([k, n]) => html`<option value="${k}" ${k === v('entityType') ? 'selected' : ''}>${n}</option>`)}</select></label>
    <label>Handeling <input name="action" data-field="action" list="audit-actions" value="${v('action')}" maxlength="60" placeholder="bijv. update of status"></label>
    <datalist id="audit-actions">${Object.entries(ACTION_NL).map(([k, n]) => html`<option value="${k}">${n}</option>`)}</datalist>
    <label>Record (id) <input name="entityId" data-field="entityId" value="${v('entityId')}" maxlength="64"></label>
    <label>Van <input type="date" name="from" data-field="from" value="${v('from')}"></label>
    <label>Tot en met <input type="date" name="to" data-field="to" value="${v('to')}"></label>
    ${q.get('actorId') ? html`<input type="hidden" name="actorId" value="${q.get('actorId')}">` : ''}
    <button type="submit">Filteren</button>${any ? html`<a class="reset" href="#/audit">Alle handelingen</a>` : ''}
    <div class="error" role="alert"></div></form>`;
}

/** Filters → the address; a reversed period is refused here as the API would. @param {HTMLFormElement} form @param {URLSearchParams} q */
function wireFilters(form, q) {
  form.noValidate = true;
  form.onsubmit = (ev) => {
    ev.preventDefault();
    const u = new URLSearchParams();
    new FormData(form).forEach((val, k) => String(val).trim() && u.set(k, String(val).trim()));
    if (q.get('sort')) u.set('sort', q.get('sort'));
    if (q.get('pageSize')) u.set('pageSize', q.get('pageSize'));
    if (u.get('from') && u.get('to') && u.get('to') < u.get('from')) {
      showFormErrors(form, fieldError('to', 'moet op of na de begindatum liggen'), form.querySelector('[role="alert"]'));
      return;
    }
    location.hash = `#/audit?${u}`;
  };
}

/** @param {URLSearchParams} params */
export async function auditPage(params) {
  const q = new URLSearchParams(params);
  // The user named in the address, for the line above the filters; an unknown one is said by the list.
  const actorName = q.get('actorId')
    ? await api(`/users/${encodeURIComponent(q.get('actorId'))}`).then((/** @type {any} */ u) => u.displayName, () => '')
    : '';
  /** @type {import('../list-page.js').Column<AuditEvent>[]} */
  const columns = [
    { label: 'Tijdstip', sort: 'occurredAt', render: (e) => fmtDateTime(e.occurredAt) },
    {
      label: 'Wie',
      render: (e) => (e.actorId
        ? html`${e.actorName || 'verwijderde gebruiker'}<br><span class="muted">${ROLE_NL[e.actorRole] || e.actorRole || ''}</span>`
        : html`<span class="muted">systeem</span>`),
    },
    { label: 'Handeling', sort: 'action', render: (e) => html`${actionNl(e.action)}<br><span class="muted">${e.action}</span>` },
    { label: 'Soort gegeven', sort: 'entityType', render: (e) => ENTITY_NL[e.entityType] || e.entityType },
    {
      label: 'Record',
      render: (e) => (e.entityId
        ? html`${RECORD_HREF[e.entityType] ? link(RECORD_HREF[e.entityType](e.entityId), 'openen') : ''}
          <a href="#/audit?entityType=${e.entityType}&entityId=${e.entityId}" title="Alle handelingen op dit record">${e.entityId.slice(0, 8)}…</a>`
        : '—'),
    },
    { label: 'Velden', render: (e) => or((e.fields || []).join(', ')) },
  ];
  try {
    await listPage({
      title: 'Auditlog', path: '/audit-events', params: q, columns,
      filters: filterForm(q, actorName),
      intro: html`<p class="muted">Wie wat wanneer heeft gedaan, nieuwste eerst. Waarden worden niet bewaard, alleen de namen van de gewijzigde velden.</p>`,
      empty: FILTERS.some((k) => q.get(k)) ? 'Geen handelingen gevonden met deze filters.' : 'Nog geen handelingen vastgelegd.',
      after: () => wireFilters(/** @type {HTMLFormElement} */ (document.getElementById('audit-filters')), q),
    });
  } catch (e) {
    if (e.problem?.code === 'session_expired') throw e;
    // The filters stay on screen, filled in, with what went wrong next to them.
    setTitle('Auditlog');
    const byField = (e.problem?.errors || []).length > 0;
    mount($app, html`<h1>Auditlog</h1>${filterForm(q, actorName)}${byField ? '' : html`<div class="error" role="alert">${problemHtml(e)}</div>`}`);
    const form = /** @type {HTMLFormElement} */ (document.getElementById('audit-filters'));
    wireFilters(form, q);
    if (byField) showFormErrors(form, e, form.querySelector('[role="alert"]'));
  }
}
