import type { PlainDate } from '../rules/plain-date.ts';
import type { Clock } from './ports.ts';

const JAPAN_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The machine's clock; the business date is the date in Japan, whatever the server's zone. */
export const systemClock: Clock = {
  now: () => new Date().toISOString(),
  today: () => JAPAN_DATE.format(new Date()) as PlainDate,
};

/** A clock stopped at a date (tests, demos, replaying a day); time still moves within it. */
export function clockAt(today: PlainDate): Clock & { set(date: PlainDate): void } {
  let date = today;
  return {
    now: () => `${date}T${new Date().toISOString().slice(11)}`,
    today: () => date,
    set(next) {
      date = next;
    },
  };
}
