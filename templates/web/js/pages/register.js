// @ts-check
/* The presentielijst a teacher fills in with one tap per learner and saves; cancelled and future lessons only
   explain themselves. Leaving with unsaved changes asks first. */
import { api } from '../api.js';
import { ATTENDANCE } from '../labels.js';
import { addDays, dash, fmtDate, fmtDateTime, fmtDay, fullName, hhmm, link, nl } from '../format.js';
import { after, html, mount } from '../html.js';
import { setLeaveGuard } from '../leave-guard.js';
import { state } from '../session.js';
import { $app, clearFormErrors, setTitle, showFormErrors, toast } from '../ui.js';
import { readLine, registerLine } from './register-lines.js';

/** @typedef {import('../types.js').RegisterView} RegisterView */

/** @param {string} id */
export async function registerPage(id) {
  const r = /** @type {RegisterView} */ (await api(`/lessons/${id}/register`));
  const recent = r.lesson.cancelled || r.lesson.inFuture ? {} : await recentAbsences(r);
  renderRegister(id, r, recent);
}

/** Per learner, absences in the group's lessons of the 4 weeks before this one (from the attendance grid). @param {RegisterView} r */
async function recentAbsences(r) {
  /** @type {Record<string, { unauthorised: number, authorised: number }>} */
  const out = {};
  try {
    const grid = /** @type {import('../types.js').Schemas['AttendanceGridDto']} */ (
      await api(`/groups/${r.lesson.groupId}/attendance-grid?from=${addDays(r.lesson.date, -28)}&to=${addDays(r.lesson.date, -1)}`));
    for (const row of grid.learners) {
      const c = { unauthorised: 0, authorised: 0 };
      row.cells.forEach((cell) => {
        if (cell.status === 'absent_unauthorised') c.unauthorised++;
        if (cell.status === 'absent_authorised') c.authorised++;
      });
      out[row.learnerId] = c;
    }
  } catch {
    // The hint is an extra: the register works without it.
  }
  return out;
}

/** "Laatst opgeslagen door <naam> op <datum tijd>", from the newest record a register save wrote. @param {RegisterView} r */
function lastSaved(r) {
  const recs = r.learners.map((l) => l.record).filter((x) => x && !x.reportedInAdvance);
  if (!recs.length) return '';
  const newest = recs.reduce((a, b) => (a.recordedAt > b.recordedAt ? a : b));
  const who = newest.recordedByName || (newest.recordedBy === state.user?.id ? state.user?.displayName : '') || 'een collega';
  return `Laatst opgeslagen door ${who}${newest.recordedBy === state.user?.id ? ' (u)' : ''} op ${fmtDateTime(newest.recordedAt)}.`;
}

/**
 * @param {string} id @param {RegisterView} r
 * @param {Record<string, { unauthorised: number, authorised: number }>} recent @param {string} [saved]
 */
function renderRegister(id, r, recent, saved) {
  const lesson = r.lesson;
  const lines = r.learners || [];
  setTitle(`Presentielijst ${lesson.groupName} ${fmtDate(lesson.date)}`);
  const head = html`<p class="crumbs">${link('#/lessons', '← Lessen')}</p>
    <h1>Presentielijst ${lesson.groupName} <span class="sub">${fmtDay(lesson.date)}</span></h1>
    <p class="lesson-meta">${lesson.groupCode} · ${hhmm(lesson.startTime)} uur · ${lesson.minutes} minuten · ${lesson.mode === 'online' ? 'online' : 'fysiek'} · <a href="#/groups/${lesson.groupId}/certificates">Certificaten van de groep</a></p>`;
  if (lesson.cancelled) {
    mount($app, html`${head}<div class="notice" role="status"><strong>Deze les is vervallen.</strong> ${lesson.cancelReason ? `Reden: ${lesson.cancelReason}. ` : ''}Voor een vervallen les wordt geen presentielijst ingevuld.</div>`);
    return;
  }
  if (lesson.inFuture) {
    const rows = lines.map((e) => html`<tr><td>${fullName(e)} <span class="muted">${e.learnerNumber}</span></td><td>${e.record ? html`${nl(e.record.status)}${e.record.absenceReason ? ` — ${e.record.absenceReason}` : ''}${e.record.reportedInAdvance ? html` <span class="badge">vooraf gemeld</span>` : ''}` : dash}</td></tr>`);
    mount($app, html`${head}<div class="notice" role="status"><strong>Deze les is nog niet begonnen.</strong> De presentielijst kan pas worden ingevuld als de les begonnen is. Vooraf gemelde afwezigheid staat hieronder.</div>
      <table><thead><tr><th scope="col">Deelnemer</th><th scope="col">Vooraf gemeld</th></tr></thead><tbody>${rows.length ? rows : html`<tr><td colspan="2" class="empty">Geen ingeschreven deelnemers.</td></tr>`}</tbody></table>`);
    return;
  }
  const isNew = lines.length > 0 && lines.every((e) => !e.record || e.record.reportedInAdvance);
  const last = lastSaved(r);
  mount($app, html`${head}
    ${isNew ? html`<p class="notice" role="status">Deze presentielijst is nog niet ingevuld. Alle deelnemers staan voorlopig op ‘aanwezig’.</p>` : ''}
    ${last ? html`<p class="muted" id="reg-last">${last}</p>` : ''}
    ${lines.length ? html`<form id="register" novalidate>
    <p class="toolbar"><button type="button" class="secondary" id="all-present">Iedereen aanwezig</button> <span id="reg-counts" class="muted"></span></p>
    <div class="table-wrap" tabindex="0"><table class="register"><thead><tr><th scope="col">Deelnemer</th><th scope="col">Aanwezigheid</th></tr></thead><tbody>${lines.map((e, i) => registerLine(e, i, lesson.minutes, recent[e.learnerId]))}</tbody></table></div>
    <div class="error" id="reg-error" role="alert"></div>
    <p class="save-bar"><button type="submit">Presentielijst opslaan</button> <span id="reg-dirty" class="badge warn" hidden>niet opgeslagen wijzigingen</span> <span id="reg-saved" class="muted" role="status">${saved || ''}</span></p></form>`
      : html`<p class="notice">Er waren op deze lesdatum geen deelnemers in deze groep ingeschreven.</p>`}`);
  const form = /** @type {HTMLFormElement & Record<string, any>} */ (document.getElementById('register'));
  if (!form) return;
  let dirty = false;
  setLeaveGuard(() => dirty);
  const markDirty = () => {
    dirty = true;
    document.getElementById('reg-dirty').hidden = false;
  };
  // Only the inputs that belong to a line's status are shown and sent.
  const sync = () => {
    /** @type {Record<string, number>} */
    const counts = {};
    form.querySelectorAll('tbody tr').forEach((/** @type {HTMLElement} */ tr) => {
      const i = tr.dataset.i;
      const st = /** @type {HTMLInputElement} */ (form.querySelector(`input[name="status-${i}"]:checked`))?.value || 'present';
      counts[st] = (counts[st] || 0) + 1;
      tr.className = `st-${st}`;
      const late = form[`late-${i}`];
      const reason = form[`reason-${i}`];
      const note = form[`note-${i}`];
      late.closest('.late-cell').hidden = st !== 'late';
      late.disabled = st !== 'late';
      const absent = st === 'absent_authorised' || st === 'absent_unauthorised';
      reason.closest('.reason-cell').hidden = !absent;
      reason.disabled = !absent;
      reason.required = st === 'absent_authorised';
      note.closest('.note-cell').hidden = reason.value !== 'overig';
    });
    document.getElementById('reg-counts').textContent = ATTENDANCE.filter((s) => counts[s]).map((s) => `${counts[s]} ${nl(s)}`).join(' · ');
  };
  form.addEventListener('input', markDirty);
  form.addEventListener('change', (ev) => {
    markDirty();
    sync();
    const el = /** @type {HTMLInputElement} */ (ev.target);
    const i = el.closest('tr')?.dataset.i;
    if (el.type === 'radio' && el.value === 'late') form[`late-${i}`].focus();
    if (el.type === 'radio' && el.value.startsWith('absent')) form[`reason-${i}`].focus();
  });
  sync();
  document.getElementById('all-present').onclick = () => {
    form.querySelectorAll('input[type="radio"][value="present"]').forEach((/** @type {HTMLInputElement} */ b) => (b.checked = true));
    markDirty();
    sync();
  };
  form.onsubmit = async (ev) => {
    ev.preventDefault();
    clearFormErrors(form);
    const alertEl = document.getElementById('reg-error');
    alertEl.textContent = '';
    const read = lines.map((e, i) => readLine(form, e, i, lesson.minutes));
    const errors = read.flatMap((x) => (x.error ? [x.error] : []));
    if (errors.length) {
      showFormErrors(form, { problem: { status: 400, code: 'validation_failed', dutch: true, errors } }, alertEl);
      return;
    }
    const btn = /** @type {HTMLButtonElement} */ (form.querySelector('button[type="submit"]'));
    btn.disabled = true;
    try {
      const res = /** @type {import('../types.js').SavedRegister} */ (await api(`/lessons/${id}/register`, { method: 'PUT', body: { entries: read.map((x) => x.entry) } }));
      dirty = false;
      const raised = res.signalsRaised || [];
      renderRegister(id, res, recent, 'Opgeslagen.');
      toast('Presentielijst opgeslagen');
      if (raised.length) {
        const names = raised.map((s) => fullName(lines.find((l) => l.trajectoryId === s.trajectoryId)) || 'een deelnemer');
        after(document.getElementById('reg-saved'), html`<p class="notice warn" role="status">Er is een verzuimsignaal aangemaakt voor ${names.join(', ')}. De coördinator handelt dit af.</p>`);
      }
    } catch (e) {
      btn.disabled = false;
      showFormErrors(form, e, alertEl);
    }
  };
}
