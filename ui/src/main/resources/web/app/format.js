// Dates and times are shown in the plant's time zone (the enterprise's, from /api/me), in the UI's language.
import { language } from './i18n.js';

let plantZone = 'Asia/Shanghai';

export function setPlantZone(zone) {
  if (zone) plantZone = zone;
}

export function zone() {
  return plantZone;
}

/** An instant (ISO-8601 with Z) as date and time of the plant. */
export function dateTime(instant) {
  if (!instant) return '';
  return new Intl.DateTimeFormat(language(), {
    timeZone: plantZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
    hour12: false,
  }).format(new Date(instant));
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
