// What the administration screens share: a refusal of the API split into the fields it names, each shown next to its
// input, and the rest (status and detail) above the form.
import { html } from 'lit';
import { t, tData } from './i18n.js';
import { ApiError } from './api.js';

const REQUIRED = new Set(['must not be blank', 'must not be null', 'must not be empty']);

/** The fields a problem+json names, as { field: message }; empty for a refusal that names none. */
export function problemFields(e) {
  const fields = {};
  if (e instanceof ApiError && e.problem && Array.isArray(e.problem.errors)) {
    // a blank code breaks both "required" and its pattern: "required" is the one to show
    e.problem.errors.forEach((f) => { if (!REQUIRED.has(fields[f.field])) fields[f.field] = f.message; });
  }
  return fields;
}

/** The refusal as a line: the UI's words for its status, the server's detail as data. */
export function refusalLine(e, id) {
  if (!e) return '';
  const headline = !(e instanceof ApiError) ? t('admin.err.network')
    : e.status === 409 ? t('admin.err.conflict') : e.status === 422 ? t('admin.err.unprocessable')
      : e.status === 404 ? t('admin.err.notFound') : e.status === 403 ? t('admin.err.forbidden') : t('admin.err.refused');
  const type = e instanceof ApiError && e.problem && e.problem.type ? e.problem.type.replace(/^.*\//, '') : '';
  return html`<p class="error" id=${id} data-type=${type}>${headline} <span data-v class="detail">${e.message}</span></p>`;
}

/** The server's message for one field, next to it: "required" in the UI's words, any other as the server wrote it. */
export function fieldError(errors, field, prefix) {
  const m = errors && errors[field];
  if (!m) return '';
  const id = `error-${prefix}-${field.replace(/[[\].]/g, '-')}`;
  if (REQUIRED.has(m)) return html`<span class="error field-error" id=${id} data-field=${field}>${t('admin.err.required')}</span>`;
  return html`<span class="error field-error" id=${id} data-field=${field}>${tData('admin.err.other', m)}</span>`;
}

/** The value of the form's input of this name, trimmed; null when empty. */
export function value(form, name) {
  const input = form.elements[name];
  if (!input) return null;
  const v = String(input.value).trim();
  return v === '' ? null : v;
}
