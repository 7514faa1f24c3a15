// The bureau's drill-down from one enterprise to its work centers: each work center's month roll-up (aggregates only,
// /api/kpi/bureau/enterprises/{code}/work-centers) as an ECharts bar chart of the chosen KPI and a sortable table.
import { html } from 'lit';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { Screen } from './base.js';
import { t, language } from './i18n.js';
import { api } from './api.js';
import { quantity } from './format.js';
import { compareRows, sortHeader } from './table-sort.js';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** The KPIs of the table, after the chosen one: the OEE and its factors, then output and losses. */
const COLUMNS = ['OEE', 'AVAILABILITY', 'EFFECTIVENESS', 'QUALITY_RATIO', 'THROUGHPUT_RATE', 'SCRAP_RATIO', 'MTBF', 'MTTR'];
/** The time elements of the table, in hours. */
const TIMES = ['PBT', 'APT', 'ASUT', 'ADET', 'UNKNOWN'];

function kpiValue(wc, code) {
  const k = (wc.kpis || []).find((x) => x.code === code);
  return k && k.value !== null && k.value !== undefined ? k.value : null;
}

function kpiUnit(wc, code) {
  const k = (wc.kpis || []).find((x) => x.code === code);
  return k ? k.unit : '';
}

function seconds(wc, code) {
  const e = (wc.timeElements || []).find((x) => x.code === code);
  return e ? e.seconds : null;
}

/** Seconds as hours with one decimal (exact to the tenth; the API's seconds are in the tooltip). */
function hours(s) {
  return s === null || s === undefined ? '–' : quantity((s / 3600).toFixed(1));
}

function shown(value) {
  return value === null || value === undefined ? '–' : quantity(value);
}

/** An instant as date and time in a zone named by the data (the plant's), in the UI's language. */
function inZone(instant, timeZone) {
  return new Intl.DateTimeFormat(language(), {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false,
  }).format(new Date(instant));
}

class PlBureauWorkCenters extends Screen {
  static properties = {
    code: {}, month: {}, kpi: {}, definitions: { attribute: false },
    data: { state: true }, error: { state: true }, loading: { state: true }, sort: { state: true },
  };

  constructor() {
    super();
    this.sort = { key: 'code', descending: false };
  }

  willUpdate(changed) {
    if (changed.has('code') || changed.has('month')) this.load();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    if (this.chart) { this.chart.dispose(); this.chart = null; }
  }

  async load() {
    const { code, month } = this;
    if (!code || !month) return;
    this.loading = true;
    this.error = null;
    try {
      const data = await api(`/api/kpi/bureau/enterprises/${encodeURIComponent(code)}/work-centers`, { query: { month } });
      if (code === this.code && month === this.month) this.data = data;
    } catch (e) {
      this.data = null;
      this.error = e.message;
    } finally {
      this.loading = false;
    }
  }

  kpiName(code) {
    const d = (this.definitions || []).find((k) => k.code === code);
    if (!d) return code;
    return language() === 'en' ? d.nameEn : d.nameZh;
  }

  unitOf(code) {
    const withFigures = ((this.data && this.data.workCenters) || []).find((w) => w.figures);
    const d = (this.definitions || []).find((k) => k.code === code);
    return (withFigures && kpiUnit(withFigures, code)) || (d ? d.unit : '');
  }

  /** A time element's name in the UI's language, as the API names it. */
  elementName(code) {
    const withFigures = ((this.data && this.data.workCenters) || []).find((w) => w.figures);
    const e = withFigures && withFigures.timeElements.find((x) => x.code === code);
    if (!e) return html`<span data-v>${code}</span>`;
    return language() === 'en' ? e.nameEn : e.nameZh;
  }

  /** The value a column sorts by. */
  sortValue(wc, key) {
    if (key === 'code' || key === 'name' || key === 'areaCode') return wc[key];
    if (key === 'workUnits' || key === 'failures') return wc.figures || key === 'workUnits' ? wc[key] : null;
    if (key === 'produced') return wc.quantities ? Number(wc.quantities.produced) : null;
    if (key.startsWith('t:')) return seconds(wc, key.slice(2));
    const v = kpiValue(wc, key);
    return v === null ? null : Number(v);
  }

  rows() {
    const rows = [...((this.data && this.data.workCenters) || [])];
    return rows.sort(compareRows((wc) => this.sortValue(wc, this.sort.key), this.sort.descending));
  }

  updated() {
    this.draw();
  }

  draw() {
    const el = this.querySelector('#wc-chart');
    if (!el || !this.data) {
      if (this.chart) { this.chart.dispose(); this.chart = null; }
      return;
    }
    if (!this.chart || this.chart.getDom() !== el) {
      if (this.chart) this.chart.dispose();
      this.chart = echarts.init(el);
    }
    const rows = this.rows().filter((w) => w.figures);
    const series = (code, color) => ({
      name: `${this.kpiName(code)} (${this.unitOf(code)})`, type: 'bar', itemStyle: { color },
      data: rows.map((w) => { const v = kpiValue(w, code); return v === null ? null : Number(v); }),
    });
    const oeeFactors = ['OEE', 'AVAILABILITY', 'EFFECTIVENESS', 'QUALITY_RATIO'];
    // the chosen KPI; with the OEE or one of its factors, the OEE and its three factors side by side
    const shownKpis = oeeFactors.includes(this.kpi) ? oeeFactors : [this.kpi];
    const colors = ['#1f5fa8', '#4caf50', '#ff9800', '#9c27b0'];
    this.chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 60, right: 20, top: 40, bottom: 60 },
      xAxis: { type: 'category', data: rows.map((w) => w.code), axisLabel: { rotate: rows.length > 8 ? 30 : 0 } },
      yAxis: { type: 'value', name: this.unitOf(this.kpi) },
      series: shownKpis.map((k, i) => series(k, colors[i])),
    }, true);
    this.chart.resize();
  }

  header(key, label, numeric) {
    return sortHeader(key, label, this.sort, (sort) => { this.sort = sort; }, numeric);
  }

  table() {
    const kpis = [this.kpi, ...COLUMNS.filter((k) => k !== this.kpi)];
    return html`<div class="pane"><table id="wc-table"><thead><tr>
      ${this.header('code', t('bureau.wc.code'))}${this.header('name', t('bureau.wc.name'))}
      ${this.header('areaCode', t('bureau.wc.area'))}${this.header('workUnits', t('bureau.wc.units'), true)}
      ${kpis.map((k) => this.header(k, html`${this.kpiName(k)} (<span data-v>${this.unitOf(k)}</span>)`, true))}
      ${TIMES.map((e) => this.header(`t:${e}`, html`${this.elementName(e)} (${t('bureau.wc.hoursUnit')})`, true))}
      ${this.header('produced', t('bureau.wc.produced'), true)}${this.header('failures', t('bureau.wc.failures'), true)}
      </tr></thead>
      <tbody>${this.rows().map((w) => html`<tr data-code=${w.code} class=${w.figures ? '' : 'muted'}>
        <td data-v>${w.code}</td><td data-v class="name">${w.name}</td><td data-v>${w.areaCode}</td>
        <td class="num" data-v>${w.workUnits}</td>
        ${w.figures ? html`
          ${kpis.map((k) => html`<td class="num" data-kpi=${k} data-v>${shown(kpiValue(w, k))}</td>`)}
          ${TIMES.map((e) => html`<td class="num" data-time=${e} data-v title=${`${seconds(w, e)} s`}>${hours(seconds(w, e))}</td>`)}
          <td class="num" data-v>${quantity(w.quantities.produced)} ${w.quantities.unit || ''}</td>
          <td class="num" data-v>${w.failures}</td>`
    : html`<td colspan=${kpis.length + TIMES.length + 2} class="no-figures">${t('bureau.wc.noFigures')}</td>`}
      </tr>`)}</tbody></table></div>`;
  }

  render() {
    const d = this.data;
    return html`<div class="filters">
        <button id="wc-back" @click=${() => this.dispatchEvent(new CustomEvent('back', { bubbles: true }))}>${t('bureau.wc.back')}</button>
        ${this.loading ? html`<span class="muted" id="wc-loading">${t('common.loading')}</span>` : ''}
      </div>
      ${this.error ? html`<p class="error">${t('common.error', this.error)}</p>` : ''}
      ${!d ? '' : html`
        <h3 id="wc-title">${t('bureau.wc.title')} <span data-v>${d.code} ${d.name}</span></h3>
        <p class="muted" id="wc-period">${t('bureau.wc.period')} <span data-v>${d.month}: ${inZone(d.from, d.zone)} – ${inZone(d.to, d.zone)} (${d.zone})</span>
          ${!d.complete ? html` · <span id="wc-incomplete">${t('bureau.wc.incomplete')}</span>` : ''}
          ${!d.current ? html` · <span id="wc-catching-up">${t('bureau.wc.catchingUp')}</span>` : ''}</p>
        ${!d.workCenters.length ? html`<p id="wc-none">${t('bureau.wc.none')}</p>` : html`
          <div class="chart" id="wc-chart" style="height:300px"></div>
          ${this.table()}
          <p class="muted">${t('bureau.wc.aggregatesOnly')}</p>`}`}`;
  }
}
customElements.define('pl-bureau-work-centers', PlBureauWorkCenters);
