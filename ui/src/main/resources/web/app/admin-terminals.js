// Terminals of the enterprise: register one (its token shown once), a new token for a lost one, revoke; operators'
// badge numbers and PINs: the operators with their badges, a badge given, a lost one taken away.
import { html } from 'lit';
import { Screen } from './base.js';
import { t } from './i18n.js';
import { api } from './api.js';
import { dateTime } from './format.js';
import { problemFields, refusalLine, fieldError, value } from './admin-form.js';

class PlAdminTerminals extends Screen {
  static properties = {
    me: { attribute: false }, terminals: { state: true }, workCenters: { state: true }, operators: { state: true },
    badges: { state: true }, badgeRowFailure: { state: true },
    token: { state: true }, errors: { state: true }, failure: { state: true }, rowFailure: { state: true },
    badgeErrors: { state: true }, badgeFailure: { state: true }, badgeSaved: { state: true }, error: { state: true },
  };

  constructor() {
    super();
    this.errors = {};
    this.badgeErrors = {};
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  async load() {
    try {
      const [terminals, centers, badges] = await Promise.all([
        api('/api/mes/terminals', { query: { size: 1000 } }),
        api('/api/work-centers', { query: { size: 1000 } }),
        api('/api/mes/operators/badges')]);
      this.terminals = terminals.items;
      this.workCenters = centers.items;
      this.badges = badges;
      this.operators = badges.filter((u) => u.enabled);
      this.error = null;
    } catch (e) {
      this.error = e;
    }
  }

  centerCode(id) {
    const c = (this.workCenters || []).find((w) => w.id === id);
    return c ? `${c.code} ${c.name}` : String(id);
  }

  async register(event) {
    event.preventDefault();
    const form = event.target;
    const center = value(form, 'workCenterId');
    try {
      const created = await api('/api/mes/terminals', {
        method: 'POST',
        body: { code: value(form, 'code') ?? '', name: value(form, 'name') ?? '', workCenterId: center === null ? null : Number(center) },
      });
      this.token = { code: created.code, token: created.token };
      this.errors = {};
      this.failure = null;
      form.reset();
      await this.load();
    } catch (e) {
      this.errors = problemFields(e);
      this.failure = e;
    }
  }

  async act(terminal, action) {
    try {
      const answer = await api(`/api/mes/terminals/${terminal.id}/${action}`, { method: 'POST' });
      this.token = action === 'token' ? { code: answer.code, token: answer.token } : null;
      this.rowFailure = null;
      await this.load();
    } catch (e) {
      this.rowFailure = e;
    }
  }

  async badge(event) {
    event.preventDefault();
    const form = event.target;
    const username = value(form, 'operator');
    if (!username) {
      this.badgeErrors = { operator: 'must not be null' };
      return;
    }
    try {
      const saved = await api(`/api/mes/operators/${encodeURIComponent(username)}/badge`, {
        method: 'PUT', body: { badgeNumber: value(form, 'badgeNumber') ?? '', pin: form.elements.pin.value },
      });
      this.badgeSaved = saved;
      this.badgeErrors = {};
      this.badgeFailure = null;
      form.elements.pin.value = '';
      await this.load();
    } catch (e) {
      this.badgeErrors = problemFields(e);
      this.badgeFailure = e;
      this.badgeSaved = null;
    }
  }

  async removeBadge(operator) {
    try {
      await api(`/api/mes/operators/${encodeURIComponent(operator.username)}/badge`, { method: 'DELETE' });
      this.badgeRowFailure = null;
      this.badgeSaved = null;
      await this.load();
    } catch (e) {
      this.badgeRowFailure = e;
    }
  }

  badgeTable() {
    const list = this.badges;
    if (!list) return '';
    if (!list.length) return html`<p id="no-operators">${t('admin.badges.noOperators')}</p>`;
    return html`${refusalLine(this.badgeRowFailure, 'badge-row-refusal')}
      <table id="badges-table"><thead><tr><th>${t('admin.badges.operator')}</th><th>${t('admin.badges.name')}</th>
        <th>${t('admin.badges.number')}</th><th></th></tr></thead>
      <tbody>${list.map((u) => html`<tr data-username=${u.username} class=${u.enabled ? '' : 'disabled'}>
        <td data-v>${u.username}</td><td data-v>${u.displayName}</td>
        <td class="badge-number">${u.badgeNumber ? html`<span data-v>${u.badgeNumber}</span>` : t('admin.badges.noBadge')}
          ${u.enabled ? '' : html` (${t('admin.badges.disabled')})`}</td>
        <td>${u.badgeNumber ? html`<button type="button" class="remove-badge" @click=${() => this.removeBadge(u)}>${t('admin.badges.remove')}</button>` : ''}</td>
      </tr>`)}</tbody></table>`;
  }

  table() {
    const list = this.terminals;
    if (!list) return html`<p>${t('common.loading')}</p>`;
    if (!list.length) return html`<p id="no-terminals">${t('admin.terminals.none')}</p>`;
    return html`<table id="terminals-table"><thead><tr><th>${t('admin.terminals.code')}</th><th>${t('admin.terminals.name')}</th>
      <th>${t('admin.terminals.workCenter')}</th><th>${t('admin.terminals.tokenHint')}</th><th>${t('admin.terminals.registered')}</th>
      <th>${t('admin.terminals.lastSeen')}</th><th>${t('admin.terminals.operator')}</th><th>${t('admin.terminals.state')}</th><th></th></tr></thead>
      <tbody>${list.map((x) => html`<tr data-code=${x.code} data-id=${x.id}>
        <td data-v>${x.code}</td><td data-v>${x.name}</td><td data-v>${this.centerCode(x.workCenterId)}</td>
        <td data-v>${x.tokenHint ?? ''}</td><td data-v>${dateTime(x.registeredAt)}</td><td data-v>${dateTime(x.lastSeenAt)}</td>
        <td data-v>${x.operator ?? ''}</td>
        <td class="state">${x.revokedAt ? html`${t('admin.terminals.revoked')} <span data-v>${dateTime(x.revokedAt)}</span>` : t('admin.terminals.active')}</td>
        <td>${x.revokedAt ? '' : html`<button class="new-token" @click=${() => this.act(x, 'token')}>${t('admin.terminals.newToken')}</button>
          <button class="revoke" @click=${() => this.act(x, 'revoke')}>${t('admin.terminals.revoke')}</button>`}</td></tr>`)}</tbody></table>`;
  }

  render() {
    const errors = this.errors;
    const berrors = this.badgeErrors;
    return html`${refusalLine(this.error, 'terminals-refusal')}${refusalLine(this.rowFailure, 'terminal-row-refusal')}
      ${this.token ? html`<div class="notice" id="terminal-token-box"><p>${t('admin.terminals.tokenOnce')} <span data-v>${this.token.code}</span></p>
        <p><code id="terminal-token" data-v>${this.token.token}</code></p>
        <button id="token-hide" @click=${() => { this.token = null; }}>${t('admin.terminals.tokenNoted')}</button></div>` : ''}
      ${this.table()}
      <div class="split"><form id="terminal-form" class="panel pane" @submit=${this.register} novalidate>
        <h3>${t('admin.terminals.register')}</h3>
        ${refusalLine(this.failure, 'terminal-form-refusal')}
        <div class="field"><label>${t('admin.terminals.code')} <input name="code" id="terminal-code" autocomplete="off"></label>${fieldError(errors, 'code', 'terminal')}</div>
        <div class="field"><label>${t('admin.terminals.name')} <input name="name" id="terminal-name"></label>${fieldError(errors, 'name', 'terminal')}</div>
        <div class="field"><label>${t('admin.terminals.workCenter')} <select name="workCenterId" id="terminal-workCenter">
          <option value="">${t('admin.choose')}</option>
          ${(this.workCenters || []).map((c) => html`<option value=${c.id} data-v>${c.code} ${c.name}</option>`)}</select></label>${fieldError(errors, 'workCenterId', 'terminal')}</div>
        <button id="register-terminal" type="submit">${t('admin.terminals.registerButton')}</button>
      </form>
      <form id="badge-form" class="panel pane" @submit=${this.badge} novalidate>
        <h3>${t('admin.badges.title')}</h3>
        ${refusalLine(this.badgeFailure, 'badge-refusal')}
        ${this.badgeSaved ? html`<p class="notice" id="badge-saved">${t('admin.badges.saved')} <span data-v>${this.badgeSaved.username} · ${this.badgeSaved.badgeNumber}</span></p>` : ''}
        <div class="field"><label>${t('admin.badges.operator')} <select name="operator" id="badge-operator">
          <option value="">${t('admin.choose')}</option>
          ${(this.operators || []).map((u) => html`<option value=${u.username} data-v>${u.username} ${u.displayName}</option>`)}</select></label>${fieldError(berrors, 'operator', 'badge')}</div>
        <div class="field"><label>${t('admin.badges.number')} <input name="badgeNumber" id="badge-number" autocomplete="off"></label>${fieldError(berrors, 'badgeNumber', 'badge')}</div>
        <div class="field"><label>${t('admin.badges.pin')} <input name="pin" id="badge-pin" type="password" inputmode="numeric" autocomplete="off"></label>${fieldError(berrors, 'pin', 'badge')}</div>
        <p class="hint">${t('admin.badges.hint')}</p>
        <button id="save-badge" type="submit">${t('admin.badges.save')}</button>
      </form></div>
      <section class="panel" id="badges">
        <h3>${t('admin.badges.list')}</h3>
        <p class="hint">${t('admin.badges.removeHint')}</p>
        ${this.badgeTable()}
      </section>`;
  }
}
customElements.define('pl-admin-terminals', PlAdminTerminals);
