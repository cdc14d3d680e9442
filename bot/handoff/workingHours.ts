import type { Locale } from '../../cards/i18n';

export interface WorkingHoursOptions {
  /** "08:30-17:30", local time in `timeZone`. */
  hours: string;
  /** ISO weekdays, "1-5" or "1,2,3,4,5" (1 = Monday). */
  days: string;
  /** IANA zone, e.g. "Europe/Istanbul". */
  timeZone: string;
}

interface LocalTime { year: number; month: number; day: number; weekday: number; minutes: number }

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/**
 * The help desk's working hours, in its own time zone (Europe/Istanbul for the institution),
 * whatever the server's zone is.
 *
 * @example
 * const hours = new WorkingHours({ hours: '08:30-17:30', days: '1-5', timeZone: 'Europe/Istanbul' });
 * hours.isOpen(new Date('2026-03-07T10:00:00+03:00')); // false: a Saturday
 * hours.nextOpening(new Date('2026-03-07T10:00:00+03:00')); // Monday 08:30 Istanbul time
 */
export class WorkingHours {
  private readonly openAt: number;
  private readonly closeAt: number;
  private readonly days: Set<number>;
  private readonly parts: Intl.DateTimeFormat;

  constructor(private readonly options: WorkingHoursOptions) {
    const [open, close] = options.hours.split('-').map(minutesOf);
    this.openAt = open;
    this.closeAt = close;
    this.days = new Set(options.days.split(',').flatMap(rangeOf));
    this.parts = new Intl.DateTimeFormat('en-US', {
      timeZone: options.timeZone, hourCycle: 'h23', weekday: 'short', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric',
    });
  }

  isOpen(at: Date): boolean {
    const local = this.local(at);
    return this.days.has(local.weekday) && local.minutes >= this.openAt && local.minutes < this.closeAt;
  }

  /** `at` itself when open; otherwise the next moment the desk opens (within two weeks), or undefined. */
  nextOpening(at: Date): Date | undefined {
    if (this.isOpen(at)) return at;
    const local = this.local(at);
    for (let offset = 0; offset <= 14; offset++) {
      const date = new Date(Date.UTC(local.year, local.month - 1, local.day + offset));
      const weekday = ((date.getUTCDay() + 6) % 7) + 1;
      if (!this.days.has(weekday)) continue;
      const opening = this.toInstant(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), this.openAt);
      if (opening.getTime() > at.getTime()) return opening;
    }
    return undefined;
  }

  /** "Pazartesi–Cuma 08:30–17:30" for the user. */
  describe(locale: Locale): string {
    const names = new Intl.DateTimeFormat(locale === 'tr' ? 'tr-TR' : 'en-GB', { weekday: 'long', timeZone: 'UTC' });
    // 2024-01-01 was a Monday.
    const dayName = (iso: number) => names.format(new Date(Date.UTC(2024, 0, iso)));
    const sorted = [...this.days].sort();
    const contiguous = sorted.every((day, index) => index === 0 || day === sorted[index - 1] + 1);
    const days = contiguous && sorted.length > 1 ? `${dayName(sorted[0])}–${dayName(sorted[sorted.length - 1])}` : sorted.map(dayName).join(', ');
    return `${days} ${clock(this.openAt)}–${clock(this.closeAt)}`;
  }

  /** "Pazartesi 9 Mart 08:30" in the desk's zone. */
  formatMoment(at: Date, locale: Locale): string {
    return new Intl.DateTimeFormat(locale === 'tr' ? 'tr-TR' : 'en-GB', {
      timeZone: this.options.timeZone, weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
    }).format(at);
  }

  /** "14:05" in the desk's zone. */
  formatTime(at: Date): string {
    return new Intl.DateTimeFormat('tr-TR', { timeZone: this.options.timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
  }

  /** The moment `days` working days after `at` (same time of day; non-working days are skipped). */
  addWorkingDays(at: Date, days: number): Date {
    let moment = at.getTime();
    for (let counted = 0; counted < days;) {
      moment += 86_400_000;
      if (this.days.has(this.local(new Date(moment)).weekday)) counted++;
    }
    return new Date(moment);
  }

  /** Whole working days from `from` to `to` (0 when `to` is earlier or on the same day). */
  workingDaysBetween(from: Date, to: Date): number {
    let count = 0;
    for (let moment = from.getTime() + 86_400_000; moment <= to.getTime(); moment += 86_400_000) {
      if (this.days.has(this.local(new Date(moment)).weekday)) count++;
    }
    return count;
  }

  private local(at: Date): LocalTime {
    const parts = Object.fromEntries(this.parts.formatToParts(at).map((part) => [part.type, part.value]));
    return {
      year: Number(parts.year), month: Number(parts.month), day: Number(parts.day), weekday: WEEKDAYS[parts.weekday],
      minutes: Number(parts.hour) * 60 + Number(parts.minute),
    };
  }

  /** The instant when the desk's wall clock shows that date and time. */
  private toInstant(year: number, month: number, day: number, minutes: number): Date {
    const wall = Date.UTC(year, month - 1, day, Math.floor(minutes / 60), minutes % 60);
    let guess = wall;
    for (let round = 0; round < 2; round++) {
      const local = this.local(new Date(guess));
      const shown = Date.UTC(local.year, local.month - 1, local.day, Math.floor(local.minutes / 60), local.minutes % 60);
      guess += wall - shown;
    }
    return new Date(guess);
  }
}

function minutesOf(hhmm: string): number {
  const [hours, minutes] = hhmm.split(':').map(Number);
  return hours * 60 + minutes;
}

function rangeOf(part: string): number[] {
  const [from, to = from] = part.split('-').map(Number);
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, index) => from + index);
}

function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
