/* Page chrome every page uses: the main element, the title, toasts, clickable rows, field errors next to inputs. */
import { problemNl, summaryHtml } from './problems.js';

export const $app = document.getElementById('app');

export function setTitle(t) {
  document.title = `${t} — Koers`;
}

export function toast(msg) {
  const t = document.getElementById('toast');
  t.textContent = msg;
  t.classList.add('show');
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => t.classList.remove('show'), 4000);
}

/** Rows navigate on click; each row also has a real link for the keyboard. */
export function bindRowLinks(root = $app) {
  root.querySelectorAll('tr.clickable').forEach((tr) => {
    tr.onclick = (ev) => {
      if (ev.target.closest('a, button, input, select, textarea, label')) return;
      location.hash = tr.dataset.href;
    };
  });
}

/** Puts each field error next to its input (`[data-field="x"]`); the rest goes into the form's alert. */
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
  alertEl.innerHTML = summaryHtml(summary, rest);
  form.querySelector('[aria-invalid="true"]')?.focus();
}

export function clearFormErrors(form) {
  form.querySelectorAll('.field-error').forEach((s) => s.remove());
  form.querySelectorAll('[aria-invalid]').forEach((i) => {
    i.removeAttribute('aria-invalid');
    i.removeAttribute('aria-describedby');
  });
}
