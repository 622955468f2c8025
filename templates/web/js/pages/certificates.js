// @ts-check
/* Certificates on the learner page, the group page and "Mijn certificaten": request, follow the worker's progress,
   download, revoke (coordinators). Every text reaches the page through textContent (el). */
import { api } from '../api.js';
import { fmtDate, fmtHours, fullName } from '../format.js';
import { problemNl } from '../problems.js';
import { isRole, state } from '../session.js';
import { $app, setTitle, toast } from '../ui.js';

export const KIND_NL = { level: 'Taalniveau', participation: 'Deelname (uren)', completion: 'Traject afgerond' };
const SKILL_NL = { reading: 'lezen', listening: 'luisteren', writing: 'schrijven', speaking: 'spreken', knm: 'KNM', map: 'MAP', ona: 'ONA' };
const ISSUERS = ['admin', 'coordinator', 'teacher'];
/** The certificate rules' refusals, as the page says them. */
const CODE_NL = {
  certificate_no_levels: 'Er is nog geen behaald niveau (alleen behaalde toetsen en examens tellen).',
  certificate_no_hours: 'Er zijn in deze periode geen lesuren gevolgd.',
  certificate_trajectory_not_completed: 'Het traject is nog niet afgerond.',
  certificate_completion_exists: 'Er is al een geldig certificaat voor de afronding van dit traject.',
  certificate_text_unprintable: 'De naam bevat tekens die het certificaat niet kan afdrukken; corrigeer de naam eerst.',
  certificate_revoked: 'Dit certificaat is ingetrokken.',
  certificate_group_none_eligible: 'Geen enkele deelnemer van de groep komt in aanmerking.',
};
/** @param {any} e */
const problemText = (e) => CODE_NL[e?.problem?.code] || problemNl(e).summary;

/** @param {string} tag @param {Record<string, string>} [attrs] @param {...(Node | string | null | undefined | false)} children */
function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const c of children) if (c !== null && c !== undefined && c !== false && c !== '') e.append(c);
  return e;
}

/** What a certificate states, in one line. @param {any} c */
function factsText(c) {
  const f = c.facts || {};
  if (c.kind === 'level') return (f.levels || []).map((/** @type {any} */ l) => `${SKILL_NL[l.skill] || l.skill} ${l.level || 'behaald'}`).join(', ');
  if (c.kind === 'participation' && f.hours) {
    const { physicalMinutes: p, onlineMinutes: o } = f.hours;
    return `${fmtHours(p + o)} uur (${fmtHours(p)} op locatie, ${fmtHours(o)} online), ${fmtDate(c.periodFrom)} – ${fmtDate(c.periodTo)}`;
  }
  if (c.kind === 'completion') return `${f.product?.name || ''}, afgerond op ${fmtDate(f.endDate)}`;
  return '';
}

/** Follows a document until it is done or failed, showing progress in `status`; then offers the download. @param {any} doc @param {HTMLElement} status */
export async function followDocument(doc, status) {
  const bar = el('progress', { max: '100', value: String(doc.progress ?? 0), 'aria-label': 'Voortgang' });
  const text = el('span', {}, 'Wordt gemaakt…');
  status.replaceChildren(bar, ' ', text);
  for (let i = 0; i < 1200 && !['done', 'failed', 'expired'].includes(doc.status); i++) {
    await new Promise((r) => setTimeout(r, 500));
    doc = await api(`/documents/${doc.id}`);
    bar.setAttribute('value', String(doc.progress ?? 0));
    text.textContent = `Wordt gemaakt… ${doc.progress ?? 0}%`;
  }
  if (doc.status !== 'done') {
    status.replaceChildren(el('span', { class: 'error' }, doc.status === 'failed' ? `Mislukt: ${doc.errorMessage || 'probeer het opnieuw'}` : 'Het document is niet klaar gekomen; probeer het opnieuw.'));
    return;
  }
  const link = el('a', { href: '#', class: 'button' }, `Downloaden: ${doc.fileName}`);
  link.addEventListener('click', (ev) => {
    ev.preventDefault();
    void download(doc, status);
  });
  status.replaceChildren(el('span', { class: 'badge good' }, 'Klaar'), ' ', link);
}

/** @param {any} doc @param {HTMLElement} status */
async function download(doc, status) {
  const res = await fetch(doc.downloadUrl, { headers: { Authorization: `Bearer ${state.token}` } }).catch(() => null);
  if (!res || !res.ok) {
    status.append(' ', el('span', { class: 'error' }, 'Downloaden lukte niet.'));
    return;
  }
  const url = URL.createObjectURL(await res.blob());
  const a = el('a', { href: url, download: doc.fileName || 'certificaat.pdf' });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** One certificate as a table row with its actions. @param {any} c @param {() => void} reload @param {{ showHolder?: boolean }} opts */
function row(c, reload, opts) {
  const status = el('div', { role: 'status', 'aria-live': 'polite' });
  const actions = el('div', { class: 'toolbar' });
  const revoked = c.status === 'revoked';
  const button = (/** @type {string} */ label, /** @type {() => Promise<void>} */ fn, cls = 'secondary small') => {
    const b = el('button', { type: 'button', class: cls }, label);
    b.addEventListener('click', async () => {
      b.setAttribute('disabled', '');
      try {
        await fn();
      } catch (e) {
        status.replaceChildren(el('span', { class: 'error' }, problemText(e)));
      } finally {
        b.removeAttribute('disabled');
      }
    });
    return b;
  };
  if (!revoked) {
    actions.append(button('Downloaden', async () => followDocument(await api(`/certificates/${c.id}/document`, { method: 'POST' }), status)));
    if (isRole(...ISSUERS)) {
      actions.append(button('Opnieuw maken', async () => {
        const r = /** @type {any} */ (await api(`/certificates/${c.id}/regenerate`, { method: 'POST' }));
        await followDocument(r.document, status);
      }));
    }
    if (isRole('admin', 'coordinator')) actions.append(revokeForm(c, status, reload));
  }
  const badge = revoked
    ? el('span', {}, el('span', { class: 'badge bad' }, 'Ingetrokken'), ` op ${fmtDate(String(c.revokedAt).slice(0, 10))}: ${c.revocationReason || ''}`)
    : el('span', { class: 'badge good' }, 'Geldig');
  return el(
    'tr',
    {},
    el('td', {}, c.number),
    opts.showHolder ? el('td', {}, fullName(c.learner)) : null,
    el('td', {}, KIND_NL[c.kind] || c.kind),
    el('td', {}, fmtDate(c.issueDate)),
    el('td', {}, factsText(c)),
    el('td', {}, badge),
    el('td', {}, actions, status),
  );
}

/** "Intrekken" opens a small form asking the reason. @param {any} c @param {HTMLElement} status @param {() => void} reload */
function revokeForm(c, status, reload) {
  const details = el('details', { class: 'revoke' }, el('summary', {}, 'Intrekken'));
  const reason = el('input', { type: 'text', name: 'reason', required: '', maxlength: '500', 'data-field': 'reason' });
  const form = el('form', { class: 'inline' }, el('label', {}, 'Reden', reason), el('button', { type: 'submit', class: 'small' }, 'Certificaat intrekken'));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    try {
      await api(`/certificates/${c.id}/revoke`, { method: 'POST', body: { reason: /** @type {HTMLInputElement} */ (reason).value } });
      toast(`Certificaat ${c.number} is ingetrokken.`);
      reload();
    } catch (e) {
      status.replaceChildren(el('span', { class: 'error' }, problemText(e)));
    }
  });
  details.append(form);
  return details;
}

/** The table of certificates matching `query` (GET /certificates). @param {HTMLElement} box @param {string} query @param {{ showHolder?: boolean }} opts */
async function certificateList(box, query, opts = {}) {
  const load = async () => {
    const page = /** @type {any} */ (await api(`/certificates?${query}&pageSize=50`));
    if (!page.items.length) {
      box.replaceChildren(el('p', {}, 'Nog geen certificaten.'));
      return;
    }
    const head = el('tr', {}, ...['Nummer', opts.showHolder ? 'Deelnemer' : null, 'Soort', 'Uitgegeven', 'Inhoud', 'Status', ''].filter((h) => h !== null).map((h) => el('th', { scope: 'col' }, /** @type {string} */ (h))));
    const body = el('tbody', {}, ...page.items.map((/** @type {any} */ c) => row(c, () => void load(), opts)));
    box.replaceChildren(el('div', { class: 'table-wrap' }, el('table', {}, el('thead', {}, head), body)));
  };
  await load();
  return load;
}

/** Kind, and for participation the period, as form fields. */
function kindFields() {
  const kind = el('select', { name: 'kind', 'data-field': 'kind' }, ...Object.entries(KIND_NL).map(([v, t]) => el('option', { value: v }, t)));
  const from = el('input', { type: 'date', name: 'from', 'data-field': 'from' });
  const to = el('input', { type: 'date', name: 'to', 'data-field': 'to' });
  const period = el('span', { class: 'period', hidden: '' }, el('label', {}, 'Van (leeg: start traject)', from), ' ', el('label', {}, 'Tot en met (leeg: einde of vandaag)', to));
  kind.addEventListener('change', () => period.toggleAttribute('hidden', /** @type {HTMLSelectElement} */ (kind).value !== 'participation'));
  const value = () => {
    /** @type {Record<string, string>} */
    const body = { kind: /** @type {HTMLSelectElement} */ (kind).value };
    if (body.kind === 'participation') {
      if (/** @type {HTMLInputElement} */ (from).value) body.from = /** @type {HTMLInputElement} */ (from).value;
      if (/** @type {HTMLInputElement} */ (to).value) body.to = /** @type {HTMLInputElement} */ (to).value;
    }
    return body;
  };
  return { nodes: [el('label', {}, 'Soort certificaat', kind), period], value };
}

/**
 * The "Certificaten" card of a learner page: the learner's certificates and, for teachers and coordinators, a request
 * form per trajectory. @param {HTMLElement} card @param {string} learnerId @param {Array<{ id: string, product?: { name?: string }, status: string }>} trajectories
 */
export async function certificatesPanel(card, learnerId, trajectories) {
  const list = el('div', {}, el('p', {}, 'Laden…'));
  card.replaceChildren(el('h2', {}, 'Certificaten'), list);
  const reload = await certificateList(list, `learnerId=${encodeURIComponent(learnerId)}`);
  if (!isRole(...ISSUERS) || !trajectories.length) return;
  const trajectory = el('select', { name: 'trajectoryId', 'data-field': 'trajectoryId' }, ...trajectories.map((t) => el('option', { value: t.id }, `${t.product?.name || 'traject'} (${t.status})`)));
  const fields = kindFields();
  const status = el('div', { role: 'status', 'aria-live': 'polite' });
  const form = el('form', { class: 'inline' }, el('label', {}, 'Traject', trajectory), ...fields.nodes, el('button', { type: 'submit' }, 'Certificaat aanvragen'));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    try {
      const r = /** @type {any} */ (await api('/certificates', { method: 'POST', body: { trajectoryId: /** @type {HTMLSelectElement} */ (trajectory).value, ...fields.value() } }));
      toast(`Certificaat ${r.certificate.number} aangevraagd.`);
      await reload();
      await followDocument(r.document, status);
    } catch (e) {
      status.replaceChildren(el('span', { class: 'error' }, problemText(e)));
    }
  });
  card.append(el('h3', {}, 'Nieuw certificaat'), form, status);
}

/** #/groups/:id/certificates: one kind for the whole group (a zip of all PDFs), and the group's certificates. @param {string} groupId */
export async function groupCertificatesPage(groupId) {
  const group = /** @type {any} */ (await api(`/groups/${groupId}`));
  setTitle(`Certificaten ${group.name}`);
  const fields = kindFields();
  const status = el('div', { role: 'status', 'aria-live': 'polite' });
  const skipped = el('div', {});
  const list = el('div', {}, el('p', {}, 'Laden…'));
  const form = el('form', { class: 'inline' }, ...fields.nodes, el('button', { type: 'submit' }, 'Voor de hele groep aanvragen'));
  $app.replaceChildren(
    el('p', { class: 'crumbs' }, el('a', { href: `#/groups/${groupId}` }, `← ${group.name}`)),
    el('h1', {}, 'Certificaten ', el('span', { class: 'sub' }, `${group.name} (${group.code})`)),
    el('section', { class: 'card' }, el('h2', {}, 'Aanvragen voor alle deelnemers'), el('p', { class: 'muted' }, 'Deelnemers die (nog) niet in aanmerking komen, worden overgeslagen met de reden.'), form, status, skipped),
    el('section', { class: 'card' }, el('h2', {}, 'Certificaten van deze groep'), list),
  );
  const reload = await certificateList(list, `groupId=${encodeURIComponent(groupId)}`, { showHolder: true });
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    skipped.replaceChildren();
    try {
      const r = /** @type {any} */ (await api(`/groups/${groupId}/certificates`, { method: 'POST', body: fields.value() }));
      toast(`${r.certificates.length} certificaten aangevraagd.`);
      if (r.skipped.length) {
        skipped.replaceChildren(el('h3', {}, `Overgeslagen (${r.skipped.length})`), el('ul', { class: 'plain' }, ...r.skipped.map((/** @type {any} */ s) => el('li', {}, `${s.learnerName}: ${CODE_NL[s.code] || s.reason}`))));
      }
      await reload();
      await followDocument(r.document, status);
    } catch (e) {
      status.replaceChildren(el('span', { class: 'error' }, problemText(e)));
    }
  });
}

/** A learner's own certificates (on "Mijn traject"). */
export async function myCertificates() {
  const card = el('section', { class: 'card', id: 'my-certificates' }, el('h2', {}, 'Mijn certificaten'));
  $app.append(card);
  const list = el('div', {}, el('p', {}, 'Laden…'));
  card.append(list);
  await certificateList(list, `learnerId=${encodeURIComponent(state.user.learnerId || '')}`);
}
