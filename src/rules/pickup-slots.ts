import { inYearEnd, type Calendar } from './calendar.ts';
import { RuleErrorCode } from './errors.ts';
import { addDays, dayOfWeek, fromEpochDay, parsePlainDate, toEpochDay, type PlainDate } from './plain-date.ts';
import { refuse, success, type Result } from './result.ts';

/** The days of the week in `dayOfWeek` order (0 = Sunday), as offices.json names them. */
export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Days the office itself is closed for pickups (a move, a system change), `to` included; one day when `to` is absent. */
export interface PickupClosure {
  /** `YYYY-MM-DD`, checked when offices.json is read. */
  readonly from: string;
  readonly to?: string | undefined;
  readonly note?: string | undefined;
}

/**
 * An office's pickup schedule (offices.json `pickup`, docs/pickup.md "Appointments"): the hours
 * in which cards are handed over by appointment on each day of the week ("9:00–16:30"; a day not
 * named has none), how long a slot is and how many people one slot takes, and the office's own
 * closures. National holidays and the year-end days close every office whatever the hours say;
 * Saturday and Sunday are open only when the schedule gives them hours.
 */
export interface PickupSchedule {
  readonly slotMinutes: number;
  readonly capacity: number;
  readonly hours: Readonly<Partial<Record<Weekday, string>>>;
  readonly closures?: readonly PickupClosure[] | undefined;
}

/** One slot: its start and end in Japan time (`2026-11-30T09:00:00+09:00`), the day, and how many it takes. */
export interface PickupSlot {
  readonly start: string;
  readonly end: string;
  readonly date: PlainDate;
  readonly capacity: number;
}

export type PickupDayClosure = 'national-holiday' | 'year-end' | 'office-closure' | 'no-hours';

const JAPAN_OFFSET_MINUTES = 9 * 60;
const MINUTES_A_DAY = 24 * 60;
const HOURS = /^([0-9]{1,2}):([0-9]{2})[–-]([0-9]{1,2}):([0-9]{2})$/;

/** Minutes after midnight of the opening and closing of an hours text, or undefined when it is not one. */
export function parseHours(text: string): { readonly open: number; readonly close: number } | undefined {
  const match = HOURS.exec(text);
  if (!match) return undefined;
  const [open, close] = [Number(match[1]) * 60 + Number(match[2]), Number(match[3]) * 60 + Number(match[4])];
  if (Number(match[2]) > 59 || Number(match[4]) > 59 || close > 24 * 60 || open >= close) return undefined;
  return { open, close };
}

function twoDigits(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

/** The moment `minutes` after midnight of `date` in Japan, as the API writes slot times. */
export function japanTime(date: PlainDate, minutes: number): string {
  return `${date}T${twoDigits(Math.floor(minutes / 60))}:${twoDigits(minutes % 60)}:00+09:00`;
}

const MOMENT = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|([+-])(\d{2}):(\d{2}))$/;

/**
 * Any ISO-8601 moment on a whole minute (`2026-11-30T00:00:00Z`, `2026-11-30T09:00+09:00`) written
 * as a slot time in Japan, or undefined when it is not a moment with a zone. Slots are compared in
 * this form (Japan has one offset all year). Plain arithmetic: no Date in the rules.
 */
export function toJapanTime(moment: string): string | undefined {
  const match = MOMENT.exec(moment);
  if (!match) return undefined;
  const date = parsePlainDate(match[1]!);
  const [hours, minutes, seconds] = [Number(match[2]), Number(match[3]), Number(match[4] ?? 0)];
  if (!date || hours > 23 || minutes > 59 || seconds !== 0 || Number(match[5] ?? 0) !== 0) return undefined;
  const offset = match[6] === 'Z' ? 0 : (match[7] === '-' ? -1 : 1) * (Number(match[8]) * 60 + Number(match[9]));
  const japan = toEpochDay(date) * MINUTES_A_DAY + hours * 60 + minutes - offset + JAPAN_OFFSET_MINUTES;
  const day = Math.floor(japan / MINUTES_A_DAY);
  return japanTime(fromEpochDay(day), japan - day * MINUTES_A_DAY);
}

/** Whether the office hands over cards by appointment on `date`, or why not (R-9 first, then the office). */
export function pickupDay(schedule: PickupSchedule, calendar: Calendar, date: PlainDate): Result<{ readonly open: true; readonly hours: { open: number; close: number } } | { readonly open: false; readonly reason: PickupDayClosure }> {
  if (date < calendar.firstDate || date > calendar.lastDate) {
    return refuse(RuleErrorCode.CalendarOutOfRange, `${date} is outside the years the holiday calendar covers (${calendar.firstDate} to ${calendar.lastDate})`);
  }
  if (calendar.holidays.has(date)) return success({ open: false, reason: 'national-holiday' });
  if (inYearEnd(calendar, date)) return success({ open: false, reason: 'year-end' });
  if ((schedule.closures ?? []).some((closure) => closure.from <= date && date <= (closure.to ?? closure.from))) return success({ open: false, reason: 'office-closure' });
  const text = schedule.hours[WEEKDAYS[dayOfWeek(date)]!];
  const hours = text === undefined ? undefined : parseHours(text);
  return success(hours ? { open: true, hours } : { open: false, reason: 'no-hours' });
}

/** The slots of one day: from the opening, one after another, each ending by the closing. */
function slotsOfDay(schedule: PickupSchedule, date: PlainDate, hours: { open: number; close: number }): PickupSlot[] {
  const slots: PickupSlot[] = [];
  for (let start = hours.open; start + schedule.slotMinutes <= hours.close; start += schedule.slotMinutes) {
    slots.push({ start: japanTime(date, start), end: japanTime(date, start + schedule.slotMinutes), date, capacity: schedule.capacity });
  }
  return slots;
}

/**
 * The pickup slots of an office from `from` to `to` (both included), in time order (docs/pickup.md
 * "Appointments"). Pure: what is booked is counted elsewhere.
 */
export function pickupSlots(schedule: PickupSchedule, calendar: Calendar, from: PlainDate, to: PlainDate): Result<PickupSlot[]> {
  const slots: PickupSlot[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    const day = pickupDay(schedule, calendar, date);
    if (!day.ok) return day;
    if (day.value.open) slots.push(...slotsOfDay(schedule, date, day.value.hours));
  }
  return success(slots);
}

/** The slot that starts at `start` (any ISO moment), or undefined when no slot of the office starts then. */
export function pickupSlotAt(schedule: PickupSchedule, calendar: Calendar, start: string): Result<PickupSlot | undefined> {
  const japan = toJapanTime(start);
  if (japan === undefined) return success(undefined);
  const date = japan.slice(0, 10) as PlainDate;
  const day = pickupDay(schedule, calendar, date);
  if (!day.ok) return day;
  if (!day.value.open) return success(undefined);
  return success(slotsOfDay(schedule, date, day.value.hours).find((slot) => slot.start === japan));
}
