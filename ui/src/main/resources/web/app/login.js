import { html } from 'lit';
import { Screen } from './base.js';
import { t } from './i18n.js';
import { signIn } from './api.js';

class PlLogin extends Screen {
  static properties = { failed: { state: true }, busy: { state: true } };

  async submit(event) {
    event.preventDefault();
    const form = event.target;
    this.busy = true;
    const ok = await signIn(form.username.value, form.password.value);
    this.busy = false;
    this.failed = !ok;
    if (ok) this.dispatchEvent(new CustomEvent('signed-in', { bubbles: true }));
  }

  render() {
    return html`<form class="login" @submit=${this.submit}>
      <h2>${t('login.title')}</h2>
      <label>${t('login.username')} <input name="username" id="username" autocomplete="username" required></label>
      <label>${t('login.password')} <input name="password" id="password" type="password" autocomplete="current-password" required></label>
      ${this.failed ? html`<p class="error" role="alert">${t('login.failed')}</p>` : ''}
      <button type="submit" id="sign-in" ?disabled=${this.busy}>${t('login.submit')}</button>
    </form>`;
  }
}
customElements.define('pl-login', PlLogin);
