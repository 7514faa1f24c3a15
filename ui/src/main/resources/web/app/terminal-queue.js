// The terminal's offline queue: every report is written to IndexedDB before it is sent, with an id the browser makes
// once (clientId) and the terminal's next running number (sequence), and leaves the queue only when the server has
// answered it. A report sent again after a lost answer or a reconnection carries the same id and number, so the
// server applies it once (it answers a repeat with replayed: true).
const DB_NAME = 'pilotline-terminal';
const REPORTS = 'reports';
const META = 'meta';

function request(r) {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

let opened;
function db() {
  if (!opened) {
    const open = indexedDB.open(DB_NAME, 1);
    open.onupgradeneeded = () => {
      const d = open.result;
      const reports = d.createObjectStore(REPORTS, { keyPath: 'clientId' });
      reports.createIndex('terminal', 'terminalId');
      d.createObjectStore(META);
    };
    opened = request(open);
  }
  return opened;
}

async function store(name, mode) {
  return (await db()).transaction(name, mode).objectStore(name);
}

/** A version 4 UUID; crypto.randomUUID exists only in secure contexts, and a plant's terminal may be on plain HTTP. */
export function newClientId() {
  if (globalThis.crypto && crypto.randomUUID) {
    try { return crypto.randomUUID(); } catch (e) { /* not a secure context */ }
  }
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * Queues a report of this terminal: numbers it after the highest number it or the server has seen (the server's
 * lastSequence), stores it, and returns the stored entry. Numbering and storing happen in one IndexedDB transaction,
 * so two quick taps never share a number.
 */
export async function enqueue(terminalId, serverLastSequence, report) {
  const d = await db();
  const tx = d.transaction([REPORTS, META], 'readwrite');
  const meta = tx.objectStore(META);
  const key = `sequence:${terminalId}`;
  const last = (await request(meta.get(key))) || 0;
  const sequence = Math.max(last, serverLastSequence || 0) + 1;
  meta.put(sequence, key);
  const clientId = newClientId();
  const entry = {
    clientId, terminalId, sequence, queuedAt: new Date().toISOString(), attempts: 0,
    body: { ...report, clientId, sequence, occurredAt: report.occurredAt || new Date().toISOString() },
  };
  tx.objectStore(REPORTS).put(entry);
  await new Promise((resolve, reject) => { tx.oncomplete = resolve; tx.onerror = () => reject(tx.error); tx.onabort = () => reject(tx.error); });
  return entry;
}

/** The reports of a terminal still to be sent, in the order they were made. */
export async function pending(terminalId) {
  const all = await request((await store(REPORTS, 'readonly')).index('terminal').getAll(terminalId));
  return all.sort((a, b) => a.sequence - b.sequence);
}

export async function remove(clientId) {
  await request((await store(REPORTS, 'readwrite')).delete(clientId));
}

export async function touch(entry) {
  await request((await store(REPORTS, 'readwrite')).put(entry));
}
