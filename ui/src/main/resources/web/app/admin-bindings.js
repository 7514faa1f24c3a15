// Machine bindings of the enterprise: list, bind (nodes picked from the OPC UA server's browse tree), change a binding
// (with the version read: a binding changed meanwhile is refused, not overwritten), copy one as a new machine, unbind.
import { html } from 'lit';
import { Screen } from './base.js';
import { t, tEnum } from './i18n.js';
import { api } from './api.js';
import { problemFields, refusalLine, fieldError, value } from './admin-form.js';

const POLICIES = ['None', 'Basic256Sha256', 'Aes128_Sha256_RsaOaep', 'Aes256_Sha256_RsaPss'];
const MODES = ['None', 'Sign', 'SignAndEncrypt'];
const IDENTITIES = ['ANONYMOUS', 'USERNAME', 'CERTIFICATE'];
const MAPPINGS = ['MACHINERY', 'RUNNING_FAULT_FLAGS', 'PACKML'];
/** The nodes each state mapping reads, then those every binding may read. */
const STATE_NODES = {
  MACHINERY: ['itemStateNode', 'operationModeNode'],
  RUNNING_FAULT_FLAGS: ['runningNode', 'faultNode'],
  PACKML: ['packMlStateNode'],
};
const OTHER_NODES = ['totalCountNode', 'goodCountNode', 'rejectCountNode', 'speedNode', 'alarmNode'];

class PlAdminBindings extends Screen {
  static properties = {
    me: { attribute: false }, bindings: { state: true }, units: { state: true }, error: { state: true },
    errors: { state: true }, failure: { state: true }, rowFailure: { state: true }, mapping: { state: true },
    identity: { state: true }, target: { state: true }, tree: { state: true }, open: { state: true },
    browseFailure: { state: true }, browsing: { state: true }, nodes: { state: true }, saved: { state: true },
    editing: { state: true }, template: { state: true },
  };

  constructor() {
    super();
    this.errors = {};
    this.mapping = 'MACHINERY';
    this.identity = 'ANONYMOUS';
    this.target = 'itemStateNode';
    this.nodes = {};
    this.open = new Set();
    this.browsed = new Map();
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  async load() {
    try {
      const [bindings, units] = await Promise.all([
        api('/api/gateway/bindings', { query: { size: 1000 } }),
        api('/api/work-units', { query: { size: 1000 } })]);
      this.bindings = bindings.items;
      this.units = units.items;
      this.error = null;
    } catch (e) {
      this.error = e;
    }
  }

  unitCode(id) {
    const u = (this.units || []).find((w) => w.id === id);
    return u ? u.code : id == null ? '' : String(id);
  }

  /** The server's connection settings as the form has them: what a binding and a browse both need. */
  connection() {
    const form = this.querySelector('#binding-form');
    return {
      endpointUrl: value(form, 'endpointUrl') ?? '', securityPolicy: form.elements.securityPolicy.value,
      securityMode: form.elements.securityMode.value, identityKind: form.elements.identityKind.value,
      username: value(form, 'username'), password: form.elements.password.value || null,
      identityKeyStore: value(form, 'identityKeyStore'),
    };
  }

  async browse(nodeId) {
    this.browsing = true;
    try {
      const children = await api('/api/gateway/browse', { method: 'POST', body: { ...this.connection(), nodeId: nodeId ?? null } });
      this.browsed.set(nodeId ?? '', children);
      if (nodeId) this.open = new Set([...this.open, nodeId]);
      else this.open = new Set();
      this.tree = this.browsed.get('');
      this.browseFailure = null;
      this.errors = {};
    } catch (e) {
      this.browseFailure = e;
      this.errors = problemFields(e);
    } finally {
      this.browsing = false;
    }
  }

  toggle(node) {
    if (this.open.has(node.nodeId)) {
      const open = new Set(this.open);
      open.delete(node.nodeId);
      this.open = open;
    } else if (this.browsed.has(node.nodeId)) {
      this.open = new Set([...this.open, node.nodeId]);
    } else {
      this.browse(node.nodeId);
    }
  }

  use(node) {
    this.nodes = { ...this.nodes, [this.target]: node.nodeId };
  }

  treeOf(nodes) {
    return html`<ul class="browse-tree">${nodes.map((n) => html`<li data-node-id=${n.nodeId} data-name=${n.browseName} data-class=${n.nodeClass}>
      ${n.nodeClass === 'Variable' ? '' : html`<button type="button" class="expand" @click=${() => this.toggle(n)}>${this.open.has(n.nodeId) ? '−' : '+'}</button>`}
      <span data-v class="node-name">${n.displayName || n.browseName}</span> <span class="muted">${tEnum('admin.nodeClass', n.nodeClass)}</span>
      ${n.nodeClass === 'Variable' ? html`<button type="button" class="use" @click=${() => this.use(n)}>${t('admin.bindings.use')}</button>` : ''}
      ${this.open.has(n.nodeId) && this.browsed.has(n.nodeId) ? this.treeOf(this.browsed.get(n.nodeId)) : ''}
    </li>`)}</ul>`;
  }

  /**
   * Fills the form with a binding: to change it (`copy` false: the same machine, its version kept for the update) or as
   * the start of a new machine's binding (`copy` true: machine code and work unit left empty). The password never
   * comes back from the server: a change without one keeps the stored password; a copy needs it typed again.
   */
  async fill(listed, copy) {
    let binding = listed;
    try { // the binding as it is now, not as the list was read: its version is what the change is checked against
      binding = await api(`/api/gateway/bindings/${listed.id}`);
      this.rowFailure = null;
    } catch (e) {
      this.rowFailure = e;
      return;
    }
    this.editing = copy ? null : binding;
    this.template = binding;
    this.mapping = binding.stateMapping;
    this.identity = binding.identityKind;
    this.target = STATE_NODES[this.mapping][0];
    this.nodes = Object.fromEntries([...STATE_NODES[this.mapping], ...OTHER_NODES].map((f) => [f, binding[f] ?? '']));
    this.errors = {};
    this.failure = null;
    this.saved = null;
    await this.updateComplete;
    const form = this.querySelector('#binding-form');
    const set = (name, v) => { form.elements[name].value = v ?? ''; };
    set('machineCode', copy ? '' : binding.machineCode);
    set('workUnitId', copy || binding.workUnitId == null ? '' : String(binding.workUnitId));
    set('password', '');
    ['endpointUrl', 'securityPolicy', 'securityMode', 'identityKind', 'username', 'identityKeyStore', 'stateMapping',
      ...STATE_NODES[this.mapping], ...OTHER_NODES].forEach((f) => set(f, binding[f]));
    form.scrollIntoView({ block: 'nearest' });
    form.elements.machineCode.focus();
  }

  cancelEdit() {
    this.editing = null;
    this.template = null;
    this.nodes = {};
    this.errors = {};
    this.failure = null;
    this.querySelector('#binding-form').reset();
  }

  async create(event) {
    event.preventDefault();
    const form = event.target;
    const body = { ...this.connection(), machineCode: value(form, 'machineCode') ?? '', stateMapping: this.mapping };
    const unit = value(form, 'workUnitId');
    body.workUnitId = unit === null ? null : Number(unit);
    [...STATE_NODES[this.mapping], ...OTHER_NODES].forEach((f) => { body[f] = value(form, f); });
    // what the form does not show is kept from the binding changed or copied (the API's defaults would replace it)
    if (this.template) {
      ['counterModulus', 'samplingIntervalMs', 'publishingIntervalMs'].forEach((f) => { body[f] = this.template[f]; });
    }
    const editing = this.editing;
    try {
      const saved = editing
        ? await api(`/api/gateway/bindings/${editing.id}`, { method: 'PUT', body: { ...body, version: editing.version } })
        : await api('/api/gateway/bindings', { method: 'POST', body });
      this.saved = { code: saved.machineCode, changed: !!editing };
      this.errors = {};
      this.failure = null;
      this.nodes = {};
      this.editing = null;
      this.template = null;
      form.reset();
      await this.load();
    } catch (e) {
      this.errors = problemFields(e);
      this.failure = e;
      this.saved = null;
    }
  }

  async unbind(binding) {
    try {
      await api(`/api/gateway/bindings/${binding.id}`, { method: 'DELETE' });
      this.rowFailure = null;
      await this.load();
    } catch (e) {
      this.rowFailure = e;
    }
  }

  table() {
    const list = this.bindings;
    if (!list) return html`<p>${t('common.loading')}</p>`;
    if (!list.length) return html`<p id="no-bindings">${t('admin.bindings.none')}</p>`;
    return html`<table id="bindings-table"><thead><tr><th>${t('admin.bindings.machineCode')}</th><th>${t('admin.bindings.workUnit')}</th>
      <th>${t('admin.bindings.endpointUrl')}</th><th>${t('admin.bindings.security')}</th><th>${t('admin.bindings.stateMapping')}</th><th></th></tr></thead>
      <tbody>${list.map((b) => html`<tr data-machine=${b.machineCode} data-id=${b.id}>
        <td data-v>${b.machineCode}</td><td data-v>${this.unitCode(b.workUnitId)}</td><td data-v>${b.endpointUrl}</td>
        <td data-v>${b.securityPolicy} / ${b.securityMode}</td><td>${tEnum('admin.mapping', b.stateMapping)}</td>
        <td><button class="edit-binding" @click=${() => this.fill(b, false)}>${t('admin.bindings.edit')}</button>
          <button class="copy-binding" @click=${() => this.fill(b, true)}>${t('admin.bindings.copy')}</button>
          <button class="delete-binding" @click=${() => this.unbind(b)}>${t('admin.bindings.delete')}</button></td></tr>`)}</tbody></table>`;
  }

  nodeField(f) {
    return html`<div class="field"><label>${t(`admin.bindings.${f}`)} <input name=${f} id=${`binding-${f}`} size="50"
      .value=${this.nodes[f] ?? ''} @input=${(e) => { this.nodes = { ...this.nodes, [f]: e.target.value }; }}
      @focus=${() => { this.target = f; }}></label>${fieldError(this.errors, f, 'binding')}</div>`;
  }

  form() {
    const errors = this.errors;
    const nodeFields = [...STATE_NODES[this.mapping], ...OTHER_NODES];
    return html`<form id="binding-form" class="panel pane" @submit=${this.create} novalidate>
      <h3 id="binding-form-title">${this.editing
        ? html`${t('admin.bindings.editTitle')} <span data-v>${this.editing.machineCode}</span>`
        : this.template ? html`${t('admin.bindings.copyTitle')} <span data-v>${this.template.machineCode}</span>` : t('admin.bindings.new')}</h3>
      ${refusalLine(this.failure, 'binding-form-refusal')}
      ${this.saved ? html`<p class="notice" id="binding-saved">${t(this.saved.changed ? 'admin.bindings.changed' : 'admin.bindings.saved')} <span data-v>${this.saved.code}</span></p>` : ''}
      <div class="field"><label>${t('admin.bindings.machineCode')} <input name="machineCode" id="binding-machineCode" autocomplete="off"></label>${fieldError(errors, 'machineCode', 'binding')}</div>
      <div class="field"><label>${t('admin.bindings.workUnit')} <select name="workUnitId" id="binding-workUnit">
        <option value="">${t('admin.choose')}</option>
        ${(this.units || []).map((u) => html`<option value=${u.id} data-v>${u.code} ${u.name}</option>`)}</select></label>${fieldError(errors, 'workUnitId', 'binding')}</div>
      <div class="field"><label>${t('admin.bindings.endpointUrl')} <input name="endpointUrl" id="binding-endpointUrl" size="50"></label>${fieldError(errors, 'endpointUrl', 'binding')}</div>
      <div class="field"><label>${t('admin.bindings.securityPolicy')} <select name="securityPolicy" id="binding-securityPolicy">
        ${POLICIES.map((p) => html`<option value=${p} data-v>${p}</option>`)}</select></label>${fieldError(errors, 'securityPolicy', 'binding')}
        <label>${t('admin.bindings.securityMode')} <select name="securityMode" id="binding-securityMode">
        ${MODES.map((m) => html`<option value=${m} data-v>${m}</option>`)}</select></label>${fieldError(errors, 'securityMode', 'binding')}</div>
      <div class="field"><label>${t('admin.bindings.identityKind')} <select name="identityKind" id="binding-identityKind"
        @change=${(e) => { this.identity = e.target.value; }}>
        ${IDENTITIES.map((k) => html`<option value=${k} ?selected=${k === this.identity}>${tEnum('admin.identity', k)}</option>`)}</select></label>${fieldError(errors, 'identityKind', 'binding')}</div>
      <div class="field" ?hidden=${this.identity !== 'USERNAME'}><label>${t('admin.bindings.username')} <input name="username" id="binding-username" autocomplete="off"></label>${fieldError(errors, 'username', 'binding')}
        <label>${t('admin.bindings.password')} <input name="password" id="binding-password" type="password" autocomplete="new-password"></label>${fieldError(errors, 'password', 'binding')}
        ${this.editing && this.editing.passwordSet ? html`<p class="hint" id="binding-password-kept">${t('admin.bindings.passwordKept')}</p>` : ''}
        ${!this.editing && this.template && this.template.passwordSet ? html`<p class="hint" id="binding-password-again">${t('admin.bindings.passwordAgain')}</p>` : ''}</div>
      <div class="field" ?hidden=${this.identity !== 'CERTIFICATE'}><label>${t('admin.bindings.identityKeyStore')} <input name="identityKeyStore" id="binding-identityKeyStore" size="50"></label>${fieldError(errors, 'identityKeyStore', 'binding')}</div>
      <div class="field"><label>${t('admin.bindings.stateMapping')} <select name="stateMapping" id="binding-stateMapping"
        @change=${(e) => { this.mapping = e.target.value; this.target = STATE_NODES[this.mapping][0]; }}>
        ${MAPPINGS.map((m) => html`<option value=${m} ?selected=${m === this.mapping}>${tEnum('admin.mapping', m)}</option>`)}</select></label>${fieldError(errors, 'stateMapping', 'binding')}</div>
      ${nodeFields.map((f) => this.nodeField(f))}
      <button id="create-binding" type="submit">${t(this.editing ? 'admin.bindings.update' : 'admin.bindings.create')}</button>
      ${this.template ? html`<button id="cancel-binding-edit" type="button" @click=${this.cancelEdit}>${t('common.cancel')}</button>` : ''}
    </form>`;
  }

  browser() {
    const nodeFields = [...STATE_NODES[this.mapping], ...OTHER_NODES];
    return html`<div class="panel pane" id="browse-panel"><h3>${t('admin.bindings.browseTitle')}</h3>
      <p class="hint">${t('admin.bindings.browseHint')}</p>
      <button type="button" id="browse" ?disabled=${this.browsing} @click=${() => this.browse(null)}>${t('admin.bindings.browse')}</button>
      <label>${t('admin.bindings.target')} <select id="browse-target" @change=${(e) => { this.target = e.target.value; }}>
        ${nodeFields.map((f) => html`<option value=${f} ?selected=${f === this.target}>${t(`admin.bindings.${f}`)}</option>`)}</select></label>
      ${refusalLine(this.browseFailure, 'browse-refusal')}
      ${this.browsing ? html`<p>${t('common.loading')}</p>` : ''}
      ${this.tree ? (this.tree.length ? this.treeOf(this.tree) : html`<p>${t('common.none')}</p>`) : ''}
    </div>`;
  }

  render() {
    return html`${refusalLine(this.error, 'bindings-refusal')}${refusalLine(this.rowFailure, 'binding-row-refusal')}
      ${this.table()}<div class="split">${this.form()}${this.browser()}</div>`;
  }
}
customElements.define('pl-admin-bindings', PlAdminBindings);
