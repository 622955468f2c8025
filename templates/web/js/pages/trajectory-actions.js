// @ts-check
/* The coordinator's actions on a trajectory: activate, suspend, resume, complete, drop out (reason, date, note),
   and editing the plan and the integration agreement. Every write carries the version, so a change made
   meanwhile by someone else is refused ("iemand anders heeft dit intussen gewijzigd") with a reload. */
import { api } from '../api.js';
import { DOMAIN_NL, DROPOUT_NL } from '../labels.js';
import { today } from '../format.js';
import { html, mount } from '../html.js';
import { isRole } from '../session.js';
import { fieldError, onSubmit, toast } from '../ui.js';

/** @typedef {import('../types.js').Trajectory} Trajectory */
const TOPIC_NL = { work: 'werk', housing: 'wonen', sport: 'sport', culture: 'cultuur', religion: 'religie' };
const PLAN_DOMAINS = ['work', 'parenting', 'health_care', 'education', 'knowledge_of_society', 'citizenship', 'housing', 'neighbourhood'];
const DONE_NL = { activate: 'Traject geactiveerd', suspend: 'Traject onderbroken', resume: 'Traject hervat', complete: 'Traject afgerond', 'drop-out': 'Uitval vastgelegd' };

/** @param {HTMLElement} box @param {Trajectory} t @param {() => Promise<unknown>} reload */
export function trajectoryActions(box, t, reload) {
  if (!isRole('admin', 'coordinator') || t.status === 'completed' || t.status === 'dropped_out') return;
  const simple = (/** @type {string} */ action, /** @type {string} */ label, cls = '') => html`<form class="action-btn" data-action="${action}"><button type="submit" class="${cls}">${label}</button></form>`;
  mount(box, html`<h2>Acties</h2><div class="error" role="alert" id="tr-error"></div>
    <div class="toolbar">${t.status === 'planned' ? simple('activate', 'Activeren') : ''}${t.status === 'active' ? simple('suspend', 'Onderbreken', 'secondary') : ''}${t.status === 'suspended' ? simple('resume', 'Hervatten') : ''}</div>
    ${t.status === 'active' ? html`<details><summary>Afronden</summary><form class="stack" data-action="complete">
      <label>Einddatum <input type="date" name="endDate" data-field="endDate" value="${today()}" min="${t.startDate}" max="${today()}"></label>
      <div class="error" role="alert"></div><button type="submit">Traject afronden</button></form></details>` : ''}
    <details><summary>Uitval vastleggen</summary><form class="stack" data-action="drop-out">
      <label>Reden van uitval <select name="reason" data-field="reason"><option value="">kies een reden</option>${Object.entries(DROPOUT_NL).map(([k, v]) => html`<option value="${k}">${v}</option>`)}</select></label>
      <label>Datum van uitval <input type="date" name="date" data-field="date" value="${today()}" min="${t.startDate}" max="${today()}"></label>
      <label>Toelichting <textarea name="note" data-field="note" rows="2" maxlength="2000"></textarea></label>
      <div class="error" role="alert"></div><button type="submit" class="danger">Uitval vastleggen</button></form></details>`);
  box.querySelectorAll('form[data-action]').forEach((/** @type {HTMLFormElement} */ form) => {
    const action = form.dataset.action;
    // The simple buttons share the card's alert.
    if (!form.querySelector('[role="alert"]')) form.append(Object.assign(document.createElement('div'), { className: 'error' }));
    onSubmit(form, async (v) => {
      /** @type {Record<string, unknown>} */
      const body = { version: t.version };
      if (action === 'complete') body.endDate = v.endDate;
      if (action === 'drop-out') {
        if (!v.reason) throw fieldError('reason', 'kies een reden van uitval');
        if (v.reason === 'other' && !v.note) throw fieldError('note', 'vul een toelichting in bij ‘anders’');
        Object.assign(body, { reason: v.reason, date: v.date, ...(v.note ? { note: v.note } : {}) });
      }
      await api(`/trajectories/${t.id}/${action}`, { method: 'POST', body });
      toast(DONE_NL[action]);
      await reload();
    });
  });
}

/** @param {Record<string, unknown> | undefined} obj @param {string} prefix @param {Record<string, string>} names */
const topicFields = (obj, prefix, names) => Object.entries(names).map(([k, label]) => html`<label>${label} <textarea name="${prefix}.${k}" data-field="${prefix}.${k}" rows="1" maxlength="2000">${String(obj?.[k] ?? '')}</textarea></label>`);

/** The plan (goals per domain, agreements) and the integration agreement, editable. @param {HTMLElement} box @param {Trajectory} t @param {() => Promise<unknown>} reload */
export async function planEditor(box, t, reload) {
  if (!isRole('admin', 'coordinator') || t.status === 'completed' || t.status === 'dropped_out') return;
  const plan = /** @type {import('../types.js').Schemas['TrajectoryPlanViewDto']} */ (await api(`/trajectories/${t.id}/plan`));
  const ia = t.integrationAgreement || {};
  /** @type {Record<string, string>} */
  const domains = Object.fromEntries(PLAN_DOMAINS.map((d) => [d, DOMAIN_NL[d]]));
  mount(box, html`<details><summary>Trajectplan wijzigen</summary><form class="stack" id="plan-form">
      <fieldset><legend>Doelen per domein</legend>${topicFields(/** @type {any} */ (plan.plan?.goals), 'goals', domains)}</fieldset>
      <label>Afspraken <textarea name="agreements" data-field="plan.agreements" rows="3" maxlength="4000">${plan.plan?.agreements || ''}</textarea></label>
      <div class="error" role="alert"></div><button type="submit">Plan opslaan</button></form></details>
    <details><summary>Integratieafspraken wijzigen</summary><form class="stack" id="ia-form">
      ${['wishes', 'needs', 'abilities'].map((part) => html`<fieldset><legend>${{ wishes: 'Wensen', needs: 'Behoeften', abilities: 'Mogelijkheden' }[part]}</legend>${topicFields(/** @type {any} */ (ia)[part], part, TOPIC_NL)}</fieldset>`)}
      <div class="error" role="alert"></div><button type="submit">Integratieafspraken opslaan</button></form></details>`);
  /** @param {Record<string, string>} v @param {string} prefix */
  const pick = (v, prefix) => Object.fromEntries(Object.entries(v).filter(([k, x]) => k.startsWith(`${prefix}.`) && x).map(([k, x]) => [k.slice(prefix.length + 1), x]));
  onSubmit(/** @type {HTMLFormElement} */ (box.querySelector('#plan-form')), async (v) => {
    await api(`/trajectories/${t.id}/plan`, { method: 'PUT', body: { version: plan.version, plan: { goals: pick(v, 'goals'), ...(v.agreements ? { agreements: v.agreements } : {}) } } });
    toast('Trajectplan opgeslagen');
    await reload();
  });
  onSubmit(/** @type {HTMLFormElement} */ (box.querySelector('#ia-form')), async (v) => {
    await api(`/trajectories/${t.id}`, { method: 'PATCH', body: { version: t.version, integrationAgreement: { wishes: pick(v, 'wishes'), needs: pick(v, 'needs'), abilities: pick(v, 'abilities') } } });
    toast('Integratieafspraken opgeslagen');
    await reload();
  });
}
