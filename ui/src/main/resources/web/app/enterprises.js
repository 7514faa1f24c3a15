// The pilot enterprises the caller may read (the bureau and the platform administrator: all of them).
import { html } from 'lit';
import { Screen } from './base.js';
import { t, tEnum } from './i18n.js';
import { api } from './api.js';
import { date } from './format.js';
import { pager } from './pager.js';

class PlEnterprises extends Screen {
  static properties = { me: { attribute: false }, page: { state: true }, error: { state: true } };

  connectedCallback() {
    super.connectedCallback();
    this.load(0);
  }

  async load(pageNo) {
    try {
      this.page = await api('/api/enterprises', { query: { page: pageNo, size: 20 } });
    } catch (e) {
      this.error = e.message;
    }
  }

  render() {
    const p = this.page;
    return html`<h2>${t('enterprises.title')}</h2>
      ${this.error ? html`<p class="error">${t('common.error', this.error)}</p>` : ''}
      ${!p ? html`<p>${t('common.loading')}</p>` : html`
      <table id="enterprises-table"><thead><tr><th>${t('enterprises.code')}</th><th>${t('enterprises.name')}</th>
        <th>${t('enterprises.type')}</th><th>${t('enterprises.pilotSince')}</th><th>${t('enterprises.zone')}</th></tr></thead>
        <tbody>${p.items.map((e) => html`<tr><td data-v>${e.code}</td><td data-v class="name">${e.name}</td>
          <td>${tEnum('mfgType', e.manufacturingType)}</td><td data-v>${date(e.pilotSince)}</td><td data-v>${e.timeZone}</td></tr>`)}
        </tbody></table>${pager(p, (n) => this.load(n))}`}`;
  }
}
customElements.define('pl-enterprises', PlEnterprises);
