import { LitElement } from 'lit';
import { onLanguageChange } from './i18n.js';

/** A screen component: rendered into the page itself (no shadow DOM, so the page's styles and tests reach it),
 * and again whenever the language changes. */
export class Screen extends LitElement {
  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    this.unlisten = onLanguageChange(() => this.requestUpdate());
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    if (this.unlisten) this.unlisten();
  }
}
