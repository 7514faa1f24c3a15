// Items with their multi-level BOM (indented table and ECharts tree) and where-used.
import { html } from 'lit';
import * as echarts from 'echarts/core';
import { TreeChart } from 'echarts/charts';
import { TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { Screen } from './base.js';
import { t, tData, tEnum } from './i18n.js';
import { api } from './api.js';
import { date, plantToday, quantity } from './format.js';
import { pager } from './pager.js';
import { dateInput, validDate } from './inputs.js';

echarts.use([TreeChart, TooltipComponent, CanvasRenderer]);

/** The explosion's rows (paths 1, 1.2, 1.2.1 …) as nested tree nodes under the item itself. */
export function explosionTree(item, rows) {
  const root = { name: item.code, children: [] };
  const byPath = new Map([['', root]]);
  for (const row of rows) {
    const parentPath = row.path.includes('.') ? row.path.slice(0, row.path.lastIndexOf('.')) : '';
    const node = { name: `${row.code} × ${row.extendedQuantity}`, children: [] };
    byPath.set(row.path, node);
    (byPath.get(parentPath) || root).children.push(node);
  }
  return root;
}

/** Pixels a tree label of 12 px text needs, with its gap to the node. */
function labelRoom(text) {
  return Math.min(320, 20 + 7.5 * String(text).length);
}

class PlItems extends Screen {
  static properties = {
    me: { attribute: false }, page: { state: true }, query: { state: true }, selected: { state: true },
    explosion: { state: true }, whereUsed: { state: true }, bomDate: { state: true }, bomQuantity: { state: true },
    multiLevel: { state: true }, error: { state: true },
  };

  constructor() {
    super();
    this.query = '';
    this.bomQuantity = '1';
    this.multiLevel = false;
  }

  connectedCallback() {
    super.connectedCallback();
    this.bomDate = plantToday();
    this.load(0);
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    if (this.chart) this.chart.dispose();
  }

  async load(pageNo) {
    // Only the answer to the latest request is shown: an earlier, slower one must not overwrite a search.
    const request = (this.request = (this.request || 0) + 1);
    try {
      const page = await api('/api/items', { query: { page: pageNo, size: 20, sort: 'code', q: this.query } });
      if (request !== this.request) return;
      this.page = page;
      this.error = null;
    } catch (e) {
      this.error = e.message;
    }
  }

  async select(item) {
    this.selected = item;
    await Promise.all([this.loadExplosion(), this.loadWhereUsed()]);
  }

  async loadExplosion() {
    const id = this.selected.id;
    this.explosion = await api(`/api/items/${id}/explosion`, { query: { date: this.bomDate, quantity: this.bomQuantity } });
  }

  async loadWhereUsed() {
    this.whereUsed = await api(`/api/items/${this.selected.id}/where-used`,
      { query: { date: this.bomDate, multiLevel: this.multiLevel } });
  }

  updated() {
    const el = this.querySelector('#bom-chart');
    if (!el || !this.explosion || !this.explosion.length) {
      if (this.chart) { this.chart.dispose(); this.chart = null; }
      return;
    }
    if (!this.chart || this.chart.getDom() !== el) this.chart = echarts.init(el);
    const depth = Math.max(...this.explosion.map((r) => r.level));
    el.style.height = `${Math.max(220, Math.min(900, (this.explosion.length + 1) * 26))}px`;
    this.chart.resize();
    this.chart.setOption({
      tooltip: { trigger: 'item' },
      series: [{
        // the root's label stands left of it and the leaves' right of them: room for the longest, so none is cut off
        type: 'tree', data: [explosionTree(this.selected, this.explosion)], top: 10, bottom: 10,
        left: labelRoom(this.selected.code), right: Math.max(...this.explosion.map((r) => labelRoom(`${r.code} × ${r.extendedQuantity}`))), initialTreeDepth: depth + 1, symbolSize: 8, expandAndCollapse: true,
        label: { position: 'left', verticalAlign: 'middle', align: 'right', fontSize: 12 },
        leaves: { label: { position: 'right', align: 'left' } },
      }],
    }, true);
  }

  search(event) {
    event.preventDefault();
    this.query = event.target.q.value;
    this.load(0);
  }

  list() {
    const p = this.page;
    return html`<form class="filters" @submit=${this.search}>
        <input name="q" id="item-search" .value=${this.query} placeholder=${t('common.search')}>
        <button type="submit">${t('common.search')}</button>
      </form>
      ${!p ? html`<p>${t('common.loading')}</p>` : !p.items.length ? html`<p>${t('common.none')}</p>` : html`
      <table id="items-table">
        <thead><tr><th>${t('items.code')}</th><th>${t('items.name')}</th><th>${t('items.type')}</th>
          <th>${t('items.sourcing')}</th><th>${t('items.unit')}</th><th>${t('items.leadTime')}</th></tr></thead>
        <tbody>${p.items.map((i) => html`<tr class=${this.selected && this.selected.id === i.id ? 'selected' : ''}
            @click=${() => this.select(i)} data-item=${i.code}>
          <td data-v><a href="javascript:void 0">${i.code}</a></td><td data-v class="name">${i.name}</td><td>${tEnum('itemType', i.type)}</td>
          <td>${tEnum('sourcing', i.sourcing)}</td><td data-v>${i.stockUnit}</td><td class="num">${i.leadTimeDays}</td></tr>`)}
        </tbody></table>
      ${pager(p, (n) => this.load(n))}`}`;
  }

  bom() {
    const rows = this.explosion;
    return html`<section id="bom">
      <h3>${tData('bom.title', this.selected.code)}</h3>
      <form class="filters" @change=${(e) => {
        if (e.target.name === 'bomDate' && (!e.target.value || !validDate(e.target.value))) return;
        this[e.target.name] = e.target.value; this.loadExplosion(); this.loadWhereUsed();
      }}
            @submit=${(e) => e.preventDefault()}>
        <label>${t('bom.date')} ${dateInput('bomDate', this.bomDate, { required: true })}</label>
        <label>${t('bom.quantity')} <input type="number" min="0" step="any" name="bomQuantity" .value=${this.bomQuantity}></label>
      </form>
      ${!rows ? html`<p>${t('common.loading')}</p>` : !rows.length ? html`<p>${t('bom.empty')}</p>` : html`
      <div id="bom-chart" class="chart" aria-label=${t('bom.chart')}></div>
      <table id="bom-table">
        <thead><tr><th>${t('bom.level')}</th><th>${t('items.code')}</th><th>${t('items.name')}</th>
          <th>${t('bom.quantityPer')}</th><th>${t('bom.scrap')}</th><th>${t('bom.extended')}</th><th>${t('items.unit')}</th>
          <th>${t('bom.phantom')}</th><th>${t('bom.structure')}</th></tr></thead>
        <tbody>${rows.map((r) => html`<tr data-path=${r.path} data-level=${r.level}>
          <td class="num">${r.level}</td>
          <td data-v class="code" style=${`padding-left:${(r.level - 1) * 1.2 + 0.4}em`}>${r.code}</td>
          <td data-v class="name">${r.name}</td><td class="num" data-v>${quantity(r.quantityPer)}</td>
          <td class="num" data-v>${quantity(r.scrapFactor)}</td><td class="num extended" data-v>${quantity(r.extendedQuantity)}</td>
          <td data-v>${r.unit}</td><td>${r.phantom ? t('common.yes') : ''}</td><td data-v>${r.structure ?? ''}</td></tr>`)}
        </tbody></table>`}
    </section>`;
  }

  whereUsedSection() {
    const rows = this.whereUsed;
    return html`<section id="where-used">
      <h3>${t('whereUsed.title')}</h3>
      <label><input type="checkbox" id="multi-level" .checked=${this.multiLevel}
        @change=${(e) => { this.multiLevel = e.target.checked; this.loadWhereUsed(); }}> ${t('whereUsed.multiLevel')}</label>
      ${!rows ? '' : !rows.length ? html`<p>${t('whereUsed.empty')}</p>` : html`
      <table id="where-used-table">
        <thead><tr><th>${t('bom.level')}</th><th>${t('whereUsed.parent')}</th><th>${t('items.name')}</th>
          <th>${t('whereUsed.kind')}</th><th>${t('whereUsed.revision')}</th><th>${t('whereUsed.validFrom')}</th>
          <th>${t('whereUsed.validTo')}</th><th>${t('bom.quantityPer')}</th></tr></thead>
        <tbody>${rows.map((r) => html`<tr>
          <td class="num">${r.level}</td><td data-v>${r.parentCode}</td><td data-v class="name">${r.parentName}</td>
          <td>${tEnum('structureKind', r.kind)}</td><td data-v>${r.revision}</td><td data-v>${date(r.validFrom)}</td>
          <td data-v>${date(r.validTo)}</td><td class="num" data-v>${quantity(r.quantityPer)}</td></tr>`)}
        </tbody></table>`}
    </section>`;
  }

  render() {
    return html`<h2>${t('items.title')}</h2>
      ${this.error ? html`<p class="error">${t('common.error', this.error)}</p>` : ''}
      <div class="split">
        <div class="pane">${this.list()}</div>
        <div class="pane">${this.selected ? html`${this.bom()}${this.whereUsedSection()}` : html`<p>${t('items.select')}</p>`}</div>
      </div>`;
  }
}
customElements.define('pl-items', PlItems);
