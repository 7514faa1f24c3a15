// Sorting a table by a column: the header shows the direction and toggles it; rows without a value come last in
// either direction, so that "best first" and "worst first" both start with enterprises that have a figure.
import { html } from 'lit';

const ASCII = /^[\x20-\x7e]*$/;

/** Codes (plain ASCII) by their characters, as the API orders them; names in the UI's collation. */
function compareText(a, b) {
  if (ASCII.test(a) && ASCII.test(b)) return a < b ? -1 : a > b ? 1 : 0;
  return a.localeCompare(b);
}

/** A comparator of rows by the value `of` gives (numbers, or text compared in the UI's collation); null last. */
export function compareRows(of, descending) {
  return (a, b) => {
    const x = of(a);
    const y = of(b);
    const xNone = x === null || x === undefined || (typeof x === 'number' && Number.isNaN(x));
    const yNone = y === null || y === undefined || (typeof y === 'number' && Number.isNaN(y));
    if (xNone || yNone) return xNone === yNone ? 0 : xNone ? 1 : -1;
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : compareText(String(x), String(y));
    return descending ? -c : c;
  };
}

/**
 * A header cell that sorts by `key`: a first click sorts numbers from the highest and text from A, a second click the
 * other way. `sort` is {key, descending}; `set` receives the new one.
 */
export function sortHeader(key, label, sort, set, numeric = false) {
  const active = sort.key === key;
  const next = active ? { key, descending: !sort.descending } : { key, descending: numeric };
  const arrow = active ? (sort.descending ? ' ▼' : ' ▲') : '';
  return html`<th class=${`sortable${numeric ? ' num' : ''}${active ? ' sorted' : ''}`} data-sort=${key}
    aria-sort=${active ? (sort.descending ? 'descending' : 'ascending') : 'none'}
    @click=${() => set(next)}>${label}${arrow}</th>`;
}
