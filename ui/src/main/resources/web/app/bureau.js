// The bureau's dashboard: the programme's enterprises side by side for a month (filtered by industry and manufacturing
// type, sorted by any column, a page at a time), with their peer percentiles, an enterprise's trend, the drill-down to
// its work centers, the monthly snapshots and their Excel workbook — all from /api/kpi/bureau.
import { html } from 'lit';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { Screen } from './base.js';
import { t, tEnum, language } from './i18n.js';
import { api, ApiError } from './api.js';
import { dateTime, fromWall, quantity, toWall } from './format.js';
import { compareRows, sortHeader } from './table-sort.js';
import './demo-progress.js';
import './bureau-workcenters.js';
import './bureau-programme.js';
import './bureau-records.js';

echarts.use([BarChart, LineChart, DataZoomComponent, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** Rows of the comparison table a page. */
const PAGE_SIZE = 20;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The KPIs the table shows beside the chosen one. */
const HEADLINE = ['OEE', 'AVAILABILITY', 'QUALITY_RATIO', 'ON_TIME_DELIVERY'];

/** The month (yyyy-mm) of the plant's wall clock now. */
function currentMonth() {
  const d = new Date(toWall(Date.now()));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

function shiftMonth(month, by) {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + by, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The month as [from, to) instants: its first midnight of the plant to the next month's, or to now in this month. */
function monthSpan(month) {
  const [y, m] = month.split('-').map(Number);
  const from = fromWall(Date.UTC(y, m - 1, 1));
  // the current month up to its last whole hour: the comparison is then read from the roll-ups alone (a period that
  // ends inside an hour has that part computed from every machine's raw history)
  const to = Math.max(Math.min(fromWall(Date.UTC(y, m, 1)), Math.floor(Date.now() / 3600000) * 3600000), from + 3600000);
  return { from: new Date(from).toISOString(), to: new Date(to).toISOString() };
}

function valueOf(list, code) {
  const found = (list || []).find((k) => k.code === code);
  return found ? found.value : null;
}

function shown(value) {
  return value === null || value === undefined ? '–' : quantity(value);
}

class PlBureau extends Screen {
  static properties = {
    me: { attribute: false }, month: { state: true }, kpi: { state: true }, definitions: { state: true },
    comparison: { state: true }, peers: { state: true }, snapshots: { state: true }, selected: { state: true },
    trend: { state: true }, loading: { state: true }, error: { state: true }, download: { state: true },
    filed: { state: true }, industry: { state: true }, type: { state: true }, sort: { state: true },
    page: { state: true }, drilled: { state: true }, tab: { state: true },
  };

  constructor() {
    super();
    this.month = currentMonth();
    this.kpi = 'OEE';
    this.charts = {};
    this.industry = '';
    this.type = '';
    this.sort = { key: 'code', descending: false };
    this.page = 0;
    this.drilled = null;
    this.tab = 'kpi';
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    Object.values(this.charts).forEach((c) => c.dispose());
    this.charts = {};
  }

  async load() {
    const month = this.month;
    this.loading = true;
    this.error = null;
    this.download = null;
    this.filed = null;
    try {
      if (!this.definitions) this.definitions = await api('/api/kpi/definitions');
      const { from, to } = monthSpan(month);
      const [comparison, peers, snapshots] = await Promise.all([
        api('/api/kpi/bureau/enterprises', { query: { from, to } }),
        api('/api/kpi/bureau/peers', { query: { month } }),
        api(`/api/kpi/bureau/snapshots/${month}`)]);
      if (month !== this.month) return;
      this.comparison = comparison;
      this.peers = peers;
      this.snapshots = snapshots;
      const codes = comparison.enterprises.map((e) => e.code);
      if (!codes.includes(this.selected)) this.selected = codes[0] || null;
      await this.loadTrend();
    } catch (e) {
      this.error = e.message;
    } finally {
      this.loading = false;
    }
  }

  /** The chosen enterprise's day buckets of the month (its enterprise roll-up). */
  async loadTrend() {
    if (!this.selected) { this.trend = null; return; }
    const { from, to } = monthSpan(this.month);
    try {
      this.trend = await api(`/api/kpi/bureau/enterprises/${encodeURIComponent(this.selected)}/trend`,
        { query: { grain: 'DAY', from, to } });
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      this.trend = null;
      this.error = e.message;
    }
  }

  setMonth(month) {
    if (!/^\d{4}-\d{2}$/.test(month) || month > currentMonth()) return;
    this.month = month;
    this.load();
  }

  select(code) {
    this.selected = code;
    this.loadTrend();
  }

  kpiName(code) {
    const d = (this.definitions || []).find((k) => k.code === code);
    if (!d) return code;
    return language() === 'en' ? d.nameEn : d.nameZh;
  }

  kpiUnit(code) {
    const d = (this.definitions || []).find((k) => k.code === code);
    return d ? d.unit : '';
  }

  peerOf(code) {
    return ((this.peers && this.peers.enterprises) || []).find((e) => e.code === code);
  }

  /** The value of the row of enterprise `e` that column `key` sorts by. */
  sortValue(e, key) {
    if (['code', 'name', 'industry'].includes(key)) return e[key] || null;
    if (key === 'type') return e.manufacturingType;
    if (key === 'industryPercentile' || key === 'typePercentile') {
      const p = this.peerOf(e.code);
      const v = p && p.kpis.find((k) => k.code === this.kpi);
      return v && v[key] !== null && v[key] !== undefined ? Number(v[key]) : null;
    }
    const code = key === 'kpi' ? this.kpi : key;
    const v = valueOf(e.kpis, code);
    return v === null || v === undefined ? null : Number(v);
  }

  /** The enterprises of the chosen industry and manufacturing type, in the chosen order. */
  shownEnterprises() {
    if (!this.comparison) return [];
    return this.comparison.enterprises
      .filter((e) => (!this.industry || e.industry === this.industry) && (!this.type || e.manufacturingType === this.type))
      .sort(compareRows((e) => this.sortValue(e, this.sort.key), this.sort.descending));
  }

  setSort(sort) {
    this.sort = sort;
    this.page = 0;
  }

  setFilter(field, value) {
    this[field] = value;
    this.page = 0;
  }

  /** Shows the enterprise's work centers in place of the comparison. */
  drill(code) {
    this.selected = code;
    this.drilled = code;
  }

  back() {
    this.drilled = null;
    if (this.selected) this.loadTrend();
  }

  /** Files the month's snapshot of every enterprise (a month that is over), then reads the snapshots again. */
  async file() {
    try {
      this.filed = await api(`/api/kpi/bureau/snapshots/${this.month}`, { method: 'POST' });
      this.snapshots = await api(`/api/kpi/bureau/snapshots/${this.month}`);
    } catch (e) {
      this.error = e.message;
    }
  }

  /** Fetches the month's workbook and hands it to the browser as a download; the answer's status and type are shown. */
  async downloadWorkbook() {
    const month = this.month;
    this.download = null;
    const response = await fetch(new URL(`/api/kpi/bureau/snapshots/${month}/workbook`, location.origin), {
      headers: { 'X-Requested-With': 'XMLHttpRequest', Accept: XLSX }, credentials: 'same-origin',
    });
    const blob = await response.blob();
    this.download = { status: response.status, type: response.headers.get('Content-Type') || '', size: blob.size };
    if (!response.ok) return;
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `pilotline-kpi-${month}.xlsx`;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  updated() {
    this.drawComparison();
    this.drawTrend();
  }

  chart(id) {
    const el = this.querySelector(`#${id}`);
    if (!el) {
      if (this.charts[id]) { this.charts[id].dispose(); delete this.charts[id]; }
      return null;
    }
    if (!this.charts[id] || this.charts[id].getDom() !== el) this.charts[id] = echarts.init(el);
    return this.charts[id];
  }

  drawComparison() {
    const chart = this.chart('bureau-chart');
    if (!chart || !this.comparison) return;
    // the enterprises of the filters in the table's order; beyond a page of bars the slider shows a page's worth
    const enterprises = this.shownEnterprises();
    const zoom = enterprises.length > PAGE_SIZE;
    const percentile = (e, field) => {
      const p = this.peerOf(e.code);
      const v = p && p.kpis.find((k) => k.code === this.kpi);
      return v && v[field] !== null ? Number(v[field]) : null;
    };
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 50, right: 50, top: 40, bottom: zoom ? 90 : 60 },
      dataZoom: zoom ? [{ type: 'slider', xAxisIndex: 0, bottom: 10, startValue: 0, endValue: PAGE_SIZE - 1 },
        { type: 'inside', xAxisIndex: 0 }] : [],
      xAxis: { type: 'category', data: enterprises.map((e) => e.code), axisLabel: { rotate: enterprises.length > 6 ? 30 : 0 } },
      yAxis: [{ type: 'value', name: this.kpiUnit(this.kpi) }, { type: 'value', name: t('bureau.percentileAxis'), min: 0, max: 100 }],
      series: [
        { name: this.kpiName(this.kpi), type: 'bar', data: enterprises.map((e) => {
          const v = valueOf(e.kpis, this.kpi);
          return v === null ? null : Number(v);
        }), itemStyle: { color: '#1f5fa8' } },
        { name: t('bureau.industryPercentile'), type: 'line', yAxisIndex: 1, data: enterprises.map((e) => percentile(e, 'industryPercentile')) },
        { name: t('bureau.typePercentile'), type: 'line', yAxisIndex: 1, data: enterprises.map((e) => percentile(e, 'typePercentile')) },
      ],
    }, true);
    chart.off('click');
    chart.on('click', (p) => { if (p.name) this.drill(p.name); });
    chart.resize();
  }

  drawTrend() {
    const chart = this.chart('bureau-trend');
    if (!chart || !this.trend) return;
    const buckets = this.trend.buckets;
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 50, right: 20, top: 40, bottom: 40 },
      xAxis: { type: 'category', data: buckets.map((b) => b.label) },
      yAxis: { type: 'value', name: this.kpiUnit(this.kpi) },
      series: [{ name: `${this.trend.code} · ${this.kpiName(this.kpi)}`, type: 'line', connectNulls: false,
        data: buckets.map((b) => { const v = valueOf(b.kpis, this.kpi); return v === null ? null : Number(v); }) }],
    }, true);
    chart.resize();
  }

  controls() {
    return html`<div class="filters">
      <button id="bureau-prev" @click=${() => this.setMonth(shiftMonth(this.month, -1))}>${t('bureau.previousMonth')}</button>
      <label>${t('bureau.month')} <input id="bureau-month" size="8" .value=${this.month}
        @change=${(e) => this.setMonth(e.target.value.trim())}></label>
      <button id="bureau-next" ?disabled=${this.month >= currentMonth()}
        @click=${() => this.setMonth(shiftMonth(this.month, 1))}>${t('bureau.nextMonth')}</button>
      <label>${t('bureau.kpi')} <select id="bureau-kpi" @change=${(e) => { this.kpi = e.target.value; }}>
        ${(this.definitions || []).map((d) => html`<option value=${d.code} ?selected=${d.code === this.kpi}>${this.kpiName(d.code)}</option>`)}
      </select></label>
      ${this.loading ? html`<span class="muted" id="bureau-loading">${t('common.loading')}</span>` : ''}
    </div>`;
  }

  filters() {
    const all = (this.comparison && this.comparison.enterprises) || [];
    const industries = [...new Set(all.map((e) => e.industry).filter((i) => i))].sort((a, b) => a.localeCompare(b));
    const types = [...new Set(all.map((e) => e.manufacturingType))].sort();
    return html`<div class="filters">
      <label>${t('bureau.industry')} <select id="bureau-industry" @change=${(e) => this.setFilter('industry', e.target.value)}>
        <option value="" ?selected=${!this.industry}>${t('common.all')}</option>
        ${industries.map((i) => html`<option value=${i} data-v ?selected=${i === this.industry}>${i}</option>`)}
      </select></label>
      <label>${t('enterprises.type')} <select id="bureau-type" @change=${(e) => this.setFilter('type', e.target.value)}>
        <option value="" ?selected=${!this.type}>${t('common.all')}</option>
        ${types.map((ty) => html`<option value=${ty} ?selected=${ty === this.type}>${tEnum('mfgType', ty)}</option>`)}
      </select></label>
      <span class="muted">${t('bureau.sortHint')}</span>
    </div>`;
  }

  pager(total) {
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const page = Math.min(this.page, pages - 1);
    return html`<div class="pager" id="bureau-pager">
      <button id="bureau-page-prev" ?disabled=${page === 0} @click=${() => { this.page = page - 1; }}>${t('common.previous')}</button>
      <span id="bureau-page" data-page=${page + 1} data-pages=${pages} data-total=${total}>${t('common.page', page + 1, pages, total)}</span>
      <button id="bureau-page-next" ?disabled=${page + 1 >= pages} @click=${() => { this.page = page + 1; }}>${t('common.next')}</button>
    </div>`;
  }

  table() {
    const all = this.shownEnterprises();
    const pages = Math.max(1, Math.ceil(all.length / PAGE_SIZE));
    const page = Math.min(this.page, pages - 1);
    const rows = all.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
    const h = (key, label, numeric) => sortHeader(key, label, this.sort, (s) => this.setSort(s), numeric);
    const unit = (k) => (this.kpiUnit(k) ? html` (<span data-v>${this.kpiUnit(k)}</span>)` : '');
    return html`<div class="pane"><table id="bureau-table"><thead><tr>${h('code', t('enterprises.code'))}${h('name', t('enterprises.name'))}
      ${h('industry', t('bureau.industry'))}${h('type', t('enterprises.type'))}
      ${h('kpi', html`${this.kpiName(this.kpi)}${unit(this.kpi)}`, true)}${h('industryPercentile', t('bureau.industryPercentile'), true)}
      ${h('typePercentile', t('bureau.typePercentile'), true)}
      ${HEADLINE.filter((k) => k !== this.kpi).map((k) => h(k, html`${this.kpiName(k)}${unit(k)}`, true))}
      <th>${t('bureau.wc.column')}</th></tr></thead>
      <tbody>${rows.map((e) => {
    const peer = this.peerOf(e.code);
    const p = peer && peer.kpis.find((k) => k.code === this.kpi);
    return html`<tr data-code=${e.code} class=${e.code === this.selected ? 'selected' : ''} @click=${() => this.select(e.code)}>
        <td data-v>${e.code}</td><td data-v class="name">${e.name}</td><td data-v>${e.industry || ''}</td>
        <td>${tEnum('mfgType', e.manufacturingType)}</td>
        <td class="num kpi-value" data-v>${shown(valueOf(e.kpis, this.kpi))}</td>
        <td class="num" data-v>${shown(p && p.industryPercentile)}</td><td class="num" data-v>${shown(p && p.typePercentile)}</td>
        ${HEADLINE.filter((k) => k !== this.kpi).map((k) => html`<td class="num" data-v>${shown(valueOf(e.kpis, k))}</td>`)}
        <td><button class="link drill" data-drill=${e.code} @click=${(ev) => { ev.stopPropagation(); this.drill(e.code); }}>${t('bureau.wc.open')}</button></td>
      </tr>`;
  })}</tbody></table></div>
      ${!rows.length ? html`<p id="bureau-none">${t('common.none')}</p>` : ''}
      ${this.pager(all.length)}`;
  }

  detail() {
    const e = this.comparison.enterprises.find((x) => x.code === this.selected);
    if (!e) return '';
    const name = (x) => (language() === 'en' ? x.nameEn : x.nameZh);
    return html`<h3>${t('bureau.drill')} <span data-v>${e.code} ${e.name}</span>
      <button id="bureau-drill" @click=${() => this.drill(e.code)}>${t('bureau.wc.open')}</button></h3>
      <div class="kpi-charts"><div class="chart" id="bureau-trend"></div>
      <table id="bureau-elements"><thead><tr><th>${t('bureau.timeElement')}</th><th class="num">${t('bureau.hours')}</th></tr></thead>
        <tbody>${e.timeElements.map((x) => html`<tr><td>${name(x)}</td><td class="num" data-v>${quantity((x.seconds / 3600).toFixed(1))}</td></tr>`)}
        </tbody></table></div>`;
  }

  snapshotSection() {
    const s = this.snapshots;
    const over = this.month < currentMonth();
    const d = this.download;
    return html`<h3>${t('bureau.snapshots')}</h3>
      <div class="filters">
        ${over ? html`<button id="file-month" @click=${() => this.file()}>${t('bureau.file')}</button>` : html`<span class="muted">${t('bureau.notOver')}</span>`}
        <button id="workbook" @click=${() => this.downloadWorkbook()}>${t('bureau.workbook')}</button>
        ${this.filed ? html`<span class="note" id="filed-result">${t('bureau.filed', this.filed.filed, this.filed.alreadyFiled, this.filed.waiting)}</span>` : ''}
        ${d ? html`<span id="workbook-result" data-status=${d.status} data-type=${d.type}
          class=${d.status === 200 ? 'note' : 'error'}>${d.status === 200 ? t('bureau.downloaded', Math.round(d.size / 1024))
  : t('bureau.downloadFailed', d.status)}</span>` : ''}
      </div>
      ${!s.enterprises.length ? html`<p id="no-snapshots">${t('bureau.noSnapshots')}</p>` : html`
      <table id="snapshot-table"><thead><tr><th>${t('enterprises.code')}</th><th>${t('bureau.filedAt')}</th>
        <th>${t('bureau.changed')}</th><th class="num">${t('bureau.asFiled')}</th><th class="num">${t('bureau.now')}</th>
        <th class="num">${t('bureau.difference')}</th></tr></thead>
        <tbody>${s.enterprises.map((e) => {
    const k = e.kpis.find((x) => x.code === this.kpi) || {};
    return html`<tr data-code=${e.code}><td data-v>${e.code}</td><td data-v>${dateTime(e.filedAt)}</td>
          <td>${e.changedSinceFiled ? t('common.yes') : t('common.no')}</td><td class="num" data-v>${shown(k.filed)}</td>
          <td class="num" data-v>${shown(k.current)}</td><td class="num" data-v>${shown(k.difference)}</td></tr>`;
  })}</tbody></table>`}`;
  }

  tabs() {
    const tab = (id, label) => html`<button id=${`bureau-tab-${id}`} class=${this.tab === id ? 'tab active' : 'tab'}
      aria-pressed=${this.tab === id} @click=${() => { this.tab = id; }}>${label}</button>`;
    return html`<div class="tabs">${tab('kpi', t('bureau.tab.kpi'))}${tab('programme', t('bureau.tab.programme'))}${tab('records', t('bureau.tab.records'))}</div>`;
  }

  render() {
    if (this.tab === 'programme') {
      return html`<h2>${t('bureau.title')}</h2>${this.tabs()}<pl-bureau-programme></pl-bureau-programme>`;
    }
    if (this.tab === 'records') {
      return html`<h2>${t('bureau.title')}</h2>${this.tabs()}<pl-bureau-records></pl-bureau-records>`;
    }
    return html`<h2>${t('bureau.title')}</h2>
      ${this.tabs()}
      <pl-demo-progress @demo-complete=${() => this.load()}></pl-demo-progress>
      ${this.controls()}
      ${this.error ? html`<p class="error">${t('common.error', this.error)}</p>` : ''}
      ${!this.comparison ? html`<p>${t('common.loading')}</p>` : this.drilled ? html`
        <pl-bureau-work-centers .code=${this.drilled} .month=${this.month} .kpi=${this.kpi}
          .definitions=${this.definitions} @back=${() => this.back()}></pl-bureau-work-centers>` : html`
        <p class="muted">${t('bureau.period')} <span data-v>${dateTime(this.comparison.from)} – ${dateTime(this.comparison.to)}</span></p>
        ${this.filters()}
        <div class="chart kpi-chart" id="bureau-chart" style="height:320px"></div>
        ${this.table()}
        ${this.detail()}
        ${this.snapshots ? this.snapshotSection() : ''}`}`;
  }
}
customElements.define('pl-bureau', PlBureau);
