// @ts-check
/* Page chrome every page uses: the main element, the title, toasts, clickable rows, field errors next to inputs. */
import { mount } from './html.js';
import { problemNl, summaryHtml } from './problems.js';

export const $app = document.getElementById('app');

/** @param {string} t */
export function setTitle(t) {
  document.title = `${t} — Koers`;
}

let toastTimer = 0;
/** @param {string} msg */
export function toast(msg) {
  const t = document.getElementById('toast');
  t.textContent = msg;
  t.classList.add('show');
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => t.classList.remove('show'), 4000);
}

/** Rows navigate on click; each row also has a real link for the keyboard. */
export function bindRowLinks(root = $app) {
  root.querySelectorAll('tr.clickable').forEach((/** @type {HTMLElement} */ tr) => {
    tr.onclick = (ev) => {
      if (/** @type {Element} */ (ev.target).closest('a, button, input, select, textarea, label')) return;
      location.hash = tr.dataset.href;
    };
  });
}

/** Puts each field error next to its input (`[data-field="x"]`); the rest goes into the form's alert. */
/** @param {HTMLFormElement} form @param {any} e @param {Element} alertEl */
export function showFormErrors(form, e, alertEl) {
  clearFormErrors(form);
  const { summary, fields } = problemNl(e);
  const rest = [];
  for (const f of fields) {
    const input = form.querySelector(`[data-field="${CSS.escape(f.field)}"]`);
    if (!input) {
      rest.push(f);
      continue;
    }
    const id = `err-${Math.random().toString(36).slice(2)}`;
    const span = document.createElement('span');
    span.className = 'field-error';
    span.id = id;
    span.textContent = f.message;
    if (input.matches('input, select, textarea')) {
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', id);
      // Below the input's label or input group (an input with a unit such as "min"), never between the two.
      (input.closest('label, .input-group') || input).insertAdjacentElement('afterend', span);
    } else {
      input.appendChild(span);
    }
  }
  // A conflict is about the whole record, not a field: offer a reload instead of listing "Versie".
  const conflict = e.problem?.code === 'version_conflict';
  mount(alertEl, summaryHtml(summary, conflict ? rest.filter((f) => f.field !== 'version') : rest));
  if (conflict) {
    const b = Object.assign(document.createElement('button'), { type: 'button', className: 'secondary small', textContent: 'Opnieuw laden' });
    b.onclick = () => window.dispatchEvent(new HashChangeEvent('hashchange'));
    alertEl.append(' ', b);
  }
  /** @type {HTMLElement | null} */ (form.querySelector('[aria-invalid="true"]'))?.focus();
}

/** @param {Element} form */
export function clearFormErrors(form) {
  form.querySelectorAll('.field-error').forEach((s) => s.remove());
  form.querySelectorAll('[aria-invalid]').forEach((i) => {
    i.removeAttribute('aria-invalid');
    i.removeAttribute('aria-describedby');
  });
}

/** A form's fields as trimmed strings (a checked checkbox is "on"). @param {HTMLFormElement} form @returns {Record<string, string>} */
export function formValues(form) {
  /** @type {Record<string, string>} */
  const out = {};
  new FormData(form).forEach((v, k) => {
    if (typeof v === 'string') out[k] = v.trim();
  });
  return out;
}

/**
 * Wires a form: on submit `fn(values)` runs with the submit button disabled; a refusal from the API lands next to the
 * fields it names, the rest in the form's `[role=alert]`.
 * @param {HTMLFormElement} form @param {(v: Record<string, string>) => Promise<unknown>} fn
 */
export function onSubmit(form, fn) {
  form.noValidate = true;
  form.onsubmit = async (ev) => {
    ev.preventDefault();
    clearFormErrors(form);
    const alertEl = form.querySelector('[role="alert"]') || form.appendChild(Object.assign(document.createElement('div'), { className: 'error' }));
    alertEl.setAttribute('role', 'alert');
    alertEl.textContent = '';
    const btn = /** @type {HTMLButtonElement | null} */ (ev.submitter || form.querySelector('button[type="submit"], button:not([type])'));
    if (btn) btn.disabled = true;
    try {
      await fn(formValues(form));
    } catch (e) {
      if (form.isConnected) showFormErrors(form, e, alertEl);
      else toast(problemNl(e).summary);
    } finally {
      if (btn) btn.disabled = false;
    }
  };
}

/** A client-side refusal shaped like the API's, so it shows the same way. @param {string} field @param {string} message */
export const fieldError = (field, message) => ({ problem: { status: 400, code: 'validation_failed', dutch: true, errors: [{ field, message }] } });
