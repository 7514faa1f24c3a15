// Inputs that follow the UI's language rather than the browser's: a browser's own date widget formats dates in the
// browser's locale (mm/dd/yyyy in an American Chromium showing the Chinese UI), so dates are typed as yyyy-mm-dd.
import { html } from 'lit';
import { t } from './i18n.js';

export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** A plant calendar date as yyyy-mm-dd, the form the API takes, with the format named in the UI's language. */
export function dateInput(name, value, { required = false } = {}) {
  return html`<input name=${name} class="date-input" .value=${value || ''} placeholder=${t('common.dateFormat')}
    pattern="\\d{4}-\\d{2}-\\d{2}" title=${t('common.dateFormat')} inputmode="numeric" size="10" ?required=${required}>`;
}

/** Whether a typed date is empty (allowed where the field is optional) or a real yyyy-mm-dd date. */
export function validDate(text) {
  if (!text) return true;
  if (!DATE_PATTERN.test(text)) return false;
  const [y, m, d] = text.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}
