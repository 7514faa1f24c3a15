// Pieces of the MRP workbench that only draw what the API answered: a refusal (problem+json) next to what caused it,
// the pegging tree up or down, and a run's exception messages.
import { html } from 'lit';
import { t, tEnum } from './i18n.js';
import { ApiError } from './api.js';
import { date, quantity } from './format.js';

/** A refusal of the API in the UI's words, with the server's detail and each field it names (data, as they came). */
export function refusal(e, id) {
  if (!e) return '';
  const problem = e instanceof ApiError ? e.problem : null;
  const headline = !(e instanceof ApiError) ? t('mrp.networkFailed')
    : e.status === 409 ? t('mrp.conflict') : e.status === 422 ? t('mrp.unprocessable')
      : e.status === 404 ? t('mrp.notFound') : t('mrp.refused');
  const fields = (problem && problem.errors) || [];
  return html`<div class="error" id=${id} data-type=${problem && problem.type ? problem.type.replace(/^.*\//, '') : ''}>
    ${headline} <span data-v class="detail">${e.message}</span>
    ${fields.length ? html`<ul class="field-errors">${fields.map((f) => html`<li data-field=${f.field}><span data-v>${f.field}: ${f.message}</span></li>`)}</ul>` : ''}
  </div>`;
}

/** One node of a pegging tree and, nested, the nodes it leads to. */
function pegNode(node) {
  const order = node.plannedOrderNumber != null ? `${node.orderItemCode || node.itemCode}/${node.plannedOrderNumber}` : '';
  return html`<li class="peg-node" data-element=${node.element} data-kind=${node.kind} data-item=${node.itemCode}>
    <span class=${`peg-element ${node.element === 'DEMAND' ? 'demand' : 'supply'}`}>${tEnum('pegElement', node.element)}</span>
    <span class="peg-kind">${tEnum(node.element === 'DEMAND' ? 'demandKind' : 'supplyKind', node.kind)}</span>
    <span data-v class="peg-item">${node.itemCode}</span>
    <span data-v>${date(node.date)}</span>
    <span data-v class="num peg-quantity">${quantity(node.quantity)}</span>
    ${node.elementQuantity != null && String(node.elementQuantity) !== String(node.quantity)
      ? html`<span class="muted">${t('mrp.pegOf')} <span data-v>${quantity(node.elementQuantity)}</span></span>` : ''}
    ${node.reference ? html`<span data-v class="peg-ref">${node.reference}</span>` : ''}
    ${order ? html`<span class="muted">${t('mrp.pegPlanned')} <span data-v>${order}</span></span>` : ''}
    ${node.children && node.children.length ? html`<ul>${node.children.map(pegNode)}</ul>` : ''}
  </li>`;
}

export function peggingTree(pegging) {
  if (!pegging) return '';
  return html`<div id="pegging" data-direction=${pegging.direction}>
    <h4>${t(pegging.direction === 'up' ? 'mrp.peggingUp' : 'mrp.peggingDown')}</h4>
    <ul class="peg-tree">${pegNode(pegging.tree)}</ul>
  </div>`;
}

export function exceptionRows(page, showItem) {
  if (!page.items.length) return html`<p>${t('common.none')}</p>`;
  return html`<table id="exceptions-table"><thead><tr><th>${t('orders.item')}</th><th>${t('mrp.exception')}</th>
      <th>${t('mrp.exceptionDate')}</th><th>${t('mrp.suggestedDate')}</th><th class="num">${t('orders.quantity')}</th>
      <th>${t('mrp.reference')}</th><th class="num">${t('mrp.minutesNeeded')}</th><th></th></tr></thead>
    <tbody>${page.items.map((x) => html`<tr data-seq=${x.seq} data-item=${x.itemCode} data-kind=${x.kind}>
      <td data-v>${x.itemCode}</td><td class="exception-kind">${tEnum('exception', x.kind)}</td>
      <td data-v>${date(x.date)}</td><td data-v>${date(x.suggestedDate)}</td>
      <td class="num" data-v>${quantity(x.quantity)}</td><td data-v>${x.reference ?? ''}</td>
      <td class="num" data-v>${x.workingMinutesNeeded ?? ''}</td>
      <td><button class="exception-item" @click=${() => showItem(x)}>${t('mrp.itemPlanned')}</button></td></tr>`)}
    </tbody></table>`;
}
