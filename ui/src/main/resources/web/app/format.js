// Dates and times are shown in the plant's time zone (the enterprise's, from /api/me), in the UI's language.
import { language } from './i18n.js';

let plantZone = 'Asia/Shanghai';

export function setPlantZone(zone) {
  if (zone) plantZone = zone;
}

export function zone() {
  return plantZone;
}

const dateTimeFormats = new Map();

/** An instant (ISO-8601 with Z) as date and time of the plant. */
export function dateTime(instant) {
  if (!instant) return '';
  // a format is costly to make (a Gantt formats thousands of times): one per language and zone
  const key = `${language()}|${plantZone}`;
  let f = dateTimeFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(language(), {
      timeZone: plantZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
      hour12: false,
    });
    dateTimeFormats.set(key, f);
  }
  return f.format(new Date(instant));
}

/** A calendar date of the plant (yyyy-mm-dd, already in the plant's zone): shown as it is, never shifted. */
export function date(localDate) {
  if (!localDate) return '';
  const [y, m, d] = localDate.split('-').map(Number);
  return new Intl.DateTimeFormat(language(), { timeZone: 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(new Date(Date.UTC(y, m - 1, d)));
}

/** Today in the plant's zone, as yyyy-mm-dd. */
export function plantToday() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: plantZone }).format(new Date());
}

/** A decimal quantity as the API sent it (plain number), grouped for reading; never rounded. */
export function quantity(value) {
  if (value === null || value === undefined) return '';
  const [whole, fraction] = String(value).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction ? `${grouped}.${fraction}` : grouped;
}

const offsetFormats = new Map();
const QUARTER_HOUR = 15 * 60 * 1000;
const offsets = new Map();

/**
 * How far the plant's wall clock is ahead of UTC at an instant (ms since the epoch), in ms. Zones change their offset
 * only on a quarter hour of UTC (every offset in use is a multiple of 15 minutes), so an offset is kept per quarter
 * hour: a Gantt asks for thousands of instants.
 */
export function zoneOffset(ms, timeZone = plantZone) {
  const key = `${timeZone}|${Math.floor(ms / QUARTER_HOUR)}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    if (offsets.size > 50000) offsets.clear();
    offset = computeOffset(ms, timeZone);
    offsets.set(key, offset);
  }
  return offset;
}

function computeOffset(ms, timeZone) {
  let f = offsetFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
      second: '2-digit',
    });
    offsetFormats.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  const wall = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return wall - Math.floor(ms / 1000) * 1000;
}

/** An instant as the plant's wall-clock time counted as if it were UTC: what a chart in UTC mode shows as plant time. */
export function toWall(ms) {
  return ms + zoneOffset(ms);
}

/** The instant of a plant wall-clock time (the inverse of toWall). */
export function fromWall(wall) {
  const guess = wall - zoneOffset(wall);
  return wall - zoneOffset(guess);
}

/** An instant as "yyyy-mm-dd hh:mm" of the plant: the form the time inputs take, the same in every language. */
export function wallText(instant) {
  if (!instant) return '';
  const d = new Date(toWall(new Date(instant).getTime()));
  const two = (n) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
}

/** "yyyy-mm-dd hh:mm" of the plant as an ISO instant (UTC); null when the text is not such a time. */
export function parseWallText(text) {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})\s*$/.exec(text || '');
  if (!m) return null;
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  if (Number.isNaN(wall)) return null;
  return new Date(fromWall(wall)).toISOString();
}

/** Minutes as hours and minutes in the UI's language (2 h 05 min, 2 小时 05 分). */
export function minutes(total, hUnit, mUnit) {
  const m = Math.abs(Math.round(total));
  const h = Math.floor(m / 60);
  return h ? `${h} ${hUnit} ${String(m % 60).padStart(2, '0')} ${mUnit}` : `${m} ${mUnit}`;
}
