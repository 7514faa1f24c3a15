import { html } from 'lit';
import { t } from './i18n.js';

/** Previous/next for a page of the API ({items, page, size, total}). */
export function pager(page, go) {
  if (!page || page.total <= page.size) return '';
  const pages = Math.max(1, Math.ceil(page.total / page.size));
  return html`<div class="pager">
    <button ?disabled=${page.page === 0} @click=${() => go(page.page - 1)}>${t('common.previous')}</button>
    <span>${t('common.page', page.page + 1, pages, page.total)}</span>
    <button ?disabled=${page.page + 1 >= pages} @click=${() => go(page.page + 1)}>${t('common.next')}</button>
  </div>`;
}
