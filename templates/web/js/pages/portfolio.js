// @ts-check
/* A trajectory's portfolio. Staff review submitted items after previewing their evidence (images and PDFs inline);
   the learner adds items per competence domain, uploads evidence (PDF, JPEG, PNG, also straight from the phone
   camera), submits, and reads the feedback. */
import { api, apiObjectUrl, apiUpload } from '../api.js';
import { DOMAIN_NL } from '../labels.js';
import { fmtDateTime, nl } from '../format.js';
import { append, html, mount } from '../html.js';
import { isRole } from '../session.js';
import { fieldError, onSubmit, toast } from '../ui.js';

/** @typedef {import('../types.js').Schemas} S */
const BADGE = { draft: '', submitted: 'warn', approved: 'good', needs_revision: 'bad' };

/** @param {HTMLElement} box @param {string} trajectoryId */
export async function portfolioPanel(box, trajectoryId) {
  const mine = isRole('learner');
  const [r, comp] = await Promise.all([
    /** @type {Promise<S['PortfolioItemPageDto']>} */ (api(`/trajectories/${trajectoryId}/portfolio?pageSize=100`)),
    /** @type {Promise<S['PortfolioCompletenessDto'] | null>} */ (api(`/trajectories/${trajectoryId}/portfolio/completeness`).catch(() => null)),
  ]);
  mount(box, html`<h2>${mine ? 'Mijn portfolio' : 'Portfolio'}</h2>
    ${comp ? html`<p>${comp.approvedDomains.length} van ${comp.requiredDomains.length} verplichte onderwerpen goedgekeurd.${comp.requiredDomains.filter((d) => !comp.approvedDomains.includes(d)).length ? ` Nog nodig: ${comp.requiredDomains.filter((d) => !comp.approvedDomains.includes(d)).map((d) => DOMAIN_NL[d] || d).join(', ')}.` : ''}</p>` : ''}
    ${r.items.length ? html`<ul class="portfolio">${r.items.map((it) => html`<li class="card item" data-id="${it.id}"><h3>${it.title} <span class="badge ${BADGE[it.status] || ''}">${nl(it.status)}</span></h3>
      <p class="muted">${DOMAIN_NL[it.domain] || it.domain} · ${it.evidenceCount} ${it.evidenceCount === 1 ? 'bewijsstuk' : 'bewijsstukken'}</p>
      ${it.description ? html`<p>${it.description}</p>` : ''}
      ${it.feedback ? html`<p class="feedback"><strong>Feedback van de docent:</strong> ${it.feedback}${it.reviewedAt ? html` <span class="muted">(${fmtDateTime(it.reviewedAt)})</span>` : ''}</p>` : ''}
      <div class="evidence"></div><div class="item-actions"></div></li>`)}</ul>` : html`<p>${mine ? 'U heeft nog niets in uw portfolio.' : 'Nog geen portfolio-onderdelen.'}</p>`}
    ${mine ? html`<details class="card"><summary>Nieuw onderdeel toevoegen</summary><form class="stack" id="item-form">
      <label>Onderwerp <select name="domain" data-field="domain">${Object.entries(DOMAIN_NL).map(([k, v]) => html`<option value="${k}">${v}</option>`)}</select></label>
      <label>Titel <input name="title" data-field="title" maxlength="200" required></label>
      <label>Wat heeft u gedaan? <textarea name="description" data-field="description" rows="3" maxlength="4000"></textarea></label>
      <div class="error" role="alert"></div><button type="submit">Toevoegen</button></form></details>` : ''}`);
  const reload = () => portfolioPanel(box, trajectoryId);
  const form = /** @type {HTMLFormElement | null} */ (box.querySelector('#item-form'));
  if (form) {
    onSubmit(form, async (v) => {
      if (!v.title) throw fieldError('title', 'vul een titel in');
      await api(`/trajectories/${trajectoryId}/portfolio`, { method: 'POST', body: { domain: v.domain, title: v.title, ...(v.description ? { description: v.description } : {}) } });
      toast('Onderdeel toegevoegd');
      await reload();
    });
  }
  for (const it of r.items) {
    const li = /** @type {HTMLElement} */ (box.querySelector(`li.item[data-id="${CSS.escape(it.id)}"]`));
    await evidenceList(/** @type {HTMLElement} */ (li.querySelector('.evidence')), it, !mine || it.status === 'draft' || it.status === 'needs_revision');
    itemActions(/** @type {HTMLElement} */ (li.querySelector('.item-actions')), it, mine, reload);
  }
}

/** The item's files, each with a preview button. @param {HTMLElement} el @param {S['PortfolioItemView']} it @param {boolean} show */
async function evidenceList(el, it, show) {
  if (!it.evidenceCount || !show) return;
  const files = /** @type {S['EvidenceView'][]} */ (await api(`/portfolio-items/${it.id}/evidence`).catch(() => []));
  mount(el, html`<ul class="plain">${files.map((f) => html`<li>${f.originalName} <span class="muted">(${f.type.toUpperCase()}, ${Math.ceil(f.sizeBytes / 1024)} kB)</span>
    <button type="button" class="secondary small preview" data-url="${f.downloadUrl}" data-type="${f.contentType}" data-name="${f.originalName}">Bekijken</button></li>`)}</ul><div class="preview-box"></div>`);
  el.querySelectorAll('button.preview').forEach((/** @type {HTMLButtonElement} */ b) => {
    b.onclick = async () => {
      const boxEl = /** @type {HTMLElement} */ (el.querySelector('.preview-box'));
      try {
        const url = await apiObjectUrl(b.dataset.url);
        boxEl.replaceChildren();
        if (b.dataset.type === 'application/pdf') {
          const obj = document.createElement('iframe');
          obj.src = url;
          obj.title = `Bewijsstuk ${b.dataset.name}`;
          obj.className = 'pdf-preview';
          boxEl.append(obj);
        } else {
          const img = document.createElement('img');
          img.src = url;
          img.alt = `Bewijsstuk ${b.dataset.name}`;
          img.className = 'img-preview';
          boxEl.append(img);
        }
      } catch {
        boxEl.textContent = 'Dit bestand kon niet worden geopend.';
      }
    };
  });
}

/** @param {HTMLElement} el @param {S['PortfolioItemView']} it @param {boolean} mine @param {() => Promise<unknown>} reload */
function itemActions(el, it, mine, reload) {
  const editable = it.status === 'draft' || it.status === 'needs_revision';
  if (mine && editable) {
    mount(el, html`<form class="inline upload"><label>Bewijsstuk (foto of PDF) <input type="file" name="file" accept="image/jpeg,image/png,application/pdf" capture="environment" data-field="file"></label>
      <button type="submit" class="secondary">Uploaden</button><div class="error" role="alert"></div></form>
      <form class="inline submit"><button type="submit">Indienen bij de docent</button><div class="error" role="alert"></div></form>`);
    const up = /** @type {HTMLFormElement & { file: HTMLInputElement }} */ (el.querySelector('form.upload'));
    onSubmit(up, async () => {
      const file = up.file.files?.[0];
      if (!file) throw fieldError('file', 'kies eerst een foto of PDF');
      await apiUpload(`/portfolio-items/${it.id}/evidence`, file);
      toast('Bewijsstuk geüpload');
      await reload();
    });
    onSubmit(/** @type {HTMLFormElement} */ (el.querySelector('form.submit')), async () => {
      await api(`/portfolio-items/${it.id}/submit`, { method: 'POST', body: { version: it.version } });
      toast('Ingediend; de docent beoordeelt het.');
      await reload();
    });
  } else if (!mine && it.status === 'submitted' && isRole('admin', 'coordinator', 'teacher')) {
    append(el, html`<form class="stack review"><label>Feedback voor de deelnemer <textarea name="feedback" data-field="feedback" rows="2" maxlength="4000"></textarea></label>
      <div class="error" role="alert"></div><p class="toolbar"><button type="submit" name="decision" value="approved">Goedkeuren</button> <button type="submit" name="decision" value="needs_revision" class="secondary">Aanpassen vragen</button></p></form>`);
    const form = /** @type {HTMLFormElement} */ (el.querySelector('form.review'));
    /** @type {string} */
    let decision = 'approved';
    form.querySelectorAll('button[name="decision"]').forEach((/** @type {HTMLButtonElement} */ b) => b.addEventListener('click', () => (decision = b.value)));
    onSubmit(form, async (v) => {
      if (decision === 'needs_revision' && !v.feedback) throw fieldError('feedback', 'schrijf wat de deelnemer moet aanpassen');
      await api(`/portfolio-items/${it.id}/review`, { method: 'POST', body: { decision, version: it.version, ...(v.feedback ? { feedback: v.feedback } : {}) } });
      toast(decision === 'approved' ? 'Goedgekeurd' : 'Aanpassing gevraagd');
      await reload();
    });
  }
}
