// Stock moves for bin/backup-restore-check (node 18+, no packages).
//   setup  URL USER:PASS                      an item and a location of the caller's enterprise (idempotent, by code)
//   moves  URL USER:PASS PREFIX COUNT         receipts with request ids PREFIX-<n>, one at a time, until COUNT or
//                                             killed; prints each acknowledged (201) request id on its own line
//   verify URL USER:PASS BEFORE DURING backupMs restoreMs backupBytes
//                                             after the restore: every id of BEFORE is there once, the ledger equals the
//                                             balances; prints the figures as one JSON line, exits 1 when a check fails
import { readFileSync } from 'node:fs';

const [command, url, auth, ...rest] = process.argv.slice(2);
const headers = {
  authorization: 'Basic ' + Buffer.from(auth).toString('base64'),
  'content-type': 'application/json',
  accept: 'application/json',
};
const ITEM = 'BACKUP-CHECK-1';
const WAREHOUSE = 'BKCHK';
const LOCATION = 'BKCHK-01';

async function call(method, path, body) {
  const res = await fetch(url + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

function move(requestId) {
  return {
    type: 'RECEIPT', reason: 'PURCHASE_RECEIPT', itemCode: ITEM, quantity: '1',
    toLocationCode: `${WAREHOUSE}/${LOCATION}`, requestId, reference: 'backup-restore-check',
  };
}

async function setup() {
  let warehouse = (await call('GET', `/api/warehouses?size=500`)).body.items.find((w) => w.code === WAREHOUSE);
  if (!warehouse) {
    warehouse = (await call('POST', '/api/warehouses', { code: WAREHOUSE, name: 'Backup check' })).body;
  }
  const locations = (await call('GET', `/api/locations?size=500`)).body.items;
  if (!locations.find((l) => l.code === LOCATION && l.warehouseId === warehouse.id)) {
    const r = await call('POST', '/api/locations', { warehouseId: warehouse.id, code: LOCATION, name: 'Backup check' });
    if (r.status !== 201) throw new Error(`location: ${r.status} ${JSON.stringify(r.body)}`);
  }
  const item = await call('POST', '/api/items',
    { code: ITEM, name: 'Backup check item', type: 'RAW', sourcing: 'BUY', stockUnitCode: 'pcs', leadTimeDays: 1, lotSizing: 'LOT_FOR_LOT' });
  if (item.status !== 201 && item.status !== 409) throw new Error(`item: ${item.status} ${JSON.stringify(item.body)}`);
  console.log(JSON.stringify({ warehouse: warehouse.code, location: LOCATION, item: ITEM }));
}

async function moves(prefix, count) {
  for (let n = 1; n <= count; n++) {
    const id = `${prefix}-${n}`;
    let r;
    try {
      r = await call('POST', '/api/stock/moves', move(id));
    } catch (e) {
      return; // the server went away: what was acknowledged is printed
    }
    if (r.status === 201) {
      console.log(id);
    } else {
      throw new Error(`move ${id}: ${r.status} ${JSON.stringify(r.body)}`);
    }
  }
}

function ids(file) {
  return readFileSync(file, 'utf8').split('\n').filter((s) => s);
}

async function verify(beforeFile, duringFile, backupMs, restoreMs, backupBytes) {
  const before = ids(beforeFile);
  const during = ids(duringFile);
  const missing = [];
  for (const id of before) {
    // A replay answers 200 with the first outcome when the move is there, 201 when it is applied now.
    const r = await call('POST', '/api/stock/moves', move(id));
    if (r.status !== 200) missing.push({ id, status: r.status });
  }
  const moveCount = (await call('GET', `/api/stock/moves?size=1&reference=backup-restore-check`)).body;
  const balances = (await call('GET', '/api/stock/balances?size=500')).body.items
    .filter((b) => b.itemCode === ITEM || b.item?.code === ITEM);
  const onHand = balances.reduce((sum, b) => sum + Number(b.quantity ?? b.onHand ?? 0), 0);
  const integrity = (await call('GET', '/api/stock/integrity')).body;
  const result = {
    acknowledgedBeforeBackup: before.length,
    acknowledgedDuringBackup: during.length,
    missingAfterRestore: missing.length,
    onHandAfterRestore: onHand,
    integrityMismatches: integrity.mismatches.length,
    balancesChecked: integrity.balancesChecked,
    movesInLedger: integrity.movesCounted,
    backupMillis: Number(backupMs),
    restoreMillis: Number(restoreMs),
    backupBytes: Number(backupBytes),
    movesListed: moveCount?.total ?? null,
  };
  const ok = missing.length === 0 && integrity.mismatches.length === 0 && result.movesListed === onHand
    && onHand >= before.length && onHand <= before.length + during.length;
  result.ok = ok;
  console.log(JSON.stringify(result));
  if (!ok) {
    console.error(JSON.stringify({ missing: missing.slice(0, 10), mismatches: integrity.mismatches.slice(0, 10) }));
    process.exit(1);
  }
}

if (command === 'setup') await setup();
else if (command === 'moves') await moves(rest[0], Number(rest[1]));
else if (command === 'verify') await verify(...rest);
else { console.error('usage: setup | moves | verify'); process.exit(2); }
