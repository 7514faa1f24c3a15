// The Gantt of the live schedule (ECharts custom series): by machine or by order, zoom from a shift to weeks, the
// calendars' non-working time shaded, late orders, material and routing waits, shop-floor progress; planners drag an
// operation to another time or machine (the move API), pin and unpin, and ask why an order is late.
import { html } from 'lit';
import * as echarts from 'echarts/core';
import { CustomChart } from 'echarts/charts';
import { DataZoomComponent, GraphicComponent, GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { Screen } from './base.js';
import { language, t, tData, tEnum } from './i18n.js';
import { api, ApiError } from './api.js';
import { dateTime, fromWall, minutes, parseWallText, quantity, toWall, wallText } from './format.js';
import { pager } from './pager.js';
import { GANTT_QUERY, LIVE_SCHEDULE, WORK_CENTERS, WORK_ORDERS, WORK_UNITS, ganttPath } from './schedule-data.js';
import './whatif.js';

echarts.use([CustomChart, DataZoomComponent, GraphicComponent, GridComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;
/** The zoom steps offered: a shift, a day, a week, four weeks. */
export const ZOOMS = { shift: 8 * HOUR, day: DAY, week: 7 * DAY, month: 28 * DAY };
const SOLVING = ['QUEUED', 'RUNNING'];
const COLORS = ['#4e79a7', '#59a14f', '#9c755f', '#b07aa1', '#76b7b2', '#edc948', '#f28e2b', '#86bcb6', '#8cd17d', '#a0cbe8'];
/** Moves are proposed on a five-minute grid: a drop is never more exact than a hand on a mouse. */
const GRID_MS = 5 * 60 * 1000;
/** The table beside the chart shows this many operations a page: thousands of rows would cost seconds to render. */
export const TABLE_ROWS = 100;

/** A performance mark (once per document), for benchmarks; nothing where the browser has none. */
function mark(name) {
  if (window.performance && performance.mark && !performance.getEntriesByName(name).length) performance.mark(name);
}

/** Gaps between working intervals inside [from, to): what is shaded as non-working. */
export function nonWorking(intervals, from, to) {
  const gaps = [];
  let cursor = from;
  for (const i of [...intervals].sort((a, b) => a.start - b.start)) {
    if (i.start > cursor) gaps.push({ start: cursor, end: Math.min(i.start, to) });
    cursor = Math.max(cursor, i.end);
    if (cursor >= to) break;
  }
  if (cursor < to) gaps.push({ start: cursor, end: to });
  return gaps.filter((g) => g.end > g.start);
}

/**
 * The Gantt is asked for without each order's operations (they are all in the machines' lanes): each order gets them
 * here, in routing order, as the API's full answer would have them.
 */
export function withOrderOperations(gantt) {
  if (gantt.orders.every((o) => o.operations)) return gantt;
  const byOrder = new Map(gantt.orders.map((o) => [o.orderId, (o.operations = [])]));
  gantt.machines.forEach((m) => m.operations.forEach((op) => { const list = byOrder.get(op.orderId); if (list) list.push(op); }));
  byOrder.forEach((list) => list.sort((a, b) => a.operationNo - b.operationNo));
  return gantt;
}

class PlSchedule extends Screen {
  static properties = {
    me: { attribute: false }, schedule: { state: true }, gantt: { state: true }, view: { state: true },
    selected: { state: true }, explanation: { state: true }, proposal: { state: true }, solve: { state: true },
    error: { state: true }, notice: { state: true }, loading: { state: true }, zoom: { state: true },
    tablePage: { state: true }, copy: { state: true },
  };

  constructor() {
    super();
    this.view = 'machines';
    this.zoom = 'week';
    this.tablePage = 0;
    this.copy = null;
    this.progress = new Map();
    this.shading = new Map();
    this.orders = new Map();
  }

  get mayChange() {
    return this.me.roles.includes('admin') || this.me.roles.includes('planner');
  }

  connectedCallback() {
    super.connectedCallback();
    this.resize = () => this.chart && this.chart.resize();
    window.addEventListener('resize', this.resize);
    this.load();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener('resize', this.resize);
    clearTimeout(this.timer);
    if (this.chart) this.chart.dispose();
    this.chart = null;
  }

  /**
   * The live schedule, then at once its Gantt, the work centers and units, and the shop floor's work orders; then the
   * calendars' working time of the span the Gantt covers. The marks (`pl-gantt-fetched`, `pl-gantt-drawn`,
   * `pl-gantt-finished`) let a benchmark see where a first render's time goes.
   */
  async load() {
    this.loading = true;
    try {
      try {
        // a what-if copy being edited (whatif.js asks for it) in place of the live schedule: the same moves, pins and
        // solves, applied to the copy
        this.schedule = await api(this.copy ? `/api/scheduling/schedules/${this.copy.id}` : LIVE_SCHEDULE);
      } catch (e) {
        if (e instanceof ApiError && e.status === 404 && this.copy) {
          // the copy is gone (deleted meanwhile): back to the live schedule
          this.copy = null;
          await this.load();
          return;
        }
        if (e instanceof ApiError && e.status === 404) {
          this.schedule = null;
          this.gantt = null;
          return;
        }
        throw e;
      }
      const [gantt, centers, units] = await Promise.all([api(ganttPath(this.schedule.id), { query: GANTT_QUERY }),
        api(...WORK_CENTERS), api(...WORK_UNITS),
        this.loadProgress()]);
      withOrderOperations(gantt);
      await this.loadMachines(gantt, centers, units);
      mark('pl-gantt-fetched');
      this.orders = new Map(gantt.orders.map((o) => [o.orderId, o]));
      this.lanesOf = null;
      this.gantt = gantt;
      if (this.selected) this.selected = this.operations().find((o) => o.id === this.selected.id) || null;
      this.error = null;
      if (SOLVING.includes(this.schedule.lastSolveStatus) && this.schedule.lastSolveId) this.follow(this.schedule.lastSolveId);
    } catch (e) {
      this.fail(e);
    } finally {
      this.loading = false;
    }
  }

  /** The time span the chart covers: the horizon and every operation and due date, a day either side; four weeks at least. */
  span(gantt) {
    if (this.spanOf && this.spanOf.gantt === gantt) return this.spanOf.span;
    let min = Date.parse(gantt.horizonStart);
    let max = min;
    const add = (x) => { if (!Number.isNaN(x)) { if (!(x >= min)) min = x; if (!(x <= max)) max = x; } };
    gantt.machines.forEach((m) => m.operations.forEach((o) => { add(Date.parse(o.start)); add(Date.parse(o.end)); }));
    gantt.orders.forEach((o) => { if (o.dueAt) add(Date.parse(o.dueAt)); });
    const from = min - DAY;
    const span = { from, to: Math.min(Math.max(max + DAY, from + ZOOMS.month), from + 365 * DAY) };
    // kept for this Gantt: the chart and the calendars' shading ask for it again
    this.spanOf = { gantt, span };
    return span;
  }

  /**
   * Every active machine of the work centers in the schedule gets its lane, idle ones too (so that an operation can be
   * dragged onto one), and each lane its non-working time from its work center's calendar (none: round the clock).
   */
  async loadMachines(gantt, centers, units) {
    this.shading = new Map();
    if (!gantt.machines.length) return;
    const { from, to } = this.span(gantt);
    const inSchedule = new Set(gantt.machines.map((m) => m.workCenterId));
    const laned = new Set(gantt.machines.map((m) => m.workUnitId));
    units.items.filter((u) => u.active && inSchedule.has(u.workCenterId) && !laned.has(u.id)).forEach((u) => gantt.machines.push({
      workUnitId: u.id, workUnitCode: u.code, workCenterId: u.workCenterId, workCenterCode: u.workCenterCode, operations: [],
    }));
    const calendarOf = new Map(centers.items.map((c) => [c.id, c.calendarId]));
    const calendars = [...new Set(gantt.machines.map((m) => calendarOf.get(m.workCenterId)).filter((c) => c))];
    const gaps = new Map();
    await Promise.all(calendars.map(async (id) => {
      const wt = await api(`/api/calendars/${id}/working-time`,
        { query: { from: new Date(from).toISOString(), to: new Date(to).toISOString() } });
      gaps.set(id, nonWorking(wt.intervals.map((i) => ({ start: Date.parse(i.start), end: Date.parse(i.end) })), from, to));
    }));
    gantt.machines.forEach((m) => this.shading.set(m.workUnitId, gaps.get(calendarOf.get(m.workCenterId)) || []));
  }

  /** What the shop floor did: the state of each operation of a released order, by order and operation number. */
  async loadProgress() {
    const progress = new Map();
    this.progress = progress;
    try {
      const pages = await Promise.all(WORK_ORDERS.map(([path, options]) => api(path, options)));
      pages.forEach((page) => page.items.forEach((w) => w.operations.filter((o) => o.reworkOf == null)
        .forEach((o) => progress.set(`${w.productionOrderId}/${o.operationNo}`, o))));
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 403) throw e;
    }
  }

  shopFloor(op) {
    return this.progress.get(`${op.orderId}/${op.operationNo}`);
  }

  operations() {
    return this.gantt ? this.gantt.machines.flatMap((m) => m.operations) : [];
  }

  orderOf(orderId) {
    return this.orders.get(orderId);
  }

  /** The lanes of the current view, top to bottom (kept until the Gantt or the view changes). */
  lanes() {
    if (!this.lanesOf || this.lanesOf.gantt !== this.gantt || this.lanesOf.view !== this.view) {
      this.lanesOf = { gantt: this.gantt, view: this.view, lanes: this.makeLanes() };
    }
    return this.lanesOf.lanes;
  }

  /** Machines by work center, or orders by due date. */
  makeLanes() {
    if (this.view === 'machines') {
      return [...this.gantt.machines].sort((a, b) => a.workCenterCode.localeCompare(b.workCenterCode)
        || a.workUnitCode.localeCompare(b.workUnitCode))
        .map((m) => ({ key: m.workUnitId, label: m.workUnitCode, machine: m, operations: m.operations }));
    }
    return [...this.gantt.orders].sort((a, b) => (a.dueAt || '').localeCompare(b.dueAt || '') || a.orderNumber.localeCompare(b.orderNumber))
      .map((o) => ({ key: o.orderId, label: o.late ? `⚠ ${o.orderNumber}` : o.orderNumber, order: o, operations: o.operations }));
  }

  updated() {
    const el = this.querySelector('#gantt-chart');
    if (!el || !this.gantt) {
      if (this.chart) { this.chart.dispose(); this.chart = null; }
      this.drawn = null;
      return;
    }
    const locale = language() === 'en' ? 'EN' : 'ZH';
    if (this.chart && (this.chart.getDom() !== el || this.chartLocale !== locale)) { this.chart.dispose(); this.chart = null; }
    // the chart is drawn again only when what it shows changed (not for a notice, the table's page or a proposal)
    const drawn = { gantt: this.gantt, view: this.view, selected: this.selected ? this.selected.id : null, locale };
    if (this.chart && this.drawn && Object.keys(drawn).every((k) => drawn[k] === this.drawn[k])) return;
    const lanes = this.lanes();
    // 44 px a lane; narrower (down to 14 px) past a hundred lanes, so that a thousand orders still fit a canvas
    const laneHeight = lanes.length > 100 ? Math.max(14, Math.floor(4400 / lanes.length)) : 44;
    el.style.height = `${Math.max(260, lanes.length * laneHeight + 110)}px`;
    if (!this.chart) {
      this.chart = echarts.init(el, null, { locale });
      this.chartLocale = locale;
      this.listen();
    } else {
      this.chart.resize();
    }
    this.finishedEarly = false;
    this.draw(lanes);
    this.drawn = drawn;
    mark('pl-gantt-drawn');
    // drawn in one frame, ECharts may say it has finished while the option is still being set
    if (this.finishedEarly) mark('pl-gantt-finished');
  }

  draw(lanes) {
    const laneOf = new Map(lanes.map((l, i) => [l.key, i]));
    const orderColor = new Map(this.gantt.orders.map((o, i) => [o.orderId, COLORS[i % COLORS.length]]));
    this.laneList = lanes;
    const orderOf = this.orders;
    const shade = [];
    if (this.view === 'machines') {
      lanes.forEach((l, i) => (this.shading.get(l.key) || []).forEach((g) => shade.push([i, toWall(g.start), toWall(g.end)])));
    }
    const ops = [];
    const marks = [];
    lanes.forEach((lane, i) => lane.operations.forEach((op) => {
      const order = orderOf.get(op.orderId);
      const done = this.shopFloor(op);
      ops.push({
        value: [i, toWall(Date.parse(op.start)), toWall(Date.parse(op.end)), op.id],
        op, color: orderColor.get(op.orderId), late: order && order.late, state: done ? done.state : null,
      });
      (op.waitsFor || []).forEach((w) => { if (w.availableAt) marks.push({ value: [i, toWall(Date.parse(w.availableAt))], kind: 'material', wait: w, op }); });
    }));
    if (this.view === 'orders') {
      lanes.forEach((lane, i) => { if (lane.order.dueAt) marks.push({ value: [i, toWall(Date.parse(lane.order.dueAt))], kind: 'due', order: lane.order }); });
    }
    const { from, to } = this.span(this.gantt);
    if (!this.window) {
      const start = toWall(Math.max(from, Date.parse(this.gantt.horizonStart) - 2 * HOUR));
      this.window = { start, end: start + ZOOMS[this.zoom] };
    }
    const now = toWall(Date.now());
    this.chart.setOption({
      useUTC: true,
      animation: false,
      grid: { left: 130, right: 30, top: 20, bottom: 70 },
      tooltip: { trigger: 'item', confine: true, formatter: (p) => this.tooltip(p) },
      xAxis: { type: 'time', min: toWall(from), max: toWall(to), position: 'top', splitLine: { show: true, lineStyle: { color: '#eef1f4' } } },
      yAxis: {
        type: 'category', inverse: true, data: lanes.map((l) => l.label),
        axisLabel: { color: (v, i) => (lanes[i] && lanes[i].order && lanes[i].order.late ? '#b00020' : '#1d2733') },
        splitLine: { show: true, lineStyle: { color: '#e3e8ee' } },
      },
      dataZoom: [
        { type: 'slider', xAxisIndex: 0, filterMode: 'weakFilter', startValue: this.window.start, endValue: this.window.end, bottom: 12, showDetail: false },
        { type: 'inside', xAxisIndex: 0, filterMode: 'weakFilter', zoomOnMouseWheel: true, moveOnMouseMove: 'shift', moveOnMouseWheel: false },
      ],
      series: [
        { id: 'shade', type: 'custom', silent: true, z: 1, renderItem: (p, a) => this.renderShade(p, a), encode: { x: [1, 2], y: 0 }, data: shade },
        {
          // every bar in one frame: progressive rendering (1,500 a frame) drew them on an incremental layer of its
          // own over four frames, which cost more than it saved, and the page is not usable before they are all drawn
          id: 'ops', type: 'custom', z: 3, progressive: 0, renderItem: (p, a) => this.renderOperation(p, a, ops[p.dataIndex]),
          // the series' data are bare value arrays (lane, start, end, id), which ECharts stores in columns; what a bar
          // stands for is looked up by its index (an object per item made setOption walk and keep 5,000 of them)
          encode: { x: [1, 2], y: 0 }, data: ops.map((o) => o.value),
          markLine: { silent: true, symbol: 'none', label: { show: false }, lineStyle: { color: '#d32f2f', type: 'solid', width: 1.5 }, data: [{ xAxis: now }] },
        },
        { id: 'marks', type: 'custom', z: 4, renderItem: (p, a) => this.renderMark(p, a, marks[p.dataIndex]), encode: { x: 1, y: 0 }, data: marks.map((m) => m.value) },
      ],
    }, { replaceMerge: ['series'] });
    this.opsData = ops;
    this.marksData = marks;
  }

  /** What an item of a series stands for (the series hold bare values). */
  itemOf(seriesId, dataIndex) {
    const items = seriesId === 'ops' ? this.opsData : seriesId === 'marks' ? this.marksData : null;
    return items ? items[dataIndex] : null;
  }

  renderShade(params, api) {
    const lane = api.value(0);
    const start = api.coord([api.value(1), lane]);
    const end = api.coord([api.value(2), lane]);
    const h = api.size([0, 1])[1];
    const shape = echarts.graphic.clipRectByRect({ x: start[0], y: start[1] - h / 2, width: end[0] - start[0], height: h },
      { x: params.coordSys.x, y: params.coordSys.y, width: params.coordSys.width, height: params.coordSys.height });
    return shape && { type: 'rect', shape, style: { fill: 'rgba(120,130,145,0.16)' } };
  }

  renderOperation(params, api, item) {
    const lane = api.value(0);
    const start = api.coord([api.value(1), lane]);
    const end = api.coord([api.value(2), lane]);
    const h = api.size([0, 1])[1] * 0.62;
    const rect = echarts.graphic.clipRectByRect({ x: start[0], y: start[1] - h / 2, width: Math.max(end[0] - start[0], 2), height: h },
      { x: params.coordSys.x, y: params.coordSys.y, width: params.coordSys.width, height: params.coordSys.height });
    if (!rect) return null;
    const op = item.op;
    const selected = this.selected && this.selected.id === op.id;
    const finished = item.state === 'FINISHED';
    const running = ['RUNNING', 'SETUP', 'PAUSED'].includes(item.state);
    const children = [{
      type: 'rect', shape: { ...rect, r: 2 },
      style: {
        fill: item.color, opacity: finished ? 0.45 : 1,
        stroke: selected ? '#111' : item.late ? '#d32f2f' : running ? '#1b5e20' : 'rgba(0,0,0,0.25)',
        lineWidth: selected || running ? 2.5 : item.late ? 2 : 1,
        lineDash: item.state === 'PAUSED' ? [4, 3] : null,
      },
    }];
    if (op.pinned) children.push({ type: 'rect', shape: { x: rect.x, y: rect.y, width: Math.min(4, rect.width), height: rect.height }, style: { fill: '#222' } });
    if ((op.waitsFor || []).length) {
      children.push({ type: 'polygon', shape: { points: [[rect.x, rect.y], [rect.x + 7, rect.y], [rect.x, rect.y + 7]] }, style: { fill: '#ef6c00' } });
    }
    // a bare bar (most of them, at a week's zoom) is one rectangle, not a group: thousands are drawn
    if (children.length === 1 && rect.width <= 40) return children[0];
    const mark = finished ? '✓ ' : running ? '▶ ' : '';
    const label = this.view === 'machines' ? `${mark}${op.orderNumber}/${op.operationNo}` : `${mark}${op.operationNo} ${op.workUnitCode}`;
    if (rect.width > 40) {
      children.push({
        type: 'text', style: {
          text: label, x: rect.x + 6, y: rect.y + rect.height / 2, verticalAlign: 'middle', fill: '#fff', fontSize: 11,
          width: rect.width - 8, overflow: 'truncate',
        },
      });
    }
    return { type: 'group', children };
  }

  renderMark(params, api, item) {
    const at = api.coord([api.value(1), api.value(0)]);
    const h = api.size([0, 1])[1];
    const cs = params.coordSys;
    if (at[0] < cs.x || at[0] > cs.x + cs.width) return null;
    if (item.kind === 'due') {
      return { type: 'line', shape: { x1: at[0], y1: at[1] - h / 2 + 2, x2: at[0], y2: at[1] + h / 2 - 2 }, style: { stroke: item.order.late ? '#d32f2f' : '#2e7d32', lineWidth: 3 } };
    }
    return { type: 'line', shape: { x1: at[0], y1: at[1] - h / 2 + 2, x2: at[0], y2: at[1] + h / 2 - 2 }, style: { stroke: '#ef6c00', lineWidth: 2, lineDash: [3, 2] } };
  }

  /** The tooltip's HTML: words of the UI as they are, values from the data marked data-v (never translated). */
  tooltip(p) {
    const v = (s) => `<span data-v>${String(s ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]))}</span>`;
    const line = (key, ...args) => {
      const parts = t(key, ...args.map((_, i) => `\u0000${i}\u0000`)).split('\u0000');
      return parts.map((part, i) => (i % 2 === 0 ? part : v(args[Number(part)]))).join('');
    };
    const item = this.itemOf(p.seriesId, p.dataIndex);
    if (!item) return '';
    if (p.seriesId === 'marks') {
      return item.kind === 'due' ? line('schedule.dueAt', dateTime(item.order.dueAt)) : this.waitLine(item.wait, line);
    }
    const op = item.op;
    const lines = [
      `${v(`${op.orderNumber}/${op.operationNo} ${op.name || ''}`)}`,
      line('schedule.on', `${op.workUnitCode} (${op.workCenterCode})`),
      v(`${dateTime(op.start)} – ${dateTime(op.end)}`),
      line('schedule.minutes', op.setupMinutes, op.processingMinutes),
    ];
    if (op.pinned) lines.push(t('schedule.pinned'));
    if (item.state) lines.push(`${t('schedule.shopFloor')}: ${tEnum('opState', item.state)}`);
    (op.waitsFor || []).forEach((w) => lines.push(this.waitLine(w, line)));
    return lines.join('<br>');
  }

  waitLine(w, line) {
    const supplier = w.kind === 'PURCHASE_ORDER' ? `${w.orderNumber}/${w.lineNo}` : w.orderNumber;
    return line('schedule.waitsFor', w.itemCode, supplier, dateTime(w.availableAt));
  }

  waitText(w) {
    const supplier = w.kind === 'PURCHASE_ORDER' ? `${w.orderNumber}/${w.lineNo}` : w.orderNumber;
    return tData('schedule.waitsFor', w.itemCode, supplier, dateTime(w.availableAt));
  }

  /** Chart events: a click selects an operation; a planner drags one to another time (and, by machine, machine). */
  listen() {
    const chart = this.chart;
    const zr = chart.getZr();
    chart.on('mousedown', { seriesId: 'ops' }, (p) => {
      const item = this.itemOf('ops', p.dataIndex);
      if (item) this.drag = { item, x0: p.event.offsetX, y0: p.event.offsetY, moved: false };
    });
    zr.on('mousemove', (e) => {
      const d = this.drag;
      if (!d || !this.mayChange) return;
      if (Math.abs(e.offsetX - d.x0) + Math.abs(e.offsetY - d.y0) > 4) d.moved = true;
      if (!d.moved) return;
      const [lane, startV, endV] = d.item.value;
      const a = chart.convertToPixel({ seriesId: 'ops' }, [startV, lane]);
      const b = chart.convertToPixel({ seriesId: 'ops' }, [endV, lane]);
      const h = chart.convertToPixel({ seriesId: 'ops' }, [startV, 1])[1] - chart.convertToPixel({ seriesId: 'ops' }, [startV, 0])[1];
      const dy = this.view === 'machines' ? e.offsetY - d.y0 : 0;
      // the ghost is drawn on the chart's canvas directly: an option change would lay out every operation again
      const shape = { x: a[0] + e.offsetX - d.x0, y: a[1] - h * 0.31 + dy, width: Math.max(b[0] - a[0], 4), height: h * 0.62 };
      if (!d.ghost) {
        d.ghost = new echarts.graphic.Rect({ z: 100, zlevel: 1, shape, style: { fill: 'rgba(31,95,168,0.25)', stroke: '#1f5fa8', lineDash: [4, 3] } });
        zr.add(d.ghost);
      } else {
        d.ghost.setShape(shape);
      }
    });
    zr.on('mouseup', (e) => {
      const d = this.drag;
      this.drag = null;
      if (d && d.ghost) zr.remove(d.ghost);
      if (!d) return;
      if (!d.moved || !this.mayChange) {
        this.select(d.item.op);
        return;
      }
      this.propose(d, e.offsetX, e.offsetY);
    });
    // every bar drawn (ECharts draws thousands of them over several frames)
    chart.on('finished', () => {
      if (performance.getEntriesByName('pl-gantt-drawn').length) mark('pl-gantt-finished');
      else this.finishedEarly = true;
    });
    chart.on('dataZoom', () => {
      const [start, end] = this.visibleWindow();
      this.window = { start, end };
    });
  }

  /** A drop becomes a proposal: the operation's new start (on the five-minute grid) and, by machine, its machine. */
  propose(drag, x, y) {
    const from = this.chart.convertFromPixel({ seriesId: 'ops' }, [drag.x0, drag.y0]);
    const to = this.chart.convertFromPixel({ seriesId: 'ops' }, [x, y]);
    const op = drag.item.op;
    const startWall = toWall(Date.parse(op.start)) + (to[0] - from[0]);
    const start = fromWall(Math.round(startWall / GRID_MS) * GRID_MS);
    let workUnit = { id: op.workUnitId, code: op.workUnitCode };
    if (this.view === 'machines') {
      const lane = this.laneList[Math.max(0, Math.min(this.laneList.length - 1, Math.round(to[1])))];
      workUnit = { id: lane.machine.workUnitId, code: lane.machine.workUnitCode };
    }
    this.selected = op;
    this.showInTable(op);
    this.proposal = { op, start: new Date(start).toISOString(), workUnit };
  }

  /** The move API: pin the operation there and re-solve around it; a refusal changes nothing. */
  async move(proposal) {
    this.proposal = null;
    try {
      const body = { start: proposal.start, version: this.gantt.version };
      if (proposal.workUnit.id !== proposal.op.workUnitId) body.workUnitId = proposal.workUnit.id;
      const solve = await api(`/api/scheduling/schedules/${this.schedule.id}/operations/${proposal.op.id}/move`, { method: 'POST', body });
      this.error = null;
      this.notice = { key: 'schedule.moved', args: [proposal.op.orderNumber, proposal.op.operationNo] };
      this.follow(solve.id);
    } catch (e) {
      this.fail(e);
    }
  }

  fail(e, refusedKey = 'schedule.moveRefused') {
    // the server's detail is data (it names orders and machines), shown as it came next to the UI's own words
    const detail = html` <span data-v class="detail">${e.message}</span>`;
    if (e instanceof ApiError && e.status === 422) this.error = html`${t(refusedKey)}${detail}`;
    else if (e instanceof ApiError && e.status === 409) this.error = html`${t('schedule.conflict')}${detail}`;
    else this.error = html`${t('schedule.failed')}${detail}`;
  }

  /** Solves the live schedule for every planned and released production order; its progress is followed below. */
  async startSolve(event) {
    event.preventDefault();
    const seconds = Number(event.target.seconds.value);
    try {
      const body = this.copy ? { scheduleId: this.copy.id, timeLimitSeconds: seconds } : { timeLimitSeconds: seconds };
      const solve = await api('/api/scheduling/solves', { method: 'POST', body });
      this.error = null;
      this.notice = null;
      this.follow(solve.id);
    } catch (e) {
      this.fail(e, 'schedule.solveRefused');
    }
  }

  solveBar() {
    const solving = this.solve && SOLVING.includes(this.solve.status);
    return html`<form id="solve-form" class="filters" @submit=${this.startSolve}>
      ${this.mayChange ? html`<label>${t('schedule.timeLimit')} <input type="number" name="seconds" min="1" max="600" value="10" size="4"></label>
        <button type="submit" id="start-solve" ?disabled=${solving}>${t('schedule.startSolve')}</button>` : ''}
      ${solving ? html` <span id="solve-progress" class="note">${tData('schedule.solving', this.solve.id, this.solve.improvements, Math.round(this.solve.elapsedMs / 1000))}</span>` : ''}
      ${this.solve && !solving ? html` <span id="solve-done" class="note" data-solve=${this.solve.id} data-status=${this.solve.status}>${tData('schedule.solved', this.solve.id)} ${tEnum('solveState', this.solve.status)}</span>` : ''}
    </form>`;
  }

  /** Shows a what-if copy (null: the live schedule again) in the Gantt, for moves, pins and solves of its own. */
  editCopy(copy) {
    clearTimeout(this.timer);
    this.copy = copy;
    this.selected = null;
    this.proposal = null;
    this.explanation = null;
    this.solve = null;
    this.notice = null;
    this.error = null;
    this.gantt = null;
    this.tablePage = 0;
    this.load();
    window.scrollTo(0, 0);
  }

  /** Polls a solve (its state is in the database, whichever replica runs it) and reloads the Gantt when it ends. */
  async follow(solveId) {
    clearTimeout(this.timer);
    try {
      this.solve = await api(`/api/scheduling/solves/${solveId}`);
    } catch (e) {
      this.fail(e);
      return;
    }
    if (SOLVING.includes(this.solve.status)) {
      this.timer = setTimeout(() => this.follow(solveId), 700);
    } else {
      await this.load();
    }
  }

  async pin(op, pinned) {
    try {
      await api(`/api/scheduling/schedules/${this.schedule.id}/operations/${op.id}/pin`, { method: pinned ? 'POST' : 'DELETE' });
      await this.load();
    } catch (e) {
      this.fail(e);
    }
  }

  select(op) {
    this.selected = op;
    this.proposal = null;
    this.showInTable(op);
  }

  /** Turns the table to the page that holds the operation. */
  showInTable(op) {
    const rows = this.tableRows();
    const at = rows.findIndex((o) => o.id === op.id);
    if (at >= 0) this.tablePage = Math.floor(at / TABLE_ROWS);
  }

  /** The table's operations, lane by lane as on the chart. */
  tableRows() {
    return this.lanes().flatMap((lane) => lane.operations);
  }

  async explain(orderId) {
    try {
      this.explanation = await api(`/api/scheduling/schedules/${this.schedule.id}/orders/${orderId}/explanation`);
      this.error = null;
      await this.updateComplete;
      const el = this.querySelector('#explanation');
      if (el && el.scrollIntoView) el.scrollIntoView({ block: 'nearest' });
    } catch (e) {
      this.fail(e);
    }
  }

  /** Zooms keeping the left edge where it is (so that "now" stays in view), within the chart's span. */
  setZoom(zoom) {
    this.zoom = zoom;
    const { from, to } = this.span(this.gantt);
    let start = this.window ? this.window.start : toWall(Date.now());
    start = Math.max(toWall(from), Math.min(start, toWall(to) - ZOOMS[zoom]));
    this.window = { start, end: start + ZOOMS[zoom] };
    if (this.chart) this.chart.dispatchAction({ type: 'dataZoom', dataZoomIndex: 0, startValue: this.window.start, endValue: this.window.end });
  }

  /** The time window the chart shows now (plant wall-clock ms), whichever control changed it. */
  visibleWindow() {
    return this.chart.getModel().getComponent('dataZoom', 0).getValueRange('x', 0);
  }

  /** For the browser test and for scripts: where an operation's bar is drawn, and where a time on a lane is. */
  pixelOf(operationId) {
    const item = (this.opsData || []).find((d) => d.op.id === operationId);
    if (!item) return null;
    const p = this.chart.convertToPixel({ seriesId: 'ops' }, [(item.value[1] + item.value[2]) / 2, item.value[0]]);
    return p && [Math.round(p[0]), Math.round(p[1])];
  }

  pixelAt(instant, laneKey) {
    const lane = this.laneList.findIndex((l) => l.key === laneKey);
    const p = this.chart.convertToPixel({ seriesId: 'ops' }, [toWall(Date.parse(instant)), lane]);
    return p && [Math.round(p[0]), Math.round(p[1])];
  }

  toolbar() {
    return html`<div class="filters gantt-tools">
      <div class="tabs" role="tablist">${['machines', 'orders'].map((v) => html`<button role="tab" id=${`view-${v}`}
        class=${this.view === v ? 'active' : ''} aria-selected=${this.view === v}
        @click=${() => { this.view = v; this.proposal = null; this.tablePage = 0; }}>${t(`schedule.by.${v}`)}</button>`)}</div>
      <span>${t('schedule.zoom')}</span>
      <div class="tabs">${Object.keys(ZOOMS).map((z) => html`<button id=${`zoom-${z}`} class=${this.zoom === z ? 'active' : ''}
        @click=${() => this.setZoom(z)}>${t(`schedule.zoom.${z}`)}</button>`)}</div>
      <button id="gantt-refresh" @click=${() => this.load()}>${t('schedule.refresh')}</button>
    </div>`;
  }

  summary() {
    const s = this.schedule;
    return html`<p class="gantt-summary">
      ${tData('schedule.summary', s.orderCount, s.operationCount, dateTime(s.horizonStart), dateTime(s.makespanEnd))}
      ${s.lateOrders ? html` <span class="late-count">${tData('schedule.lateOrders', s.lateOrders)}</span>` : html` <span class="note">${t('schedule.noneLate')}</span>`}
    </p>`;
  }

  legend() {
    return html`<ul class="legend">
      <li><span class="sw shade"></span>${t('schedule.legend.nonWorking')}</li>
      <li><span class="sw late"></span>${t('schedule.legend.late')}</li>
      <li><span class="sw pinned"></span>${t('schedule.legend.pinned')}</li>
      <li><span class="sw material"></span>${t('schedule.legend.material')}</li>
      <li><span class="sw running"></span>${t('schedule.legend.running')}</li>
      <li><span class="sw finished"></span>${t('schedule.legend.finished')}</li>
      <li><span class="sw now"></span>${t('schedule.legend.now')}</li>
      ${this.mayChange ? html`<li>${t('schedule.legend.drag')}</li>` : ''}
    </ul>`;
  }

  proposalPanel() {
    const p = this.proposal;
    if (!p) return '';
    return html`<div id="move-proposal" class="panel" data-start=${p.start} data-work-unit=${p.workUnit.id}>
      ${tData('schedule.proposal', `${p.op.orderNumber}/${p.op.operationNo}`, p.workUnit.code, dateTime(p.start))}
      <button id="move-confirm" @click=${() => this.move(p)}>${t('schedule.move')}</button>
      <button id="move-cancel" @click=${() => { this.proposal = null; }}>${t('common.cancel')}</button>
    </div>`;
  }

  details() {
    const op = this.selected;
    if (!op) return html`<p class="hint">${t('schedule.selectHint')}</p>`;
    const order = this.orderOf(op.orderId);
    const sf = this.shopFloor(op);
    return html`<section id="operation" class="panel" data-op=${op.id}>
      <h3>${tData('schedule.operation', `${op.orderNumber}/${op.operationNo}`)} <span data-v>${op.name || ''}</span></h3>
      <dl class="facts">
        <dt>${t('schedule.machine')}</dt><dd data-v>${op.workUnitCode} (${op.workCenterCode})</dd>
        <dt>${t('schedule.start')}</dt><dd data-v class="op-start">${dateTime(op.start)}</dd>
        <dt>${t('schedule.end')}</dt><dd data-v>${dateTime(op.end)}</dd>
        <dt>${t('schedule.setupRun')}</dt><dd>${t('schedule.minutes', op.setupMinutes, op.processingMinutes)}</dd>
        <dt>${t('schedule.pinnedLabel')}</dt><dd class="op-pinned">${op.pinned ? t('common.yes') : t('common.no')}</dd>
        <dt>${t('schedule.shopFloor')}</dt><dd>${sf ? html`${tEnum('opState', sf.state)}
          ${sf.goodQuantity && Number(sf.goodQuantity) ? html` · ${tData('schedule.good', quantity(sf.goodQuantity))}` : ''}
          ${sf.actualStart ? html` · ${tData('schedule.actualStart', dateTime(sf.actualStart))}` : ''}` : t('schedule.notReleased')}</dd>
        <dt>${t('schedule.material')}</dt><dd>${(op.waitsFor || []).length ? (op.waitsFor || []).map((w) => html`<div class="wait">${this.waitText(w)}</div>`) : t('schedule.noWait')}</dd>
        <dt>${t('schedule.due')}</dt><dd data-v>${order ? dateTime(order.dueAt) : ''}
          ${order && order.late ? html`<span class="late-flag">${tData('schedule.lateBy', this.lateness(order.tardinessMinutes))}</span>` : ''}</dd>
      </dl>
      <div class="actions">
        ${this.mayChange ? html`<button id="pin" @click=${() => this.pin(op, !op.pinned)}>${op.pinned ? t('schedule.unpin') : t('schedule.pin')}</button>` : ''}
        <button id="why" @click=${() => this.explain(op.orderId)}>${order && order.late ? t('schedule.whyLate') : t('schedule.whyThen')}</button>
      </div>
      ${this.mayChange ? this.moveForm(op) : ''}
    </section>`;
  }

  moveForm(op) {
    // which machines may run it is the solver's to say: a machine that may not answers 422 and nothing changes
    const machines = this.gantt.machines;
    return html`<form id="move-form" class="filters" @submit=${(e) => {
      e.preventDefault();
      const f = e.target;
      const start = parseWallText(f.start.value);
      if (!start) { this.error = t('schedule.badTime'); return; }
      const m = this.gantt.machines.find((x) => String(x.workUnitId) === f.workUnit.value);
      this.proposal = { op, start, workUnit: { id: m.workUnitId, code: m.workUnitCode } };
    }}>
      <label>${t('schedule.machine')} <select name="workUnit">${machines.map((m) => html`<option data-v value=${m.workUnitId}
        ?selected=${m.workUnitId === op.workUnitId}>${m.workUnitCode}</option>`)}</select></label>
      <label>${t('schedule.startAt')} <input name="start" class="wall-time" .value=${wallText(op.start)} placeholder=${t('schedule.timeFormat')} size="16"></label>
      <button type="submit">${t('schedule.propose')}</button>
    </form>`;
  }

  lateness(m) {
    return minutes(m, t('unit.hour'), t('unit.minute'));
  }

  explanationPanel() {
    const x = this.explanation;
    if (!x) return '';
    return html`<section id="explanation" class="panel" data-order=${x.orderId}>
      <h3>${tData('schedule.explanationOf', x.orderNumber)}</h3>
      <p class="verdict">${x.late ? tData('schedule.lateVerdict', this.lateness(x.tardinessMinutes), dateTime(x.completionAt), dateTime(x.dueAt))
        : tData('schedule.onTimeVerdict', dateTime(x.completionAt), dateTime(x.dueAt))}</p>
      <table id="chain"><thead><tr><th>${t('schedule.step')}</th><th>${t('schedule.operationCol')}</th><th>${t('schedule.machine')}</th>
        <th>${t('schedule.readyAt')}</th><th>${t('schedule.start')}</th><th>${t('schedule.end')}</th><th>${t('schedule.reason')}</th><th>${t('schedule.because')}</th></tr></thead>
        <tbody>${x.chain.map((l, i) => html`<tr data-reason=${l.reason}>
          <td class="num">${i + 1}</td><td data-v>${l.orderNumber}/${l.operationNo}</td><td data-v>${l.workUnitCode}</td>
          <td data-v>${dateTime(l.readyAt)}</td><td data-v>${dateTime(l.start)}</td><td data-v>${dateTime(l.end)}</td>
          <td class="reason">${tEnum('reason', l.reason)}</td><td>${this.because(l)}</td></tr>`)}</tbody></table>
      <button @click=${() => { this.explanation = null; }}>${t('common.close')}</button>
    </section>`;
  }

  because(l) {
    const parts = [];
    if (l.waitedFor) parts.push(tData('schedule.waitedFor', `${l.waitedFor.orderNumber}/${l.waitedFor.operationNo}`));
    (l.material || []).forEach((w) => parts.push(html`<div>${this.waitText(w)}</div>`));
    if (l.gap) parts.push(html`<div class="gap">${tEnum('gap', l.gap.kind)}${l.gap.nextWindowAt ? html` · ${tData('schedule.resumes', dateTime(l.gap.nextWindowAt))}` : ''}</div>`);
    return parts;
  }

  table() {
    const rows = this.tableRows();
    const pages = Math.max(1, Math.ceil(rows.length / TABLE_ROWS));
    const page = Math.min(this.tablePage, pages - 1);
    const shown = rows.slice(page * TABLE_ROWS, (page + 1) * TABLE_ROWS);
    return html`${pager({ page, size: TABLE_ROWS, total: rows.length }, (p) => { this.tablePage = p; })}
      <table id="gantt-table" data-total=${rows.length} data-page=${page}><thead><tr><th>${this.view === 'machines' ? t('schedule.machine') : t('schedule.order')}</th>
      <th>${t('schedule.operationCol')}</th><th>${t('schedule.start')}</th><th>${t('schedule.end')}</th><th>${t('schedule.pinnedLabel')}</th>
      <th>${t('schedule.shopFloor')}</th><th>${t('schedule.material')}</th><th>${t('schedule.late')}</th></tr></thead>
      <tbody>${shown.map((op) => {
        const order = this.orderOf(op.orderId);
        const sf = this.shopFloor(op);
        return html`<tr data-op=${op.id} data-order=${op.orderId} class=${this.selected && this.selected.id === op.id ? 'selected' : ''}
            @click=${() => this.select(op)}>
          <td data-v>${this.view === 'machines' ? op.workUnitCode : op.orderNumber}</td>
          <td data-v class="op-ref">${op.orderNumber}/${op.operationNo} ${this.view === 'orders' ? op.workUnitCode : ''}</td>
          <td data-v class="op-start">${dateTime(op.start)}</td><td data-v>${dateTime(op.end)}</td>
          <td class="op-pinned">${op.pinned ? t('common.yes') : ''}</td>
          <td class="op-state">${sf ? tEnum('opState', sf.state) : ''}</td>
          <td>${(op.waitsFor || []).length ? t('schedule.waits', op.waitsFor.length) : ''}</td>
          <td class="op-late">${order && order.late ? t('schedule.late') : ''}</td></tr>`;
      })}</tbody></table>`;
  }

  render() {
    return html`<h2>${this.copy ? tData('schedule.copyTitle', this.copy.name) : t('schedule.title')}</h2>
      ${this.copy ? html`<p class="note editing-copy" id="editing-copy" data-schedule=${this.copy.id}>${tData('schedule.editingCopy', this.copy.name)}
        <button id="back-to-live" @click=${() => this.editCopy(null)}>${t('schedule.backToLive')}</button></p>` : ''}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
      ${this.notice ? html`<p class="note">${tData(this.notice.key, ...this.notice.args)}</p>` : ''}
      ${this.schedule !== undefined ? this.solveBar() : ''}
      ${this.schedule === undefined ? html`<p>${t('common.loading')}</p>`
        : this.schedule === null ? html`<p id="no-schedule">${t('schedule.none')}</p>`
          : !this.gantt ? html`<p>${t('common.loading')}</p>` : html`
      ${this.summary()}
      ${this.toolbar()}
      ${this.legend()}
      ${this.proposalPanel()}
      <div id="gantt-chart" class="chart gantt" aria-label=${t('schedule.chart')}></div>
      <div class="split gantt-split">
        <div class="pane">${this.details()}${this.explanationPanel()}</div>
        <div class="pane">${this.table()}</div>
      </div>
      <div class="whatif-slot">${this.copy ? '' : html`<pl-whatif .me=${this.me} .live=${this.schedule}
        @edit-copy=${(e) => this.editCopy(e.detail)}></pl-whatif>`}</div>`}`;
  }
}
customElements.define('pl-schedule', PlSchedule);
