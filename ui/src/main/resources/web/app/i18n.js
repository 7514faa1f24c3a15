// Every string of the UI comes from a message bundle; a screen renders in one language at a time.
import { html } from 'lit';
import zhCN from './i18n/messages.zh-CN.json';
import en from './i18n/messages.en.json';

export const LANGUAGES = { 'zh-CN': zhCN, en };
const STORAGE_KEY = 'pilotline.lang';
const listeners = new Set();

/**
 * The language a visitor sees first: the one chosen before on this device; on a shop-floor terminal Chinese;
 * elsewhere the browser's preferred language when it is Chinese or English, else Chinese.
 */
export function initialLanguage(storage = localStorage, browserLanguages = navigator.languages, terminal = isTerminal()) {
  const chosen = storage.getItem(STORAGE_KEY);
  if (chosen && LANGUAGES[chosen]) return chosen;
  if (terminal) return 'zh-CN';
  for (const lang of browserLanguages || []) {
    const l = lang.toLowerCase();
    if (l.startsWith('zh')) return 'zh-CN';
    if (l.startsWith('en')) return 'en';
  }
  return 'zh-CN';
}

/** A shop-floor terminal opens the UI under /#/terminal. */
export function isTerminal() {
  return location.hash.startsWith('#/terminal');
}

let current = initialLanguage();
document.documentElement.lang = current;

export function language() {
  return current;
}

export function setLanguage(lang) {
  if (!LANGUAGES[lang] || lang === current) return;
  current = lang;
  localStorage.setItem(STORAGE_KEY, lang);
  document.documentElement.lang = lang;
  listeners.forEach((l) => l(lang));
}

export function onLanguageChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The message of `key` in the current language, with {0}, {1}… replaced by the arguments. */
function message(key) {
  const found = LANGUAGES[current][key];
  if (found === undefined) {
    console.error(`missing message ${key} (${current})`);
    return key;
  }
  return found;
}

export function t(key, ...args) {
  return message(key).replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)]));
}

/** The message of an enum value (`status.CONFIRMED`), or the value itself when the bundle has none. */
export function tEnum(prefix, value) {
  if (value === null || value === undefined) return '';
  const key = `${prefix}.${value}`;
  return LANGUAGES[current][key] !== undefined ? t(key) : value;
}

/** Like t, but each argument is a value shown as data (marked data-v), not as words of the UI. */
export function tData(key, ...args) {
  const parts = message(key).split(/\{(\d+)\}/);
  return parts.map((part, i) => (i % 2 === 0 ? part : html`<span data-v>${args[Number(part)]}</span>`));
}
