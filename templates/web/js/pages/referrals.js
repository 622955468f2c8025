// @ts-check
/* The referral workflow (koppelingen) on the trajectory page: list, create, one step per move, participation hours. */
import { api } from '../api.js';
import { fmtDate, fmtHours, or, today } from '../format.js';
import { after, html, mount } from '../html.js';
import { REASON_NL, REFERRAL_NL, THEME_NL } from '../network-labels.js';
import { problemHtml } from '../problems.js';
import { isRole } from '../session.js';
import { clearFormErrors, onSubmit, showFormErrors, toast } from '../ui.js';

/** @param {import('../types.js').Schemas['ReferralView']} r */
function moves(r) {
  const f = [];
  const d = html`<input type="date" name="date" data-field="date" value="${today()}" max="${today()}">`;
  if (r.status === 'planned') {
    f.push(html`<form class="move" data-move="first-contact" novalidate><label>Eerste contact op ${d}</label><label>Begeleid door vrijwilliger (id) <input name="volunteerId" data-field="accompaniedBy.volunteerId"></label><button type="submit">Eerste contact vastleggen</button></form>`);
    f.push(html`<form class="move" data-move="not-started" novalidate><label>Reden niet gestart <input name="reason" data-field="reason" required></label><button type="submit" class="secondary">Niet gestart</button></form>`);
  }
  if (r.status === 'first_contact') f.push(html`<form class="move" data-move="participating" novalidate><label>Neemt deel vanaf ${d}</label><button type="submit">Neemt deel</button></form>`);
  if (r.status === 'participating') {
    f.push(html`<form class="hours" novalidate><label>Datum ${d}</label><label>Minuten <input type="number" name="minutes" data-field="minutes" min="1" max="1440" required></label><button type="submit">Uren vastleggen</button></form>`);
    f.push(html`<form class="move" data-move="end" novalidate><label>Beëindigd op ${d}</label><label>Reden <input name="reason" data-field="reason"></label><button type="submit" class="secondary">Beëindigen</button></form>`);
  }
  return f;
}

/**
 * A referral's participation entries; staff may correct or remove each one.
 * @param {import('../types.js').Schemas['ParticipationHoursDto'] | undefined} h @param {boolean} canEdit
 */
function entriesTable(h, canEdit) {
  if (!h?.entries.length) return '';
  return html`<div class="table-wrap"><table class="entries"><caption>Deelname-uren (${fmtHours(h.totalMinutes)} uur)</caption>
    <thead><tr><th>Datum</th><th>Minuten</th><th>Notitie</th>${canEdit ? html`<th><span class="sr-only">Acties</span></th>` : ''}</tr></thead><tbody>
    ${h.entries.map((e) => html`<tr data-entry="${e.id}"><td>${fmtDate(e.date)}</td><td>${e.minutes}</td><td>${or(e.note)}</td>
      ${canEdit ? html`<td><button type="button" class="secondary small" data-action="edit" aria-label="${`Uren van ${fmtDate(e.date)} wijzigen`}">Wijzigen</button>
        <button type="button" class="secondary small" data-action="delete" aria-label="${`Uren van ${fmtDate(e.date)} verwijderen`}">Verwijderen</button></td>` : ''}</tr>`)}
    </tbody></table></div>`;
}

/** The correction form in place of an entry's row. @param {import('../types.js').Schemas['ParticipationEntryView']} e */
const entryForm = (e) => html`<tr data-editing="${e.id}"><td colspan="4"><form class="entry-edit" novalidate><div class="error" role="alert"></div>
  <label>Datum <input type="date" name="date" data-field="date" value="${e.date}" max="${today()}" required></label>
  <label>Minuten <input type="number" name="minutes" data-field="minutes" min="1" max="1440" value="${e.minutes}" required></label>
  <label>Notitie <input name="note" data-field="note" maxlength="500" value="${e.note ?? ''}"></label>
  <button type="submit">Opslaan</button> <button type="button" class="secondary" data-action="cancel">Annuleren</button></form></td></tr>`;

/**
 * Fills `section` with the trajectory's referrals; staff also get the forms. `onChange` runs after every change
 * (participation hours change the trajectory's Z-route figures).
 * @param {HTMLElement} section @param {import('../types.js').Trajectory} t @param {() => Promise<void>} [onChange]
 */
export async function referralsSection(section, t, onChange) {
  const page = /** @type {import('../types.js').Schemas['ReferralPageDto']} */ (await api(`/trajectories/${t.id}/referrals?pageSize=100`));
  const staff = isRole('admin', 'coordinator');
  const partners = staff ? /** @type {import('../types.js').Schemas['PartnerPageDto']} */ (await api(`/partners?municipalityId=${t.municipalityId}&active=true&pageSize=100`)) : null;
  const canWrite = staff && t.status !== 'completed' && t.status !== 'dropped_out';
  /** @type {Record<string, import('../types.js').Schemas['ParticipationHoursDto']>} */
  const hours = Object.fromEntries(await Promise.all(page.items.filter((r) => r.participationMinutes > 0)
    .map(async (r) => [r.id, /** @type {import('../types.js').Schemas['ParticipationHoursDto']} */ (await api(`/referrals/${r.id}/hours`))])));
  const ia = /** @type {Record<string, Record<string, string>>} */ (t.integrationAgreement || {});
  const reasons = Object.entries({ wish: 'wishes', need: 'needs', ability: 'abilities' }).flatMap(([k, key]) => Object.keys(ia[key] || {}).map((theme) => ({ k, theme, text: ia[key][theme] })));
  mount(section, html`<h2>Koppelingen met het netwerk</h2>
    ${page.items.length ? page.items.map((r) => html`<div class="referral" data-id="${r.id}"><h3>${r.partnerName} <span class="sub">${REFERRAL_NL[r.status] || r.status}</span></h3>
      <p>${REASON_NL[r.reasonKind]} ${THEME_NL[r.reasonTheme] || r.reasonTheme}${r.reasonText === undefined ? '' : `: ${or(r.reasonText)}`} · gepland ${fmtDate(r.plannedDate)}
      ${r.firstContactDate ? ` · eerste contact ${fmtDate(r.firstContactDate)} (${r.accompaniedBy ? `begeleid door ${r.accompaniedBy.name}` : 'niet begeleid'})` : ''}
      ${r.participationMinutes ? ` · ${fmtHours(r.participationMinutes)} uur deelname` : ''}${r.outcomeReason ? ` · ${r.outcomeReason}` : ''}</p>
      ${entriesTable(hours[r.id], canWrite)}
      ${canWrite ? html`<div class="error" role="alert"></div>${moves(r)}` : ''}</div>`) : html`<p>Nog geen koppelingen.</p>`}
    ${staff && partners && reasons.length ? html`<form id="referral-new" novalidate><h3>Nieuwe koppeling</h3><div class="error" role="alert"></div>
      <label>Netwerkpartner <select name="partnerId" data-field="partnerId">${partners.items.map((p) => html`<option value="${p.id}">${p.name}</option>`)}</select></label>
      <label>Waarom <select name="reason" data-field="reason">${reasons.map((x) => html`<option value="${x.k}:${x.theme}">${REASON_NL[x.k]} ${THEME_NL[x.theme] || x.theme}: ${x.text}</option>`)}</select></label>
      <label>Gepland op <input type="date" name="plannedDate" data-field="plannedDate" value="${today()}"></label><button type="submit">Koppelen</button></form>` : ''}`);
  const reload = async () => {
    await referralsSection(section, t, onChange);
    await onChange?.();
  };
  section.querySelectorAll('div.referral').forEach((/** @type {HTMLElement} */ div) => {
    const r = page.items.find((x) => x.id === div.dataset.id);
    div.querySelectorAll('form').forEach((/** @type {HTMLFormElement} */ form) => {
      form.onsubmit = async (ev) => {
        ev.preventDefault();
        clearFormErrors(form);
        const get = (/** @type {string} */ n) => /** @type {HTMLInputElement} */ (form.elements.namedItem(n))?.value.trim();
        try {
          if (form.classList.contains('hours')) await api(`/referrals/${r.id}/hours`, { method: 'POST', body: { date: get('date'), minutes: Number(get('minutes')) } });
          else {
            /** @type {Record<string, unknown>} */
            const body = { version: r.version };
            if (get('date')) body.date = get('date');
            if (get('reason')) body.reason = get('reason');
            if (get('volunteerId')) body.accompaniedBy = { volunteerId: get('volunteerId') };
            await api(`/referrals/${r.id}/${form.dataset.move}`, { method: 'POST', body });
          }
          toast('Opgeslagen');
          await reload();
        } catch (e) {
          showFormErrors(form, e, div.querySelector('.error'));
        }
      };
    });
    div.querySelectorAll('tr[data-entry]').forEach((/** @type {HTMLTableRowElement} */ row) => {
      const e = hours[r.id]?.entries.find((x) => x.id === row.dataset.entry);
      const url = `/referrals/${r.id}/hours/${e.id}`;
      const del = /** @type {HTMLButtonElement | null} */ (row.querySelector('[data-action="delete"]'));
      if (del) del.onclick = async () => {
        if (!confirm(`De ${e.minutes} minuten deelname van ${fmtDate(e.date)} verwijderen?`)) return;
        try {
          await api(url, { method: 'DELETE' });
          toast('Uren verwijderd');
          await reload();
        } catch (err) {
          mount(div.querySelector('.error'), problemHtml(err));
        }
      };
      const edit = /** @type {HTMLButtonElement | null} */ (row.querySelector('[data-action="edit"]'));
      if (edit) edit.onclick = () => {
        row.hidden = true;
        after(row, entryForm(e));
        const formRow = /** @type {HTMLTableRowElement} */ (row.nextElementSibling);
        const form = /** @type {HTMLFormElement} */ (formRow.querySelector('form'));
        /** @type {HTMLButtonElement} */ (form.querySelector('[data-action="cancel"]')).onclick = () => {
          formRow.remove();
          row.hidden = false;
          edit.focus();
        };
        onSubmit(form, async (v) => {
          await api(url, { method: 'PATCH', body: { version: e.version, date: v.date, minutes: v.minutes === '' ? null : Number(v.minutes), note: v.note || null } });
          toast('Uren gewijzigd');
          await reload();
        });
        /** @type {HTMLInputElement} */ (form.elements.namedItem('minutes')).focus();
      };
    });
  });
  const nf = /** @type {HTMLFormElement} */ (section.querySelector('#referral-new'));
  if (nf) nf.onsubmit = async (ev) => {
    ev.preventDefault();
    clearFormErrors(nf);
    const get = (/** @type {string} */ n) => /** @type {HTMLInputElement} */ (nf.elements.namedItem(n)).value;
    const [kind, theme] = get('reason').split(':');
    try {
      await api(`/trajectories/${t.id}/referrals`, { method: 'POST', body: { partnerId: get('partnerId'), reason: { kind, theme }, plannedDate: get('plannedDate') } });
      toast('Koppeling gemaakt');
      await reload();
    } catch (e) {
      showFormErrors(nf, e, nf.querySelector('.error'));
    }
  };
}
