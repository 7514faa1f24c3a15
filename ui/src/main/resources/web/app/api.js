// Calls the REST API with the browser's session cookie; an expert names the enterprise they act for.
const ENTERPRISE_KEY = 'pilotline.enterprise';

export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

export function chosenEnterprise() {
  return sessionStorage.getItem(ENTERPRISE_KEY);
}

export function chooseEnterprise(code) {
  if (code) sessionStorage.setItem(ENTERPRISE_KEY, code);
  else sessionStorage.removeItem(ENTERPRISE_KEY);
}

/** Reads asked for before the screen that needs them exists (see prefetch): the URL and enterprise, the promise. */
const early = new Map();
/** A read asked for early is used within this many milliseconds, else asked for again. */
const EARLY_MS = 10000;

function urlOf(path, query) {
  const url = new URL(path, location.origin);
  Object.entries(query || {}).forEach(([k, v]) => {
    if (v !== undefined && v !== null && v !== '') url.searchParams.set(k, v);
  });
  return url;
}

/**
 * Starts a GET at once, for a screen that will ask for it when it is on the page: its first api() call of the same
 * URL (and enterprise) takes the answer, once; a failed early read is simply asked for again then.
 */
export function prefetch(path, { query } = {}) {
  return adopt(path, { query }, call('GET', urlOf(path, query)));
}

/** Like prefetch, for a read already under way (the entry's own, see index.js): its answer as api() would give it. */
export function adopt(path, { query } = {}, promise) {
  const key = `${chosenEnterprise() || ''} ${urlOf(path, query)}`;
  early.set(key, { promise, at: Date.now() });
  promise.catch(() => early.delete(key));
  return promise;
}

export async function api(path, { method = 'GET', body, query } = {}) {
  const url = urlOf(path, query);
  if (method === 'GET' && early.size) {
    const key = `${chosenEnterprise() || ''} ${url}`;
    const found = early.get(key);
    early.delete(key);
    if (found && Date.now() - found.at < EARLY_MS) {
      try {
        return await found.promise;
      } catch (e) {
        // asked for again below
      }
    }
  }
  return call(method, url, body);
}

async function call(method, url, body) {
  // No WWW-Authenticate challenge for scripts: the browser must not open a login dialog of its own.
  const headers = { 'X-Requested-With': 'XMLHttpRequest', Accept: 'application/json' };
  const enterprise = chosenEnterprise();
  if (enterprise) headers['PilotLine-Enterprise'] = enterprise;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(url, {
    method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError(response.status, json);
  return json;
}

/** Form login (quarkus.http.auth.form): sets the encrypted session cookie; false when the credentials are wrong. */
export async function signIn(username, password) {
  const response = await fetch('/j_security_check', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Requested-With': 'XMLHttpRequest' },
    body: new URLSearchParams({ j_username: username, j_password: password }),
  });
  return response.ok;
}
