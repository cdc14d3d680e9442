import { addDays } from '../../domain/dates';
import type { ReminderPolicy } from '../../domain/policy';

type Window = ReminderPolicy['window'];
type WeekdayName = Window['days'][number];

const WEEKDAYS: WeekdayName[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

interface WallClock {
  date: string;
  weekday: WeekdayName;
  minutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let found = formatters.get(timeZone);
  if (!found) {
    found = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formatters.set(timeZone, found);
  }
  return found;
}

/** The calendar date, weekday and minute of the day that `instant` shows on a clock in `timeZone`. */
export function wallClock(instant: Date, timeZone: string): WallClock {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(instant).map((part) => [part.type, part.value]));
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  return { date, weekday: WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()], minutes: Number(parts.hour) * 60 + Number(parts.minute) };
}

/** The instant a clock in `timeZone` shows `date` at `hhmm` (DST-safe: offsets are read from the zone). */
export function zonedInstant(date: string, hhmm: string, timeZone: string): Date {
  const naive = Date.parse(`${date}T${hhmm}:00Z`);
  let guess = naive;
  for (let i = 0; i < 3; i++) {
    const offset = offsetMs(new Date(guess), timeZone);
    const next = naive - offset;
    if (next === guess) break;
    guess = next;
  }
  return new Date(guess);
}

function offsetMs(instant: Date, timeZone: string): number {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(instant).map((part) => [part.type, part.value]));
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

function toMinutes(hhmm: string): number {
  const [hours, minutes] = hhmm.split(':').map(Number);
  return hours * 60 + minutes;
}

function nextDate(date: string, days = 1): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function weekdayOf(date: string): WeekdayName {
  return WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()];
}

/**
 * When pings may go out: the policy's days and hours on the institution's clock. Everything here
 * takes the instant to judge, so tests pass any clock they like.
 */
export class SendWindow {
  constructor(private readonly window: Window) {}

  get timeZone(): string {
    return this.window.timeZone;
  }

  /** True when `instant` falls inside the window (start inclusive, end exclusive). */
  isOpen(instant: Date): boolean {
    const clock = wallClock(instant, this.window.timeZone);
    return this.window.days.includes(clock.weekday) && clock.minutes >= toMinutes(this.window.start) && clock.minutes < toMinutes(this.window.end);
  }

  /** `instant` itself when the window is open, otherwise the next opening. */
  nextOpening(instant: Date): Date {
    if (this.isOpen(instant)) return instant;
    const clock = wallClock(instant, this.window.timeZone);
    let date = clock.date;
    if (!this.window.days.includes(clock.weekday) || clock.minutes >= toMinutes(this.window.start)) date = nextDate(date);
    for (let i = 0; i < 8 && !this.window.days.includes(weekdayOf(date)); i++) date = nextDate(date);
    return zonedInstant(date, this.window.start, this.window.timeZone);
  }

  /** Is `date` (an ISO day) one of the window's days? */
  isWindowDay(date: string): boolean {
    return this.window.days.includes(weekdayOf(date));
  }

  /** `date` itself when it is a window day, else the next one (a Saturday ping goes out on Monday). */
  windowDayFrom(date: string): string {
    let day = date;
    for (let i = 0; i < 8 && !this.isWindowDay(day); i++) day = nextDate(day, 1);
    return day;
  }

  /** The last window day strictly before `date` (for catching up after weekends). */
  previousWindowDay(date: string): string {
    let day = nextDate(date, -1);
    for (let i = 0; i < 8 && !this.isWindowDay(day); i++) day = nextDate(day, -1);
    return day;
  }

  /** A cron pattern for the daily scan: the window's opening time on its days (BullMQ, with `timeZone`). */
  cronPattern(): string {
    const [hours, minutes] = this.window.start.split(':').map(Number);
    const days = this.window.days.map((day) => WEEKDAYS.indexOf(day)).sort().join(',');
    return `${minutes} ${hours} * * ${days}`;
  }
}

/**
 * The day the ping that ends a snooze pressed on `today` goes out: `snoozeDays` later, moved to the
 * next send-window day (a Saturday becomes Monday). Undefined when that day is after expiry, so no
 * snooze is offered or accepted that would leave the person without a ping before expiry.
 */
export function snoozePingDay(reminders: ReminderPolicy, today: string, expiry: string): string | undefined {
  const day = new SendWindow(reminders.window).windowDayFrom(addDays(today, reminders.snoozeDays));
  return day <= expiry ? day : undefined;
}
