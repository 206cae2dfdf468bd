import { checkOfficeDirectory, type OfficeDirectory } from '../domain/office.ts';
import { parseHours } from '../rules/pickup-slots.ts';
import { parsePlainDate } from '../rules/plain-date.ts';
import { ConfigError } from './config-error.ts';
import { checkAgainst, readJsonFile } from './json-file.ts';

/** The city's counters and hotline (offices.json), checked before the server starts. */
export function loadOfficeDirectory(file: string): OfficeDirectory {
  return officeDirectoryOf(readJsonFile(file), file);
}

/** An offices file's content read from `file` (or kept in the database), checked; a ConfigError names `file` and the first fault. */
export function officeDirectoryOf(value: unknown, file: string): OfficeDirectory {
  const directory = checkAgainst(checkOfficeDirectory, value, file);
  const ids = new Set<string>();
  for (const office of directory.offices) {
    if (ids.has(office.id)) throw new ConfigError(`${file}: office id "${office.id}" appears twice`);
    ids.add(office.id);
    const schedule = office.pickup;
    if (!schedule) continue;
    for (const [day, hours] of Object.entries(schedule.hours)) {
      const parsed = hours === undefined ? undefined : parseHours(hours);
      if (!parsed) throw new ConfigError(`${file}: office "${office.id}": pickup hours of ${day} "${hours}" do not open before they close`);
      if (parsed.close - parsed.open < schedule.slotMinutes) throw new ConfigError(`${file}: office "${office.id}": pickup hours of ${day} are shorter than one slot`);
    }
    for (const closure of schedule.closures ?? []) {
      if (!parsePlainDate(closure.from) || (closure.to !== undefined && (!parsePlainDate(closure.to) || closure.to < closure.from))) {
        throw new ConfigError(`${file}: office "${office.id}": pickup closure ${closure.from}–${closure.to ?? ''} is not a range of days`);
      }
    }
  }
  return directory;
}
