// One line on the bureau's dashboard while the embedded demo programme's history is being generated
// (GET /api/programme/demo-history): enterprises complete of those planned, days written, and the state; read again
// every five seconds, and gone once the generation is complete (or where it does not run).
import { html } from 'lit';
import { Screen } from './base.js';
import { t, tEnum } from './i18n.js';
import { api } from './api.js';

const SHOWN = new Set(['GENERATING', 'INCOMPLETE']);
const EVERY_MS = 5000;

class PlDemoProgress extends Screen {
  static properties = { progress: { state: true } };

  connectedCallback() {
    super.connectedCallback();
    this.read();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.timer);
    this.timer = null;
    this.stopped = true;
  }

  async read() {
    this.stopped = false;
    try {
      const progress = await api('/api/programme/demo-history');
      const wasShown = this.progress && SHOWN.has(this.progress.state);
      this.progress = progress;
      // the dashboard's figures grew with the enterprises just completed: it reads them again
      if (wasShown && !SHOWN.has(progress.state)) this.dispatchEvent(new CustomEvent('demo-complete', { bubbles: true }));
    } catch (e) {
      // the line is a courtesy: a failed read leaves it as it was and is tried again
    }
    if (this.stopped) return;
    if (!this.progress || SHOWN.has(this.progress.state)) this.timer = setTimeout(() => this.read(), EVERY_MS);
  }

  render() {
    const p = this.progress;
    if (!p || !SHOWN.has(p.state)) return '';
    return html`<p class="notice" id="demo-progress" data-state=${p.state}>${t('bureau.demo.line')}
      <span data-v class="demo-enterprises">${p.enterprisesComplete} / ${p.enterprisesPlanned}</span> ${t('bureau.demo.enterprises')}
      · <span data-v class="demo-days">${p.daysGenerated} / ${p.daysPlanned}</span> ${t('bureau.demo.days')}
      · <span class="demo-state">${tEnum('bureau.demo.state', p.state)}</span></p>`;
  }
}
customElements.define('pl-demo-progress', PlDemoProgress);
