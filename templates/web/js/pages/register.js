// @ts-check
/* The presentielijst a teacher fills in and saves; cancelled and future lessons only explain themselves. */
import { api } from '../api.js';
import { ATTENDANCE } from '../labels.js';
import { dash, fmtDate, fmtDay, fullName, hhmm, link, nl, TZ } from '../format.js';
import { after, html, mount } from '../html.js';
import { $app, clearFormErrors, setTitle, showFormErrors, toast } from '../ui.js';

/** @param {string} id */
export async function registerPage(id) {
  const r = /** @type {import('../types.js').RegisterView} */ (await api(`/lessons/${id}/register`));
  renderRegister(id, r);
}

/** @param {string} id @param {import('../types.js').RegisterView} r @param {string} [saved] */
function renderRegister(id, r, saved) {
  const lesson = r.lesson;
  const lines = r.learners || [];
  setTitle(`Presentielijst ${lesson.groupName} ${fmtDate(lesson.date)}`);
  const head = html`<p class="crumbs">${link('#/lessons', '← Lessen')}</p>
    <h1>Presentielijst ${lesson.groupName} <span class="sub">${fmtDay(lesson.date)}</span></h1>
    <p class="lesson-meta">${lesson.groupCode} · ${hhmm(lesson.startTime)} uur · ${lesson.minutes} minuten · ${lesson.mode === 'online' ? 'online' : 'fysiek'}</p>`;
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
  const isNew = lines.length > 0 && lines.every((e) => !e.record);
  const opt = (/** @type {string} */ cur) => ATTENDANCE.map((s) => html`<option value="${s}" ${cur === s ? html`selected` : ''}>${nl(s)}</option>`);
  const rows = lines
    .map((e, i) => {
      const rec = e.record || /** @type {Partial<import('../types.js').Schemas['AttendanceRecordViewDto']>} */ ({});
      const st = rec.status || 'present';
      const name = fullName(e);
      return html`<tr data-i="${i}" class="st-${st}"><th scope="row">${name} <span class="muted">${e.learnerNumber}</span>${rec.reportedInAdvance ? html` <span class="badge">vooraf gemeld</span>` : ''}</th>
      <td><label class="sr-only" for="status-${i}">Status ${name}</label><select id="status-${i}" name="status-${i}" data-field="entries[${i}].status">${opt(st)}</select></td>
      <td><span class="late-cell"><span class="input-group"><label class="sr-only" for="late-${i}">Minuten te laat ${name}</label><input id="late-${i}" type="number" min="1" max="${lesson.minutes}" step="1" inputmode="numeric" name="late-${i}" data-field="entries[${i}].minutesLate" value="${st === 'late' ? rec.minutesLate || '' : ''}"> min</span></span></td>
      <td><span class="reason-cell"><label class="sr-only" for="reason-${i}">Reden ${name}</label><input id="reason-${i}" name="reason-${i}" maxlength="500" data-field="entries[${i}].absenceReason" value="${rec.absenceReason || ''}"></span></td>
      <td class="line-errors" data-field="entries[${i}].learnerId"></td></tr>`;
    });
  mount($app, html`${head}
    ${isNew ? html`<p class="notice" role="status">Deze presentielijst is nog niet ingevuld. Alle deelnemers staan voorlopig op ‘aanwezig’.</p>` : ''}
    ${lines.length ? html`<form id="register" novalidate>
    <p class="toolbar"><button type="button" class="secondary" id="all-present">Iedereen aanwezig</button> <span id="reg-counts" class="muted"></span></p>
    <div class="table-wrap"><table class="register"><thead><tr><th scope="col">Deelnemer</th><th scope="col">Status</th><th scope="col">Minuten te laat</th><th scope="col">Reden afwezigheid</th><th scope="col"><span class="sr-only">Meldingen</span></th></tr></thead><tbody>${rows}</tbody></table></div>
    <div class="error" id="reg-error" role="alert"></div>
    <p><button type="submit">Presentielijst opslaan</button> <span id="reg-saved" class="muted" role="status">${saved ? saved : ''}</span></p></form>`
      : html`<p class="notice">Er waren op deze lesdatum geen deelnemers in deze groep ingeschreven.</p>`}`);
  const form = /** @type {HTMLFormElement & Record<string, any>} */ (document.getElementById('register'));
  if (!form) return;
  // Only the inputs that belong to a line's status are shown and sent.
  const sync = () => {
    const counts = {};
    form.querySelectorAll('tbody tr').forEach((/** @type {HTMLElement} */ tr) => {
      const i = tr.dataset.i;
      const st = form[`status-${i}`].value;
      counts[st] = (counts[st] || 0) + 1;
      tr.className = `st-${st}`;
      const late = form[`late-${i}`];
      const reason = form[`reason-${i}`];
      late.closest('.late-cell').hidden = st !== 'late';
      late.disabled = st !== 'late';
      const absent = st === 'absent_authorised' || st === 'absent_unauthorised';
      reason.closest('.reason-cell').hidden = !absent;
      reason.disabled = !absent;
      reason.placeholder = st === 'absent_authorised' ? 'verplicht' : 'optioneel';
      reason.required = st === 'absent_authorised';
    });
    document.getElementById('reg-counts').textContent = ATTENDANCE.filter((s) => counts[s]).map((s) => `${counts[s]} ${nl(s)}`).join(' · ');
  };
  form.addEventListener('change', (ev) => {
    sync();
    const el = /** @type {HTMLSelectElement} */ (ev.target);
    if (el.tagName === 'SELECT' && el.value === 'late') form[`late-${el.closest('tr').dataset.i}`].focus();
  });
  document.getElementById('all-present').onclick = () => {
    form.querySelectorAll('select').forEach((sel) => (sel.value = 'present'));
    sync();
  };
  sync();
  form.onsubmit = async (ev) => {
    ev.preventDefault();
    clearFormErrors(form);
    const alertEl = document.getElementById('reg-error');
    alertEl.textContent = '';
    const body = {
      entries: lines.map((e, i) => {
        const status = form[`status-${i}`].value;
        /** @type {import('../types.js').Schemas['RegisterEntryDto']} */
        const out = { learnerId: e.learnerId, status };
        if (status === 'late') {
          const v = form[`late-${i}`].value.trim();
          out.minutesLate = v === '' ? 0 : Number(v);
        }
        const reason = form[`reason-${i}`].value.trim();
        if ((status === 'absent_authorised' || status === 'absent_unauthorised') && reason) out.absenceReason = reason;
        return out;
      }),
    };
    const btn = /** @type {HTMLButtonElement} */ (form.querySelector('button[type="submit"]'));
    btn.disabled = true;
    try {
      const res = /** @type {import('../types.js').SavedRegister} */ (await api(`/lessons/${id}/register`, { method: 'PUT', body }));
      const time = new Date().toLocaleTimeString('nl-NL', { hour: '2-digit', minute: '2-digit', timeZone: TZ });
      const raised = res.signalsRaised || [];
      renderRegister(id, res, `Opgeslagen om ${time}.`);
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
