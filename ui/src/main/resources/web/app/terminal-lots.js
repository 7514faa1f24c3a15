// What the terminal's next quantity report carries for genealogy: component lots scanned at the line (the component
// from the operation's material lines, the lot number typed or scanned — a scanner's Enter adds it — and the quantity
// taken from it; without a scan the server takes lots first-expired-first-out), and the serial numbers of the good
// pieces, one a line, for an item tracked by serial number. The terminal takes them with the report (take()), so they
// are queued, sent and applied once with it.
import { html } from 'lit';
import { Screen } from './base.js';
import { t, tData } from './i18n.js';
import { quantity } from './format.js';

class PlTerminalLots extends Screen {
  static properties = { line: { attribute: false }, scanned: { state: true }, open: { state: true } };

  constructor() {
    super();
    this.scanned = [];
    this.open = false;
  }

  willUpdate(changed) {
    if (changed.has('line') && (!this.line || !changed.get('line') || changed.get('line').operationId !== this.line.operationId)) {
      this.scanned = [];
      const serials = this.querySelector('#serials');
      if (serials) serials.value = '';
    }
  }

  add(event) {
    event.preventDefault();
    const f = event.target;
    const lotNumber = f.lot.value.trim();
    const qty = f.quantity.value.trim();
    if (!lotNumber || !qty || !(Number(qty) > 0)) return;
    const material = this.line.materialLines.find((m) => String(m.itemId) === f.component.value);
    this.scanned = [...this.scanned, { itemId: material.itemId, itemCode: material.itemCode, lotNumber, quantity: qty }];
    f.lot.value = '';
    f.quantity.value = '';
    f.lot.focus();
  }

  serials() {
    const area = this.querySelector('#serials');
    return area ? area.value.split(/[\s,;]+/).map((s) => s.trim()).filter(Boolean) : [];
  }

  /** The lots and serial numbers for the report being made, and the panel emptied for the next. */
  take() {
    const lots = this.scanned.map(({ itemId, lotNumber, quantity: q }) => ({ itemId, lotNumber, quantity: q }));
    const serials = this.serials();
    this.scanned = [];
    const area = this.querySelector('#serials');
    if (area) area.value = '';
    return { lots: lots.length ? lots : undefined, serials: serials.length ? serials : undefined };
  }

  render() {
    if (!this.line) return '';
    const materials = this.line.materialLines || [];
    return html`<details id="genealogy" ?open=${this.open} @toggle=${(e) => { this.open = e.target.open; }}>
      <summary>${t('lots.title')}${this.scanned.length ? html` · ${tData('lots.count', this.scanned.length)}` : ''}</summary>
      <p class="hint">${t('lots.hint')}</p>
      ${materials.length ? html`<form id="lot-scan" class="row" @submit=${(e) => this.add(e)}>
        <label>${t('lots.component')} <select name="component">${materials.map((m) => html`<option data-v value=${m.itemId}>${m.itemCode}</option>`)}</select></label>
        <label>${t('lots.lot')} <input name="lot" autocomplete="off"></label>
        <label>${t('lots.quantity')} <input name="quantity" type="number" min="0" step="any" inputmode="decimal"></label>
        <button type="submit" class="big">${t('lots.add')}</button>
      </form>` : html`<p class="hint">${t('lots.noComponents')}</p>`}
      ${this.scanned.length ? html`<ul id="scanned-lots">${this.scanned.map((s, i) => html`<li data-lot=${s.lotNumber}>
        <span data-v>${s.itemCode} · ${s.lotNumber} · ${quantity(s.quantity)}</span>
        <button type="button" class="remove" @click=${() => { this.scanned = this.scanned.filter((_, j) => j !== i); }}>${t('lots.remove')}</button></li>`)}</ul>` : ''}
      <label class="serials">${t('lots.serials')} <textarea id="serials" rows="2" autocomplete="off"></textarea></label>
    </details>`;
  }
}
customElements.define('pl-terminal-lots', PlTerminalLots);
