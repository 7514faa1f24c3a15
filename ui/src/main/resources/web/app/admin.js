// Administration at /#/admin (role admin): users and roles, and for an enterprise's administrator its terminals,
// machine bindings and reason tree.
import { html } from 'lit';
import { Screen } from './base.js';
import { t, tEnum } from './i18n.js';
import { api } from './api.js';
import { dateTime } from './format.js';
import { pager } from './pager.js';
import { problemFields, refusalLine, fieldError, value } from './admin-form.js';
import './admin-terminals.js';
import './admin-bindings.js';
import './admin-reasons.js';

const ENTERPRISE_ROLES = ['admin', 'planner', 'operator', 'quality', 'manager'];
const ALL_ROLES = [...ENTERPRISE_ROLES, 'expert', 'bureau'];

class PlAdmin extends Screen {
  static properties = { me: { attribute: false }, tab: { state: true } };

  constructor() {
    super();
    this.tab = 'users';
  }

  tabs() {
    // terminals, bindings and reasons belong to an enterprise; the platform administrator (of none) manages accounts
    return this.me.enterprise ? ['users', 'terminals', 'bindings', 'reasons'] : ['users'];
  }

  render() {
    return html`<h2>${t('admin.title')}</h2>
      <div class="tabs" role="tablist">${this.tabs().map((k) => html`
        <button role="tab" id=${`admin-tab-${k}`} aria-selected=${k === this.tab} class=${k === this.tab ? 'active' : ''}
          @click=${() => { this.tab = k; }}>${t(`admin.tab.${k}`)}</button>`)}</div>
      ${this.tab === 'terminals' ? html`<pl-admin-terminals .me=${this.me}></pl-admin-terminals>`
    : this.tab === 'bindings' ? html`<pl-admin-bindings .me=${this.me}></pl-admin-bindings>`
      : this.tab === 'reasons' ? html`<pl-admin-reasons .me=${this.me}></pl-admin-reasons>`
        : html`<pl-admin-users .me=${this.me}></pl-admin-users>`}`;
  }
}
customElements.define('pl-admin', PlAdmin);

/** Accounts: the list, a new one, and the chosen one's name, roles, status and password. */
class PlAdminUsers extends Screen {
  static properties = {
    me: { attribute: false }, page: { state: true }, selected: { state: true }, error: { state: true },
    createErrors: { state: true }, editErrors: { state: true }, createFailure: { state: true },
    editFailure: { state: true }, notice: { state: true },
  };

  constructor() {
    super();
    this.createErrors = {};
    this.editErrors = {};
  }

  connectedCallback() {
    super.connectedCallback();
    this.load(0);
  }

  roles() {
    return this.me.enterprise ? ENTERPRISE_ROLES : ALL_ROLES;
  }

  async load(pageNo) {
    try {
      this.page = await api('/api/admin/users', { query: { page: pageNo, size: 50, sort: 'username' } });
      this.pageNo = pageNo;
      this.error = null;
    } catch (e) {
      this.error = e;
    }
  }

  async create(event) {
    event.preventDefault();
    const form = event.target;
    const roles = [...form.querySelectorAll('input[name="new-role"]:checked')].map((i) => i.value);
    const body = {
      username: value(form, 'username') ?? '', displayName: value(form, 'displayName') ?? '',
      password: form.elements.password.value, roles,
    };
    // an enterprise's administrator creates accounts of its own enterprise, and must name it
    if (this.me.enterprise) body.enterprise = this.me.enterprise;
    else {
      body.enterprise = value(form, 'enterprise');
      if (roles.includes('expert')) body.assignedEnterprises = [];
    }
    try {
      const created = await api('/api/admin/users', { method: 'POST', body });
      this.createErrors = {};
      this.createFailure = null;
      this.notice = { key: 'admin.users.created', value: created.username };
      form.reset();
      await this.load(this.pageNo || 0);
      this.selected = created;
    } catch (e) {
      this.createErrors = problemFields(e);
      this.createFailure = e;
    }
  }

  select(user) {
    this.selected = user;
    this.editErrors = {};
    this.editFailure = null;
    this.notice = null;
  }

  async saveUser(changes) {
    const u = this.selected;
    const body = {
      displayName: u.displayName, roles: u.roles, assignedEnterprises: u.assignedEnterprises,
      enabled: u.enabled, version: u.version, ...changes,
    };
    try {
      this.selected = await api(`/api/admin/users/${encodeURIComponent(u.username)}`, { method: 'PUT', body });
      this.editErrors = {};
      this.editFailure = null;
      this.notice = { key: 'admin.users.saved', value: u.username };
      await this.load(this.pageNo || 0);
    } catch (e) {
      this.editErrors = problemFields(e);
      this.editFailure = e;
    }
  }

  save(event) {
    event.preventDefault();
    const form = event.target;
    this.saveUser({
      displayName: value(form, 'displayName') ?? '',
      roles: [...form.querySelectorAll('input[name="edit-role"]:checked')].map((i) => i.value),
    });
  }

  async resetPassword() {
    const input = this.querySelector('#reset-password-input');
    const u = this.selected;
    try {
      await api(`/api/admin/users/${encodeURIComponent(u.username)}/password`, {
        method: 'PUT', body: { newPassword: input.value },
      });
      // a new password is a new version of the account: later changes are based on it
      this.selected = await api(`/api/admin/users/${encodeURIComponent(u.username)}`);
      input.value = '';
      this.editErrors = {};
      this.editFailure = null;
      this.notice = { key: 'admin.users.passwordSet', value: u.username };
    } catch (e) {
      this.editErrors = problemFields(e);
      this.editFailure = e;
    }
  }

  roleBoxes(name, checked) {
    return html`<span class="role-boxes">${this.roles().map((r) => html`<label><input type="checkbox" name=${name}
      value=${r} .checked=${checked.includes(r)}> ${t(`role.${r}`)}</label>`)}</span>`;
  }

  createForm() {
    const errors = this.createErrors;
    return html`<form id="user-form" class="panel" @submit=${this.create} novalidate>
      <h3>${t('admin.users.new')}</h3>
      ${refusalLine(this.createFailure, 'user-form-refusal')}
      <div class="field"><label>${t('admin.users.username')} <input name="username" id="new-username" autocomplete="off"></label>${fieldError(errors, 'username', 'new')}</div>
      <div class="field"><label>${t('admin.users.displayName')} <input name="displayName" id="new-displayName"></label>${fieldError(errors, 'displayName', 'new')}</div>
      <div class="field"><label>${t('admin.users.password')} <input name="password" id="new-password" type="password" autocomplete="new-password"></label>${fieldError(errors, 'password', 'new')}</div>
      ${this.me.enterprise ? '' : html`<div class="field"><label>${t('admin.users.enterprise')} <input name="enterprise" id="new-enterprise"></label>${fieldError(errors, 'enterprise', 'new')}</div>`}
      <div class="field"><label>${t('admin.users.roles')}</label> ${this.roleBoxes('new-role', [])}${fieldError(errors, 'roles', 'new')}</div>
      <button id="create-user" type="submit">${t('admin.users.create')}</button>
    </form>`;
  }

  detail() {
    const u = this.selected;
    if (!u) return html`<p class="hint">${t('admin.users.pick')}</p>`;
    const errors = this.editErrors;
    return html`<form id="user-detail" class="panel" data-username=${u.username} @submit=${this.save} novalidate>
      <h3>${t('admin.users.account')} <span data-v>${u.username}</span></h3>
      ${refusalLine(this.editFailure, 'user-detail-refusal')}
      <p>${u.enabled ? t('admin.users.enabled') : html`<span class="badge">${t('admin.users.disabled')}</span>`}</p>
      <div class="field"><label>${t('admin.users.displayName')} <input name="displayName" id="edit-displayName" .value=${u.displayName}></label>${fieldError(errors, 'displayName', 'edit')}</div>
      <div class="field"><label>${t('admin.users.roles')}</label> ${this.roleBoxes('edit-role', u.roles)}${fieldError(errors, 'roles', 'edit')}</div>
      <div class="actions">
        <button id="save-user" type="submit">${t('admin.save')}</button>
        <button id="toggle-enabled" type="button" @click=${() => this.saveUser({ enabled: !u.enabled })}>
          ${u.enabled ? t('admin.users.disable') : t('admin.users.enable')}</button>
      </div>
      <div class="field"><label>${t('admin.users.newPassword')} <input id="reset-password-input" type="password" autocomplete="new-password"></label>
        <button id="reset-password" type="button" @click=${this.resetPassword}>${t('admin.users.resetPassword')}</button>
        ${fieldError(errors, 'newPassword', 'edit')}${fieldError(errors, 'password', 'edit')}</div>
    </form>`;
  }

  render() {
    const p = this.page;
    return html`${this.notice ? html`<p class="notice" id="admin-notice" data-key=${this.notice.key}>${t(this.notice.key)} <span data-v>${this.notice.value}</span></p>` : ''}
      ${refusalLine(this.error, 'users-refusal')}
      <div class="split"><div class="pane">
      ${!p ? html`<p>${t('common.loading')}</p>` : !p.items.length ? html`<p>${t('common.none')}</p>` : html`
        <table id="users-table"><thead><tr><th>${t('admin.users.username')}</th><th>${t('admin.users.displayName')}</th>
          <th>${t('admin.users.enterprise')}</th><th>${t('admin.users.roles')}</th><th>${t('admin.users.status')}</th><th>${t('admin.users.createdAt')}</th></tr></thead>
          <tbody>${p.items.map((u) => html`<tr data-username=${u.username} class=${this.selected && this.selected.username === u.username ? 'selected' : ''}
            @click=${() => this.select(u)}>
            <td data-v>${u.username}</td><td data-v>${u.displayName}</td><td data-v>${u.enterprise ?? ''}</td>
            <td>${u.roles.map((r) => tEnum('role', r)).join(' ')}</td>
            <td class="status">${u.enabled ? t('admin.users.enabled') : t('admin.users.disabled')}</td><td data-v>${dateTime(u.createdAt)}</td></tr>`)}</tbody></table>
        ${pager(p, (n) => this.load(n))}`}
      </div><div class="pane">${this.detail()}${this.createForm()}</div></div>`;
  }
}
customElements.define('pl-admin-users', PlAdminUsers);
