// What-if copies of the live schedule: make one, solve it with another objective or time limit, and see it side by
// side with the live schedule — both Gantts on the same machines and time axis, the metrics and each order's
// completion compared (GET /api/scheduling/schedules/{copy}/comparison). The live schedule is never touched.
import { html } from 'lit';
import * as echarts from 'echarts/core';
import { CustomChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { Screen } from './base.js';
import { t, tData, tEnum } from './i18n.js';
import { api } from './api.js';
import { dateTime, minutes, toWall } from './format.js';
import { refusal } from './mrp-views.js';

echarts.use([CustomChart, GridComponent, TooltipComponent, CanvasRenderer]);

const SOLVING = ['QUEUED', 'RUNNING'];
const OBJECTIVES = ['TARDINESS_THEN_MAKESPAN', 'WEIGHTED_TARDINESS', 'MAKESPAN'];

class PlWhatIf extends Screen {
  static properties = {
    me: { attribute: false }, live: { attribute: false }, copies: { state: true }, chosen: { state: true },
    comparison: { state: true }, solve: { state: true }, failure: { state: true },
  };

  constructor() {
    super();
    this.charts = [];
  }

  get mayChange() {
    return this.me.roles.includes('admin') || this.me.roles.includes('planner');
  }

  connectedCallback() {
    super.connectedCallback();
    this.loadCopies();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.timer);
    this.disposeCharts();
  }

  disposeCharts() {
    this.charts.forEach((c) => c.dispose());
    this.charts = [];
  }

  async loadCopies() {
    try {
      this.copies = (await api('/api/scheduling/schedules', { query: { kind: 'WHAT_IF', size: 50 } })).items;
      if (this.chosen) this.chosen = this.copies.find((c) => c.id === this.chosen.id) || null;
    } catch (e) {
      this.failure = e;
    }
  }

  async create(event) {
    event.preventDefault();
    try {
      const copy = await api('/api/scheduling/schedules', { method: 'POST', body: { name: event.target.name.value, copyOf: this.live.id } });
      this.failure = null;
      event.target.reset();
      await this.loadCopies();
      await this.show(copy);
    } catch (e) {
      this.failure = e;
    }
  }

  async solveCopy(event) {
    event.preventDefault();
    const f = event.target;
    try {
      const solve = await api('/api/scheduling/solves', { method: 'POST',
        body: { scheduleId: this.chosen.id, objective: f.objective.value, timeLimitSeconds: Number(f.seconds.value) } });
      this.failure = null;
      this.follow(solve.id);
    } catch (e) {
      this.failure = e;
    }
  }

  async follow(solveId) {
    clearTimeout(this.timer);
    try {
      this.solve = await api(`/api/scheduling/solves/${solveId}`);
    } catch (e) {
      this.failure = e;
      return;
    }
    if (SOLVING.includes(this.solve.status)) {
      this.timer = setTimeout(() => this.follow(solveId), 700);
    } else {
      await this.loadCopies();
      if (this.chosen) await this.show(this.chosen);
    }
  }

  async remove(copy) {
    try {
      await api(`/api/scheduling/schedules/${copy.id}`, { method: 'DELETE' });
      this.failure = null;
      if (this.chosen && this.chosen.id === copy.id) { this.chosen = null; this.comparison = null; this.disposeCharts(); }
      await this.loadCopies();
    } catch (e) {
      this.failure = e;
    }
  }

  /** The copy beside the live schedule: both Gantts, and the comparison of their metrics and orders. */
  async show(copy) {
    try {
      const [comparison, liveGantt, copyGantt] = await Promise.all([
        api(`/api/scheduling/schedules/${copy.id}/comparison`, { query: { with: this.live.id } }),
        api(`/api/scheduling/schedules/${this.live.id}/gantt`),
        api(`/api/scheduling/schedules/${copy.id}/gantt`)]);
      this.chosen = copy;
      this.comparison = comparison;
      this.failure = null;
      await this.updateComplete;
      this.draw(liveGantt, copyGantt);
    } catch (e) {
      this.failure = e;
    }
  }

  /** Two charts with the same lanes (every machine of either) and the same time axis, so that a bar's shift shows. */
  draw(liveGantt, copyGantt) {
    this.disposeCharts();
    const lanes = [];
    [liveGantt, copyGantt].forEach((g) => g.machines.forEach((m) => {
      if (!lanes.some((l) => l.id === m.workUnitId)) lanes.push({ id: m.workUnitId, code: m.workUnitCode });
    }));
    lanes.sort((a, b) => a.code.localeCompare(b.code));
    const times = [];
    [liveGantt, copyGantt].forEach((g) => g.machines.forEach((m) => m.operations.forEach((o) => {
      times.push(toWall(Date.parse(o.start)), toWall(Date.parse(o.end)));
    })));
    const min = times.length ? Math.min(...times) : toWall(Date.now());
    const max = times.length ? Math.max(...times) : min + 3600 * 1000;
    const pad = Math.max(3600 * 1000, (max - min) * 0.03);
    [['#whatif-live-chart', liveGantt], ['#whatif-copy-chart', copyGantt]].forEach(([id, g]) => {
      const el = this.querySelector(id);
      if (!el) return;
      const late = new Set(g.orders.filter((o) => o.late).map((o) => o.orderId));
      const data = [];
      g.machines.forEach((m) => m.operations.forEach((o) => {
        data.push({ value: [lanes.findIndex((l) => l.id === m.workUnitId), toWall(Date.parse(o.start)), toWall(Date.parse(o.end))],
          name: `${o.orderNumber}/${o.operationNo}`, late: late.has(o.orderId) });
      }));
      const chart = echarts.init(el, null, { renderer: 'canvas' });
      chart.setOption({
        animation: false,
        grid: { left: 80, right: 16, top: 10, bottom: 30 },
        xAxis: { type: 'time', min: min - pad, max: max + pad, axisLabel: { hideOverlap: true } },
        yAxis: { type: 'category', data: lanes.map((l) => l.code), inverse: true },
        tooltip: { formatter: (p) => p.data.name },
        series: [{
          type: 'custom', id: 'ops', encode: { x: [1, 2], y: 0 }, data,
          renderItem: (params, api2) => {
            const lane = api2.value(0);
            const from = api2.coord([api2.value(1), lane]);
            const to = api2.coord([api2.value(2), lane]);
            const h = api2.size([0, 1])[1] * 0.6;
            const item = data[params.dataIndex];
            return { type: 'rect', shape: { x: from[0], y: from[1] - h / 2, width: Math.max(2, to[0] - from[0]), height: h },
              style: { fill: '#4e79a7', stroke: item.late ? '#d32f2f' : '#2b4f77', lineWidth: item.late ? 2 : 1 } };
          },
        }],
      });
      this.charts.push(chart);
    });
  }

  difference(value, unit) {
    if (value === null || value === undefined) return '';
    const sign = value > 0 ? '+' : value < 0 ? '−' : '';
    return unit === 'min' ? `${sign}${minutes(Math.abs(value), t('unit.hour'), t('unit.minute'))}` : `${sign}${Math.abs(value)}`;
  }

  comparisonTable() {
    const c = this.comparison;
    if (!c) return '';
    const row = (key, field, unit) => html`<tr data-metric=${field}><th>${t(key)}</th>
      <td class="num here" data-v>${c.other[field] ?? ''}</td><td class="num there" data-v>${c.schedule[field] ?? ''}</td>
      <td class="num diff" data-v>${this.difference(field === 'makespanMinutes' ? c.makespanDifferenceMinutes
        : field === 'weightedTardiness' ? c.weightedTardinessDifference : c.lateOrdersDifference, field === 'makespanMinutes' ? 'min' : '')}</td></tr>`;
    return html`<table id="whatif-metrics"><thead><tr><th></th><th>${t('whatif.live')}</th>
        <th>${tData('whatif.copy', c.schedule.name)}</th><th>${t('whatif.difference')}</th></tr></thead>
      <tbody>${row('whatif.makespan', 'makespanMinutes', 'min')}${row('whatif.tardiness', 'weightedTardiness')}${row('whatif.late', 'lateOrders')}</tbody></table>
      <table id="whatif-orders"><thead><tr><th>${t('schedule.order')}</th><th>${t('whatif.completionLive')}</th>
        <th>${t('whatif.completionCopy')}</th><th>${t('whatif.difference')}</th></tr></thead>
      <tbody>${c.orders.map((o) => html`<tr data-order=${o.orderId}><td data-v>${o.orderNumber}</td>
        <td data-v>${dateTime(o.completionThere)}</td><td data-v>${dateTime(o.completionHere)}</td>
        <td class="num" data-v>${this.difference(o.differenceMinutes, 'min')}</td></tr>`)}</tbody></table>`;
  }

  render() {
    const solving = this.solve && SOLVING.includes(this.solve.status);
    return html`<section id="whatif" class="panel">
      <h3>${t('whatif.title')}</h3>
      <p class="hint">${t('whatif.hint')}</p>
      ${this.mayChange ? html`<form id="whatif-create" class="filters" @submit=${this.create}>
        <label>${t('whatif.name')} <input name="name" required maxlength="200"></label>
        <button type="submit">${t('whatif.create')}</button></form>` : ''}
      ${refusal(this.failure, 'whatif-error')}
      ${this.copies && this.copies.length ? html`<table id="whatif-table"><thead><tr><th>${t('whatif.name')}</th>
          <th class="num">${t('whatif.orders')}</th><th class="num">${t('whatif.late')}</th><th>${t('whatif.end')}</th>
          <th>${t('whatif.lastSolve')}</th><th></th></tr></thead>
        <tbody>${this.copies.map((c) => html`<tr data-schedule=${c.id} class=${this.chosen && this.chosen.id === c.id ? 'selected' : ''}>
          <td data-v>${c.name}</td><td class="num">${c.orderCount}</td><td class="num">${c.lateOrders ?? ''}</td>
          <td data-v>${dateTime(c.makespanEnd)}</td><td>${tEnum('solveState', c.lastSolveStatus)}</td>
          <td><button class="whatif-show" @click=${() => this.show(c)}>${t('whatif.compare')}</button>
            ${this.mayChange ? html`<button class="whatif-edit" @click=${() => this.dispatchEvent(new CustomEvent('edit-copy',
              { detail: { id: c.id, name: c.name }, bubbles: true, composed: true }))}>${t('whatif.edit')}</button>
              <button class="whatif-delete" @click=${() => this.remove(c)}>${t('whatif.delete')}</button>` : ''}</td></tr>`)}
        </tbody></table>` : this.copies ? html`<p>${t('whatif.none')}</p>` : ''}
      ${this.chosen ? html`
        ${this.mayChange ? html`<form id="whatif-solve" class="filters" @submit=${this.solveCopy}>
          <label>${t('whatif.objective')} <select name="objective">
            ${OBJECTIVES.map((o) => html`<option value=${o}>${t(`objective.${o}`)}</option>`)}</select></label>
          <label>${t('schedule.timeLimit')} <input type="number" name="seconds" min="1" max="600" value="5" size="4"></label>
          <button type="submit" id="whatif-solve-start" ?disabled=${solving}>${tData('whatif.solve', this.chosen.name)}</button>
          ${solving ? html`<span class="note" id="whatif-solving">${tData('schedule.solving', this.solve.id, this.solve.improvements, Math.round(this.solve.elapsedMs / 1000))}</span>` : ''}
          ${this.solve && !solving ? html`<span class="note" id="whatif-solved" data-solve=${this.solve.id} data-status=${this.solve.status}>${tData('schedule.solved', this.solve.id)} ${tEnum('solveState', this.solve.status)}</span>` : ''}
        </form>` : ''}
        <div class="whatif-side">
          <div><h4>${t('whatif.live')}</h4><div id="whatif-live-chart" class="chart whatif-chart"></div></div>
          <div><h4>${tData('whatif.copy', this.chosen.name)}</h4><div id="whatif-copy-chart" class="chart whatif-chart"></div></div>
        </div>
        ${this.comparisonTable()}` : ''}
    </section>`;
  }
}
customElements.define('pl-whatif', PlWhatIf);
