import { checkOfficeDirectory, type OfficeDirectory } from '../domain/office.ts';
import { ConfigError } from './config-error.ts';
import { checkAgainst, readJsonFile } from './json-file.ts';

/** The city's counters and hotline (offices.json), checked before the server starts. */
export function loadOfficeDirectory(file: string): OfficeDirectory {
  const directory = checkAgainst(checkOfficeDirectory, readJsonFile(file), file);
  const ids = new Set<string>();
  for (const office of directory.offices) {
    if (ids.has(office.id)) throw new ConfigError(`${file}: office id "${office.id}" appears twice`);
    ids.add(office.id);
  }
  return directory;
}
