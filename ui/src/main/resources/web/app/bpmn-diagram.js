// A BPMN 2.0 diagram drawn as SVG from the model's diagram interchange (BPMNShape bounds, BPMNEdge waypoints,
// BPMNLabel bounds), with the steps active now and those already completed marked. bpmn-js is not published in Maven
// Central's mvnpm group, so the inbox draws the notation itself: tasks with their type and loop markers, sub-processes,
// events with their definitions, gateways, sequence and message flows, associations, text annotations, pools and lanes.
// The XML is read with DOMParser and every piece of it reaches the page as an element or attribute value through Lit,
// never as markup.
import { LitElement, html, svg, nothing } from 'lit';
import { t } from './i18n.js';

const BPMN = 'http://www.omg.org/spec/BPMN/20100524/MODEL';
const BPMNDI = 'http://www.omg.org/spec/BPMN/20100524/DI';
const DC = 'http://www.omg.org/spec/DD/20100524/DC';

const TASKS = new Set(['task', 'userTask', 'serviceTask', 'scriptTask', 'sendTask', 'receiveTask', 'manualTask',
  'businessRuleTask', 'callActivity']);
const EVENTS = new Set(['startEvent', 'endEvent', 'intermediateCatchEvent', 'intermediateThrowEvent', 'boundaryEvent']);
const GATEWAYS = new Set(['exclusiveGateway', 'parallelGateway', 'inclusiveGateway', 'eventBasedGateway',
  'complexGateway']);
const SUB_PROCESSES = new Set(['subProcess', 'transaction', 'adHocSubProcess']);
const CONTAINERS = new Set(['participant', 'lane']);
const FONT = 12;

function child(el, ns, name) {
  for (const c of el.children) if (c.namespaceURI === ns && c.localName === name) return c;
  return null;
}

function bounds(el) {
  const b = el && child(el, DC, 'Bounds');
  if (!b) return null;
  const n = (a) => Number(b.getAttribute(a)) || 0;
  return { x: n('x'), y: n('y'), w: n('width'), h: n('height') };
}

/** What the drawing needs to know of a BPMN element. */
function describe(el) {
  const attr = (a) => el.getAttribute(a);
  const definitions = [...el.children].filter((c) => c.namespaceURI === BPMN && c.localName.endsWith('EventDefinition'))
    .map((c) => c.localName.replace('EventDefinition', ''));
  const loop = child(el, BPMN, 'multiInstanceLoopCharacteristics');
  return {
    id: attr('id'),
    type: el.localName,
    name: attr('name') || '',
    definition: definitions.length > 1 ? 'multiple' : definitions[0] || null,
    interrupting: attr('cancelActivity') !== 'false' && attr('isInterrupting') !== 'false',
    eventSubProcess: attr('triggeredByEvent') === 'true',
    loop: loop ? (loop.getAttribute('isSequential') === 'true' ? 'sequential' : 'parallel')
      : child(el, BPMN, 'standardLoopCharacteristics') ? 'loop' : null,
    sourceRef: attr('sourceRef'),
    targetRef: attr('targetRef'),
    defaultFlow: attr('default'),
    conditional: !!child(el, BPMN, 'conditionExpression'),
    text: el.localName === 'textAnnotation' ? (child(el, BPMN, 'text')?.textContent || '') : null,
  };
}

/**
 * The model's elements by id and the shapes and edges of its (first) diagram plane. Throws on XML that does not
 * parse.
 */
export function parseBpmn(xml) {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  if (doc.getElementsByTagName('parsererror').length) throw new Error('the model is not well-formed XML');
  const elements = new Map();
  for (const el of doc.getElementsByTagNameNS(BPMN, '*')) {
    if (el.getAttribute('id')) elements.set(el.getAttribute('id'), describe(el));
  }
  const plane = doc.getElementsByTagNameNS(BPMNDI, 'BPMNPlane')[0];
  const shapes = [];
  const edges = [];
  for (const di of plane ? plane.children : []) {
    const element = elements.get(di.getAttribute('bpmnElement'));
    if (!element) continue;
    const label = bounds(child(di, BPMNDI, 'BPMNLabel'));
    if (di.localName === 'BPMNShape') {
      const b = bounds(di);
      if (!b) continue;
      shapes.push({ element, ...b, label, expanded: di.getAttribute('isExpanded') === 'true',
        markerVisible: di.getAttribute('isMarkerVisible') === 'true',
        horizontal: di.getAttribute('isHorizontal') !== 'false' });
    } else if (di.localName === 'BPMNEdge') {
      const points = [...di.children].filter((c) => c.localName === 'waypoint')
        .map((p) => ({ x: Number(p.getAttribute('x')) || 0, y: Number(p.getAttribute('y')) || 0 }));
      if (points.length >= 2) edges.push({ element, points, label });
    }
  }
  return { elements, shapes, edges };
}

/** Width of a text in the diagram's font, near enough to wrap it: CJK characters are square, Latin ones narrower. */
function textWidth(s) {
  let w = 0;
  for (const ch of s) w += ch.codePointAt(0) >= 0x2e80 ? FONT : /[A-Z0-9mw]/.test(ch) ? FONT * 0.66 : FONT * 0.52;
  return w;
}

const CJK = '\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef';
// a CJK character with the punctuation that may not begin a line; a run of other characters; spaces
const TOKENS = new RegExp(`[${CJK}][?!,.;:)？！，。、；：）」』]*|[^\\s${CJK}]+|\\s+`, 'g');

function greedy(tokens, width) {
  const lines = [];
  let line = '';
  for (const token of tokens) {
    const candidate = line + token;
    if (line.trim() && textWidth(candidate.trimEnd()) > width) {
      lines.push(line.trim());
      line = /^\s+$/.test(token) ? '' : token;
    } else {
      line = candidate;
    }
  }
  if (line.trim()) lines.push(line.trim());
  return lines;
}

/**
 * Lines of at most `width`: Latin text breaks between words, CJK text between characters (never before closing
 * punctuation); as many lines as that takes, but balanced, so that a last line is not one word or character alone.
 */
export function wrapText(text, width) {
  const tokens = text.match(TOKENS) || [];
  const lines = greedy(tokens, width);
  if (lines.length < 2) return lines;
  let low = 0;
  let high = width;
  while (high - low > 2) {
    const mid = (low + high) / 2;
    if (greedy(tokens, mid).length > lines.length) low = mid; else high = mid;
  }
  return greedy(tokens, high);
}

const LINE = FONT + 3;

/** Where each label goes: inside a task, at the top of an expanded container, or below an event or gateway. */
function labelLayout(shape, text) {
  const { x, y, w, h, element: el, label } = shape;
  const t = el.type;
  if (TASKS.has(t) || (SUB_PROCESSES.has(t) && !shape.expanded)) {
    const lines = wrapText(text, w - 12);
    const height = lines.length * LINE;
    // centred, but below the type marker in the top left corner when the lines would reach it
    const marked = TASKS.has(t) && t !== 'task' && t !== 'callActivity';
    const top = Math.min(Math.max(y + h / 2 - height / 2, marked && lines.length > 2 ? y + 24 : y), y + h - 4 - height);
    return { lines, x: x + w / 2, y: top + FONT, anchor: 'middle' };
  }
  if (SUB_PROCESSES.has(t)) {
    return { lines: wrapText(text, w - 16), x: x + 8, y: y + 16, anchor: 'start' };
  }
  if (t === 'textAnnotation') {
    return { lines: wrapText(text, w - 8), x: x + 5, y: y + 16, anchor: 'start' };
  }
  if (CONTAINERS.has(t)) {
    return { lines: wrapText(text, h - 10), x: x + 15, y: y + h / 2, anchor: 'middle', vertical: true };
  }
  if (label) {
    const lines = wrapText(text, Math.max(label.w, 60));
    const cx = label.x + label.w / 2;
    return { lines, x: cx, y: label.y + FONT, anchor: 'middle', box: boxOf(lines, cx, label.y, 'middle') };
  }
  return { lines: wrapText(text, 100), external: true };
}

function boxOf(lines, x, top, anchor) {
  const w = Math.max(0, ...lines.map(textWidth));
  return { x: anchor === 'middle' ? x - w / 2 : anchor === 'end' ? x - w : x, y: top, w, h: lines.length * LINE };
}

/**
 * Places the labels that the model leaves to the viewer (events, gateways and flows without BPMNLabel bounds): of a
 * few places around the element, the one that covers the fewest shapes, flows and labels already placed.
 */
class LabelPlacer {
  constructor(model) {
    this.rects = model.shapes.filter((s) => !CONTAINERS.has(s.element.type)
      && !(SUB_PROCESSES.has(s.element.type) && s.expanded)).map((s) => ({ x: s.x, y: s.y, w: s.w, h: s.h }));
    this.segments = model.edges.flatMap((e) => e.points.slice(1).map((q, i) => [e.points[i], q]));
  }

  score(b) {
    let score = 0;
    for (const r of this.rects) {
      const dx = Math.min(b.x + b.w, r.x + r.w) - Math.max(b.x, r.x);
      const dy = Math.min(b.y + b.h, r.y + r.h) - Math.max(b.y, r.y);
      if (dx > 0 && dy > 0) score += dx * dy + 200;
    }
    for (const [p, q] of this.segments) {
      const steps = Math.max(1, Math.ceil(Math.hypot(q.x - p.x, q.y - p.y) / 3));
      for (let i = 0; i <= steps; i++) {
        const x = p.x + ((q.x - p.x) * i) / steps;
        const y = p.y + ((q.y - p.y) * i) / steps;
        if (x > b.x && x < b.x + b.w && y > b.y && y < b.y + b.h) {
          score += 600;
          break;
        }
      }
    }
    return score;
  }

  /** candidates: [{ x, top, anchor }] in order of preference; answers the layout of the best one. */
  place(lines, candidates) {
    let best = null;
    candidates.forEach((c, i) => {
      const box = boxOf(lines, c.x, c.top, c.anchor);
      const score = this.score(box) + i * 3;
      if (!best || score < best.score) best = { score, box, c };
    });
    this.rects.push(best.box);
    return { lines, x: best.c.x, y: best.c.top + FONT, anchor: best.c.anchor, box: best.box };
  }

  aroundShape(shape, lines) {
    const { x, y, w, h } = shape;
    const cx = x + w / 2;
    const cy = y + h / 2;
    const lh = lines.length * LINE;
    return this.place(lines, [
      { x: cx, top: y + h + 3, anchor: 'middle' },
      { x: cx, top: y - 3 - lh, anchor: 'middle' },
      { x: x + w * 0.8, top: y + h - 2, anchor: 'start' },
      { x: x + w * 0.2, top: y + h - 2, anchor: 'end' },
      { x: x + w * 0.8, top: y + 2 - lh, anchor: 'start' },
      { x: x + w * 0.2, top: y + 2 - lh, anchor: 'end' },
      { x: x + w + 4, top: cy - lh / 2, anchor: 'start' },
      { x: x - 4, top: cy - lh / 2, anchor: 'end' },
    ]);
  }

  alongEdge(edge, lines) {
    const [a, b] = edge.points;
    const lh = lines.length * LINE;
    const vertical = Math.abs(b.x - a.x) < Math.abs(b.y - a.y);
    const candidates = [];
    for (const f of [0.5, 0.3, 0.7]) {
      const px = a.x + (b.x - a.x) * f;
      const py = a.y + (b.y - a.y) * f;
      if (vertical) {
        candidates.push({ x: px + 5, top: py - lh / 2, anchor: 'start' }, { x: px - 5, top: py - lh / 2, anchor: 'end' });
      } else {
        candidates.push({ x: px, top: py - 3 - lh, anchor: 'middle' }, { x: px, top: py + 3, anchor: 'middle' });
      }
    }
    return this.place(lines, candidates);
  }
}

function textEl(layout, name, forId) {
  if (!layout.lines.length) return nothing;
  const first = layout.y;
  const transform = layout.vertical ? `rotate(-90 ${layout.x} ${layout.y})` : nothing;
  const dy0 = layout.vertical ? -((layout.lines.length - 1) * LINE) / 2 + FONT / 3 : 0;
  return svg`<text class="label" data-label-for=${forId} x=${layout.x} y=${first} text-anchor=${layout.anchor} font-size=${FONT}
    transform=${transform} ?data-v=${name.data}>${layout.lines.map((l, i) => svg`<tspan x=${layout.x}
    dy=${i === 0 ? dy0 : LINE}>${l}</tspan>`)}</text>`;
}

// ---- markers -------------------------------------------------------------------------------------------------------

function taskMarker(type, x, y) {
  switch (type) {
    case 'userTask':
      return svg`<g class="marker" fill="none" stroke-width="1.2"><circle cx=${x + 14} cy=${y + 11} r="4"/>
        <path d=${`M${x + 6} ${y + 25}c0-7 3-9 8-9s8 2 8 9z`}/></g>`;
    case 'serviceTask':
      return svg`<g class="marker" fill="none"><circle cx=${x + 14} cy=${y + 14} r="6" stroke-width="3"
        stroke-dasharray="2.4 2.3"/><circle cx=${x + 14} cy=${y + 14} r="4.5" stroke-width="1"/>
        <circle cx=${x + 14} cy=${y + 14} r="1.8" stroke-width="1"/></g>`;
    case 'scriptTask':
      return svg`<path class="marker" fill="none" d=${`M${x + 9} ${y + 6}h11c-4 4-4 8 0 11s4 7 0 11h-11c4-4 4-8 0-11s-4-7 0-11z
        M${x + 10} ${y + 11}h6M${x + 11} ${y + 16}h6M${x + 11} ${y + 21}h6`}/>`;
    case 'sendTask':
      return svg`<g class="marker filled"><rect x=${x + 6} y=${y + 8} width="17" height="12"/>
        <path class="cut" fill="none" d=${`M${x + 6} ${y + 8}l8.5 6l8.5-6`}/></g>`;
    case 'receiveTask':
      return svg`<g class="marker" fill="none"><rect x=${x + 6} y=${y + 8} width="17" height="12"/>
        <path d=${`M${x + 6} ${y + 8}l8.5 6l8.5-6`}/></g>`;
    case 'businessRuleTask':
      return svg`<g class="marker" fill="none"><rect x=${x + 6} y=${y + 7} width="18" height="13"/>
        <path d=${`M${x + 6} ${y + 11}h18M${x + 6} ${y + 15.5}h18M${x + 11} ${y + 11}v9`}/></g>`;
    case 'manualTask':
      return svg`<path class="marker" fill="none" d=${`M${x + 6} ${y + 14}l5-5h9M${x + 11} ${y + 13}h10M${x + 11} ${y + 17}h9
        M${x + 11} ${y + 21}h7M${x + 6} ${y + 14}v5q0 3 3 3h9`}/>`;
    default:
      return nothing;
  }
}

function loopMarker(loop, cx, bottom) {
  const y = bottom - 14;
  if (loop === 'parallel') return svg`<path class="marker" stroke-width="2" d=${`M${cx - 5} ${y}v10M${cx} ${y}v10M${cx + 5} ${y}v10`}/>`;
  if (loop === 'sequential') return svg`<path class="marker" stroke-width="2" d=${`M${cx - 5} ${y}h10M${cx - 5} ${y + 5}h10M${cx - 5} ${y + 10}h10`}/>`;
  if (loop === 'loop') return svg`<path class="marker" fill="none" d=${`M${cx - 3} ${y + 10}a5 5 0 1 1 5 0M${cx - 3} ${y + 10}l-1 -4M${cx - 3} ${y + 10}l-4 0`}/>`;
  return nothing;
}

function eventMarker(definition, cx, cy, filled) {
  const cls = filled ? 'marker filled' : 'marker';
  switch (definition) {
    case 'message':
      return svg`<g class=${cls} fill=${filled ? nothing : 'none'}><rect x=${cx - 8} y=${cy - 6} width="16" height="12"/>
        <path class=${filled ? 'cut' : ''} fill="none" d=${`M${cx - 8} ${cy - 6}l8 6l8-6`}/></g>`;
    case 'timer': {
      const ticks = [];
      for (let i = 0; i < 12; i++) {
        const a = (i * Math.PI) / 6;
        ticks.push(`M${cx + 8 * Math.cos(a)} ${cy + 8 * Math.sin(a)}L${cx + 10 * Math.cos(a)} ${cy + 10 * Math.sin(a)}`);
      }
      return svg`<g class="marker" fill="none"><circle class="face" cx=${cx} cy=${cy} r="11"/>
        <path d=${ticks.join('')} stroke-width="1"/><path d=${`M${cx} ${cy}L${cx + 1} ${cy - 7}M${cx} ${cy}L${cx + 5} ${cy + 2}`}/></g>`;
    }
    case 'error':
      return svg`<path class=${cls} fill=${filled ? nothing : 'none'} stroke-linejoin="round"
        d=${`M${cx - 8} ${cy + 8}L${cx - 3} ${cy - 7}L${cx + 2} ${cy + 1}L${cx + 8} ${cy - 8}L${cx + 3} ${cy + 7}L${cx - 2} ${cy - 1}Z`}/>`;
    case 'signal':
      return svg`<path class=${cls} fill=${filled ? nothing : 'none'} d=${`M${cx} ${cy - 9}L${cx + 8} ${cy + 6}L${cx - 8} ${cy + 6}Z`}/>`;
    case 'escalation':
      return svg`<path class=${cls} fill=${filled ? nothing : 'none'} d=${`M${cx} ${cy - 9}L${cx + 7} ${cy + 8}L${cx} ${cy + 2}L${cx - 7} ${cy + 8}Z`}/>`;
    case 'terminate':
      return svg`<circle class="marker filled" cx=${cx} cy=${cy} r="10"/>`;
    case 'conditional':
      return svg`<g class="marker" fill="none"><rect x=${cx - 6} y=${cy - 8} width="12" height="16"/>
        <path d=${`M${cx - 4} ${cy - 4}h8M${cx - 4} ${cy}h8M${cx - 4} ${cy + 4}h8`}/></g>`;
    case 'link':
      return svg`<path class=${cls} fill=${filled ? nothing : 'none'} d=${`M${cx - 8} ${cy - 3}h7v-5l8 8l-8 8v-5h-7z`}/>`;
    case 'compensate':
      return svg`<path class=${cls} fill=${filled ? nothing : 'none'} d=${`M${cx - 9} ${cy}L${cx} ${cy - 6}V${cy + 6}ZM${cx} ${cy}L${cx + 9} ${cy - 6}V${cy + 6}Z`}/>`;
    case 'cancel':
      return svg`<path class="marker" stroke-width="3" d=${`M${cx - 6} ${cy - 6}L${cx + 6} ${cy + 6}M${cx + 6} ${cy - 6}L${cx - 6} ${cy + 6}`}/>`;
    case 'multiple':
      return svg`<path class=${cls} fill=${filled ? nothing : 'none'} d=${pentagon(cx, cy, 8)}/>`;
    default:
      return nothing;
  }
}

function pentagon(cx, cy, r) {
  const p = [];
  for (let i = 0; i < 5; i++) {
    const a = -Math.PI / 2 + (i * 2 * Math.PI) / 5;
    p.push(`${cx + r * Math.cos(a)} ${cy + r * Math.sin(a)}`);
  }
  return `M${p.join('L')}Z`;
}

function gatewayMarker(shape, cx, cy) {
  switch (shape.element.type) {
    case 'exclusiveGateway':
      return shape.markerVisible ? svg`<path class="marker" stroke-width="4" d=${`M${cx - 8} ${cy - 8}L${cx + 8} ${cy + 8}M${cx + 8} ${cy - 8}L${cx - 8} ${cy + 8}`}/>` : nothing;
    case 'parallelGateway':
      return svg`<path class="marker" stroke-width="4" d=${`M${cx} ${cy - 12}V${cy + 12}M${cx - 12} ${cy}H${cx + 12}`}/>`;
    case 'inclusiveGateway':
      return svg`<circle class="marker" fill="none" stroke-width="3" cx=${cx} cy=${cy} r="10"/>`;
    case 'complexGateway':
      return svg`<path class="marker" stroke-width="3" d=${`M${cx} ${cy - 12}V${cy + 12}M${cx - 12} ${cy}H${cx + 12}
        M${cx - 8} ${cy - 8}L${cx + 8} ${cy + 8}M${cx + 8} ${cy - 8}L${cx - 8} ${cy + 8}`}/>`;
    case 'eventBasedGateway':
      return svg`<g class="marker" fill="none"><circle cx=${cx} cy=${cy} r="12"/><circle cx=${cx} cy=${cy} r="9.5"/>
        <path d=${pentagon(cx, cy + 1, 6)}/></g>`;
    default:
      return nothing;
  }
}

// ---- shapes and edges ----------------------------------------------------------------------------------------------

function shapeBody(shape) {
  const { x, y, w, h, element: el } = shape;
  const t = el.type;
  const cx = x + w / 2;
  const cy = y + h / 2;
  if (TASKS.has(t)) {
    return svg`<rect class="body" x=${x} y=${y} width=${w} height=${h} rx="10" fill="#fff" stroke="#222"
        stroke-width=${t === 'callActivity' ? 4 : 1.5}/>${taskMarker(t, x, y)}${loopMarker(el.loop, cx, y + h)}`;
  }
  if (SUB_PROCESSES.has(t)) {
    const collapsed = !shape.expanded;
    return svg`<rect class="body" x=${x} y=${y} width=${w} height=${h} rx="10" fill="#fff" stroke="#222"
        stroke-width="1.5" stroke-dasharray=${el.eventSubProcess ? '6 3' : nothing}/>
      ${t === 'transaction' ? svg`<rect class="inner" x=${x + 3} y=${y + 3} width=${w - 6} height=${h - 6} rx="8"
        fill="none" stroke="#222"/>` : nothing}
      ${collapsed ? svg`<rect class="marker" x=${cx - 6 - (el.loop ? 9 : 0)} y=${y + h - 15} width="12" height="12"
        fill="none"/><path class="marker" d=${`M${cx - (el.loop ? 9 : 0)} ${y + h - 13}v8M${cx - 4 - (el.loop ? 9 : 0)} ${y + h - 9}h8`}/>` : nothing}
      ${loopMarker(el.loop, cx + (collapsed && el.loop ? 9 : 0), y + h)}`;
  }
  if (EVENTS.has(t)) {
    const r = Math.min(w, h) / 2;
    const dashed = !el.interrupting && (t === 'boundaryEvent' || t === 'startEvent') ? '4 2' : nothing;
    const double = t.startsWith('intermediate') || t === 'boundaryEvent';
    const filled = t === 'endEvent' || t === 'intermediateThrowEvent';
    return svg`<circle class="body" cx=${cx} cy=${cy} r=${r} fill="#fff" stroke="#222"
        stroke-width=${t === 'endEvent' ? 4 : 1.5} stroke-dasharray=${dashed}/>
      ${double ? svg`<circle class="inner" cx=${cx} cy=${cy} r=${r - 3} fill="none" stroke="#222" stroke-width="1.5"
        stroke-dasharray=${dashed}/>` : nothing}
      ${eventMarker(el.definition, cx, cy, filled)}`;
  }
  if (GATEWAYS.has(t)) {
    return svg`<path class="body" d=${`M${cx} ${y}L${x + w} ${cy}L${cx} ${y + h}L${x} ${cy}Z`} fill="#fff"
        stroke="#222" stroke-width="1.5"/>${gatewayMarker(shape, cx, cy)}`;
  }
  if (t === 'textAnnotation') {
    return svg`<path class="annotation" fill="none" stroke="#222" d=${`M${x + 10} ${y}H${x}V${y + h}H${x + 10}`}/>`;
  }
  if (t === 'dataObjectReference' || t === 'dataObject') {
    return svg`<path class="body" fill="#fff" stroke="#222" stroke-width="1.5"
        d=${`M${x} ${y}H${x + w - 10}L${x + w} ${y + 10}V${y + h}H${x}ZM${x + w - 10} ${y}V${y + 10}H${x + w}`}/>`;
  }
  if (t === 'dataStoreReference') {
    return svg`<path class="body" fill="#fff" stroke="#222" stroke-width="1.5"
        d=${`M${x} ${y + 8}A${w / 2} 8 0 0 1 ${x + w} ${y + 8}V${y + h - 8}A${w / 2} 8 0 0 1 ${x} ${y + h - 8}Z
        M${x} ${y + 8}A${w / 2} 8 0 0 0 ${x + w} ${y + 8}`}/>`;
  }
  if (CONTAINERS.has(t)) {
    return svg`<rect class="body" x=${x} y=${y} width=${w} height=${h} fill="none" stroke="#222" stroke-width="1.5"/>
      <path class="band" d=${`M${x + 30} ${y}V${y + h}`} stroke="#222"/>`;
  }
  return svg`<rect class="body" x=${x} y=${y} width=${w} height=${h} fill="#fff" stroke="#222"/>`;
}

function arrowHead(points, open) {
  const a = points[points.length - 2];
  const b = points[points.length - 1];
  const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
  const ux = (b.x - a.x) / len;
  const uy = (b.y - a.y) / len;
  const bx = b.x - ux * 11;
  const by = b.y - uy * 11;
  return svg`<path class=${open ? 'head open' : 'head'} fill=${open ? '#fff' : '#222'} stroke="#222" stroke-width="1"
    d=${`M${b.x} ${b.y}L${bx - uy * 4} ${by + ux * 4}L${bx + uy * 4} ${by - ux * 4}Z`}/>`;
}

function edgeBody(edge, model) {
  const el = edge.element;
  const p = edge.points;
  const d = `M${p.map((q) => `${q.x} ${q.y}`).join('L')}`;
  if (el.type === 'sequenceFlow') {
    const source = model.elements.get(el.sourceRef);
    const isDefault = source && source.defaultFlow === el.id;
    const conditional = el.conditional && source && !GATEWAYS.has(source.type);
    const a = p[0];
    const b = p[1];
    const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
    const ux = (b.x - a.x) / len;
    const uy = (b.y - a.y) / len;
    return svg`<path class="line" d=${d} fill="none" stroke="#222" stroke-width="1.5" stroke-linejoin="round"/>
      ${arrowHead(p, false)}
      ${isDefault ? svg`<path class="line" stroke="#222" stroke-width="1.5"
        d=${`M${a.x + ux * 10 - uy * 6 - ux * 4} ${a.y + uy * 10 + ux * 6 - uy * 4}L${a.x + ux * 10 + uy * 6 + ux * 4} ${a.y + uy * 10 - ux * 6 + uy * 4}`}/>` : nothing}
      ${conditional ? svg`<path class="head open" fill="#fff" stroke="#222"
        d=${`M${a.x} ${a.y}L${a.x + ux * 7 - uy * 5} ${a.y + uy * 7 + ux * 5}L${a.x + ux * 14} ${a.y + uy * 14}L${a.x + ux * 7 + uy * 5} ${a.y + uy * 7 - ux * 5}Z`}/>` : nothing}`;
  }
  if (el.type === 'messageFlow') {
    return svg`<path class="line" d=${d} fill="none" stroke="#222" stroke-width="1.5" stroke-dasharray="6 4"/>
      <circle class="head open" cx=${p[0].x} cy=${p[0].y} r="4" fill="#fff" stroke="#222"/>${arrowHead(p, true)}`;
  }
  const data = el.type === 'dataInputAssociation' || el.type === 'dataOutputAssociation';
  return svg`<path class="line" d=${d} fill="none" stroke="#222" stroke-width="1" stroke-dasharray="2 3"/>
    ${data ? arrowHead(p, true) : nothing}`;
}

function edgeLabelLayout(edge, text, placer) {
  if (edge.label) {
    const lines = wrapText(text, Math.max(edge.label.w, 40));
    const cx = edge.label.x + edge.label.w / 2;
    return { lines, x: cx, y: edge.label.y + FONT, anchor: 'middle', box: boxOf(lines, cx, edge.label.y, 'middle') };
  }
  return placer.alongEdge(edge, wrapText(text, 120));
}

const ORDER = (shape) => (CONTAINERS.has(shape.element.type) ? 0 : SUB_PROCESSES.has(shape.element.type) && shape.expanded
  ? 1 : shape.element.type === 'boundaryEvent' ? 3 : 2);

/**
 * <pl-bpmn-diagram>: `xml` the BPMN 2.0 model; `active` and `completed` the ids of the elements active now and those
 * completed; `nameOf(element)` answers `{ text, data }` for an element's label (`data`: the model's own text, not the
 * UI's words); `fit` scales the drawing to the width of the page (else it keeps its size and scrolls); `label` names the
 * drawing for assistive technology, whose users also find the active steps by `aria-current="step"`.
 * Every drawn element carries `data-element-id` and, when it has one, `data-state` (active, completed, taken).
 */
export class BpmnDiagram extends LitElement {
  static properties = {
    xml: {}, active: { attribute: false }, completed: { attribute: false }, nameOf: { attribute: false },
    fit: { type: Boolean }, label: {},
  };

  createRenderRoot() {
    return this;
  }

  willUpdate(changed) {
    if (changed.has('xml')) {
      try {
        this.model = this.xml ? parseBpmn(this.xml) : null;
      } catch (unreadable) {
        this.model = null; // said on the page as a model without a diagram
      }
    }
  }

  render() {
    const model = this.model;
    if (!model || !model.shapes.length) {
      return this.xml ? html`<p class="notice" id="diagram-missing">${t('tasks.diagram.none')}</p>` : nothing;
    }
    const active = new Set(this.active || []);
    const completed = new Set(this.completed || []);
    const nameOf = this.nameOf || ((el) => ({ text: el.name, data: true }));
    const state = (id) => (active.has(id) ? 'active' : completed.has(id) ? 'completed' : nothing);
    const box = { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity };
    const extend = (x, y, w = 0, h = 0) => {
      box.x1 = Math.min(box.x1, x); box.y1 = Math.min(box.y1, y);
      box.x2 = Math.max(box.x2, x + w); box.y2 = Math.max(box.y2, y + h);
    };
    const shapes = [...model.shapes].sort((a, b) => ORDER(a) - ORDER(b)
      || (ORDER(a) <= 1 ? b.w * b.h - a.w * a.h : 0));
    const labels = [];
    const placer = new LabelPlacer(model);
    const label = (layout, name, id) => {
      if (layout.box) extend(layout.box.x, layout.box.y, layout.box.w, layout.box.h);
      labels.push(textEl(layout, name, id));
    };
    const drawn = shapes.map((shape) => {
      extend(shape.x, shape.y, shape.w, shape.h);
      const el = shape.element;
      const name = el.type === 'textAnnotation' ? { text: el.text, data: true } : nameOf(el);
      if (name && name.text) {
        const layout = labelLayout(shape, name.text);
        label(layout.external ? placer.aroundShape(shape, layout.lines) : layout, name, el.id);
      }
      const cls = ['el', el.type, state(el.id) === nothing ? '' : state(el.id)].join(' ').trim();
      return svg`<g class=${cls} data-element-id=${el.id} data-state=${state(el.id)}
        aria-current=${active.has(el.id) ? 'step' : nothing}>${shapeBody(shape)}</g>`;
    });
    const flows = model.edges.map((edge) => {
      edge.points.forEach((p) => extend(p.x, p.y));
      const el = edge.element;
      const taken = el.type === 'sequenceFlow' && completed.has(el.sourceRef)
        && (completed.has(el.targetRef) || active.has(el.targetRef));
      const name = nameOf(el);
      if (name && name.text) label(edgeLabelLayout(edge, name.text, placer), name, el.id);
      return svg`<g class=${`flow ${el.type}${taken ? ' taken' : ''}`} data-element-id=${el.id}
        data-state=${taken ? 'taken' : nothing}>${edgeBody(edge, model)}</g>`;
    });
    const pad = 12;
    this.viewBox = [box.x1 - pad, box.y1 - pad, box.x2 - box.x1 + 2 * pad, box.y2 - box.y1 + 2 * pad];
    const nodes = drawn.filter((_, i) => ORDER(shapes[i]) >= 2);
    const containers = drawn.filter((_, i) => ORDER(shapes[i]) < 2);
    return html`<svg class=${this.fit ? 'bpmn fit' : 'bpmn'} role="img" aria-label=${this.label || nothing}
      xmlns="http://www.w3.org/2000/svg" font-family="sans-serif">${containers}${flows}${nodes}${labels}</svg>`;
  }

  updated() {
    const root = this.querySelector('svg.bpmn');
    if (!root || !this.viewBox) return;
    const [x, y, w, h] = this.viewBox;
    root.setAttribute('viewBox', `${x} ${y} ${w} ${h}`);
    if (this.fit) {
      root.setAttribute('width', '100%');
      root.removeAttribute('height');
      root.style.maxWidth = `${Math.ceil(w)}px`;
    } else {
      root.setAttribute('width', String(Math.ceil(w)));
      root.setAttribute('height', String(Math.ceil(h)));
      root.style.maxWidth = '';
    }
  }
}
customElements.define('pl-bpmn-diagram', BpmnDiagram);
