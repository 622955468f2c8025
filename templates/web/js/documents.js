// @ts-check
/* Documents made by the pipeline: a status with live progress, following a document as it is made (server-sent
   events read through fetch, since EventSource cannot send the bearer token; polling when the stream fails), and
   downloading with the token. Any page that requests a document can use these. */
import { api, ApiError } from './api.js';
import { html } from './html.js';
import { state } from './session.js';

/** @typedef {import('./types.js').DocumentView} DocumentView */

const FINAL = ['done', 'failed', 'expired'];
const STATUS = { pending: 'in de wachtrij', running: 'wordt gemaakt', done: 'klaar', failed: 'mislukt', expired: 'verlopen' };

/** The status as a badge, with the progress while it is being made and the Dutch error when it failed. @param {DocumentView} d */
export function documentStatus(d) {
  const cls = { done: 'good', failed: 'bad', running: 'warn' }[d.status] || '';
  const label = STATUS[d.status] || d.status;
  return html`<span class="badge ${cls}">${label}</span>${d.status === 'running' ? html` <progress max="100" value="${d.progress}" aria-label="Voortgang">${d.progress}%</progress> ${d.progress}%` : ''}${
    d.status === 'failed' && d.errorMessage ? html`<div class="field-error">${d.errorMessage}</div>` : ''
  }`;
}

/**
 * Calls onUpdate with the document each time it changes, until it is done, failed or expired. Returns a stop function.
 * @param {string} id @param {(d: DocumentView) => void} onUpdate
 */
export function followDocument(id, onUpdate) {
  const ctrl = new AbortController();
  let stopped = false;
  const poll = async () => {
    while (!stopped) {
      await new Promise((r) => setTimeout(r, 1000));
      if (stopped) return;
      try {
        const d = /** @type {DocumentView} */ (await api(`/documents/${id}`));
        onUpdate(d);
        if (FINAL.includes(d.status)) return;
      } catch {
        return;
      }
    }
  };
  (async () => {
    try {
      const res = await fetch(`/api/v1/documents/${id}/events`, { headers: { Accept: 'text/event-stream', Authorization: `Bearer ${state.token}` }, signal: ctrl.signal });
      if (!res.ok || !res.body) throw new Error(String(res.status));
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buf = '';
      let last = /** @type {DocumentView | null} */ (null);
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buf += value;
        let i;
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const event = buf.slice(0, i);
          buf = buf.slice(i + 2);
          const data = event.split('\n').find((l) => l.startsWith('data: '));
          if (event.startsWith('event: document') && data) {
            last = /** @type {DocumentView} */ (JSON.parse(data.slice(6)));
            onUpdate(last);
          }
        }
      }
      if (!stopped && (!last || !FINAL.includes(last.status))) await poll();
    } catch {
      if (!stopped) await poll();
    }
  })();
  return () => {
    stopped = true;
    ctrl.abort();
  };
}

/** The file name from Content-Disposition (filename* first). @param {string | null} header */
function fileNameOf(header) {
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header || '');
  if (star) return decodeURIComponent(star[1]);
  return /filename="([^"]*)"/i.exec(header || '')?.[1] || 'document';
}

/** Downloads a done document with the bearer token and offers it under its Dutch name. @param {string} id */
export async function downloadDocument(id) {
  const res = await fetch(`/api/v1/documents/${id}/download`, { headers: { Authorization: `Bearer ${state.token}` } });
  if (!res.ok) {
    const problem = await res.json().catch(() => ({}));
    throw new ApiError({ status: res.status, ...problem });
  }
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = fileNameOf(res.headers.get('content-disposition'));
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
