/**
 * Calendar dates as the institution reads them: plain days in Europe/Istanbul, shown as 21.11.2026.
 * Dates travel as ISO strings (2026-11-21) so day counts never depend on the server's time zone or
 * on DST.
 */

import { normalizeText } from '../bot/nlu/normalize';

/**
 * The institution's time zone, and its one home: calendar days, the reminders' send window and the
 * help desk's working hours all use it. The policy's `reminders.window.timeZone` and the
 * `HELPDESK_TIMEZONE` setting are still accepted, but only with this value (a different one would
 * make "today" differ between parts), and both default to it.
 */
export const TIME_ZONE = 'Europe/Istanbul';

const istanbulDay = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's date in Istanbul, as 2026-11-21. */
export function istanbulDate(now: Date): string {
  return istanbulDay.format(now);
}

const clock = new Intl.DateTimeFormat('tr-TR', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit' });

/** 14:05 in Istanbul. */
export function istanbulTime(iso: string): string {
  return clock.format(new Date(iso));
}

/** An instant (ISO) as the Istanbul calendar day (2026-11-21). */
export function dayOf(iso: string): string {
  return istanbulDate(new Date(iso));
}

/** Whole days from `from` to `to` (both ISO dates); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtcMidnight(to) - toUtcMidnight(from)) / 86_400_000);
}

export function addDays(date: string, days: number): string {
  return new Date(toUtcMidnight(date) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Calendar months later (negative: earlier); the day is clamped to the month's end (31.03 − 1 month → 28.02). */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const first = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(day, lastDay));
  return first.toISOString().slice(0, 10);
}

/** 2026-11-21 → 21.11.2026 */
export function formatDate(date: string): string {
  const [year, month, day] = date.split('-');
  return `${day}.${month}.${year}`;
}

/** Month names as staff type them (folded: no diacritics, lower case), Turkish and English, with short forms. */
const MONTHS: string[][] = [
  ['ocak', 'oca', 'january', 'jan'], ['subat', 'sub', 'february', 'feb'], ['mart', 'mar', 'march'], ['nisan', 'nis', 'april', 'apr'],
  ['mayis', 'may'], ['haziran', 'haz', 'june', 'jun'], ['temmuz', 'tem', 'july', 'jul'], ['agustos', 'agu', 'august', 'aug'],
  ['eylul', 'eyl', 'september', 'sep', 'sept'], ['ekim', 'eki', 'october', 'oct'], ['kasim', 'kas', 'november', 'nov'], ['aralik', 'ara', 'december', 'dec'],
];

/**
 * Understands 21.11.2026, 21/11/2026, 21-11-2026, 2026-11-21 (and two-digit years), and a month by
 * name ("31 Mart 2027", "31 MART 27", "March 31, 2027"); undefined if not a real date.
 */
export function parseUserDate(text: string): string | undefined {
  const trimmed = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  const dotted = /^(\d{1,2})[./\- ](\d{1,2})[./\- ](\d{2}|\d{4})$/.exec(trimmed);
  const named = namedMonthDate(trimmed);
  const [year, month, day] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : dotted
      ? [expandYear(Number(dotted[3])), Number(dotted[2]), Number(dotted[1])]
      : named ?? [NaN, NaN, NaN];
  if (!Number.isInteger(year) || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const time = toUtcMidnight(date);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(date) ? date : undefined;
}

/** "31 Mart 2027" or "March 31, 2027" as [year, month, day]. */
function namedMonthDate(text: string): [number, number, number] | undefined {
  const folded = normalizeText(text);
  const dayFirst = /^(\d{1,2})\.?\s+([a-z]+)\s+(\d{2}|\d{4})$/.exec(folded);
  const monthFirst = /^([a-z]+)\s+(\d{1,2}),?\s+(\d{2}|\d{4})$/.exec(folded);
  const [day, name, year] = dayFirst ? [dayFirst[1], dayFirst[2], dayFirst[3]] : monthFirst ? [monthFirst[2], monthFirst[1], monthFirst[3]] : [];
  const month = name === undefined ? -1 : MONTHS.findIndex((names) => names.includes(name));
  return month < 0 ? undefined : [expandYear(Number(year)), month + 1, Number(day)];
}

function expandYear(year: number): number {
  return year < 100 ? 2000 + year : year;
}

function toUtcMidnight(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}
