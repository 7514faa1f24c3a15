// Sales, purchase and production orders: one list each, filtered by status.
import { html } from 'lit';
import { Screen } from './base.js';
import { t, tEnum } from './i18n.js';
import { api } from './api.js';
import { date, quantity } from './format.js';
import { pager } from './pager.js';

const KINDS = {
  sales: {
    path: '/api/sales-orders', label: 'orders.sales',
    statuses: ['DRAFT', 'CONFIRMED', 'PARTIALLY_SHIPPED', 'SHIPPED', 'CLOSED', 'CANCELLED'],
    head: () => [t('orders.number'), t('orders.customer'), t('orders.orderDate'), t('orders.status'), t('orders.lines'), t('orders.total')],
    row: (o) => html`<td data-v>${o.number}</td><td data-v>${o.customer}</td><td data-v>${date(o.orderDate)}</td>
      <td>${tEnum('status', o.status)}</td><td class="num">${o.lines.length}</td><td class="num" data-v>${quantity(o.total)} ${o.currency}</td>`,
  },
  purchase: {
    path: '/api/purchase-orders', label: 'orders.purchase',
    statuses: ['DRAFT', 'RELEASED', 'PARTIALLY_RECEIVED', 'RECEIVED', 'CLOSED', 'CANCELLED'],
    head: () => [t('orders.number'), t('orders.supplier'), t('orders.orderDate'), t('orders.status'), t('orders.lines'), t('orders.total')],
    row: (o) => html`<td data-v>${o.number}</td><td data-v>${o.supplier}</td><td data-v>${date(o.orderDate)}</td>
      <td>${tEnum('status', o.status)}</td><td class="num">${o.lines.length}</td><td class="num" data-v>${quantity(o.total)} ${o.currency}</td>`,
  },
  production: {
    path: '/api/production-orders', label: 'orders.production',
    statuses: ['PLANNED', 'RELEASED', 'COMPLETED', 'CANCELLED'],
    head: () => [t('orders.number'), t('orders.item'), t('orders.quantity'), t('orders.completed'), t('orders.start'),
      t('orders.due'), t('orders.status'), t('orders.priority'), t('orders.origin')],
    row: (o) => html`<td data-v>${o.number}</td><td data-v>${o.itemCode}</td><td class="num" data-v>${quantity(o.quantity)} ${o.unit}</td>
      <td class="num" data-v>${quantity(o.completedQuantity)}</td><td data-v>${date(o.startDate)}</td><td data-v>${date(o.dueDate)}</td>
      <td>${tEnum('status', o.status)}</td><td class="num">${o.priority}</td><td>${tEnum('origin', o.origin)}</td>`,
  },
};

class PlOrders extends Screen {
  static properties = { me: { attribute: false }, kind: { state: true }, status: { state: true }, page: { state: true }, error: { state: true } };

  constructor() {
    super();
    this.kind = 'sales';
    this.status = '';
  }

  connectedCallback() {
    super.connectedCallback();
    this.load(0);
  }

  async load(pageNo) {
    try {
      this.page = null;
      this.page = await api(KINDS[this.kind].path, { query: { page: pageNo, size: 20, status: this.status } });
      this.error = null;
    } catch (e) {
      this.error = e.message;
    }
  }

  show(kind) {
    this.kind = kind;
    this.status = '';
    this.load(0);
  }

  render() {
    const kind = KINDS[this.kind];
    const p = this.page;
    return html`<div class="tabs" role="tablist">${Object.entries(KINDS).map(([k, v]) => html`
        <button role="tab" id=${`tab-${k}`} aria-selected=${k === this.kind} class=${k === this.kind ? 'active' : ''}
          @click=${() => this.show(k)}>${t(v.label)}</button>`)}</div>
      <h2>${t(kind.label)}</h2>
      <div class="filters"><label>${t('orders.status')}
        <select id="order-status" @change=${(e) => { this.status = e.target.value; this.load(0); }}>
          <option value="" ?selected=${!this.status}>${t('common.all')}</option>
          ${kind.statuses.map((s) => html`<option value=${s} ?selected=${s === this.status}>${tEnum('status', s)}</option>`)}
        </select></label></div>
      ${this.error ? html`<p class="error">${t('common.error', this.error)}</p>` : ''}
      ${!p ? html`<p>${t('common.loading')}</p>` : !p.items.length ? html`<p>${t('common.none')}</p>` : html`
        <table id="orders-table"><thead><tr>${kind.head().map((h) => html`<th>${h}</th>`)}</tr></thead>
          <tbody>${p.items.map((o) => html`<tr>${kind.row(o)}</tr>`)}</tbody></table>
        ${pager(p, (n) => this.load(n))}`}`;
  }
}
customElements.define('pl-orders', PlOrders);
