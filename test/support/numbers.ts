const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/**
 * Every run of twelve digits in a text that could be an individual number.
 * Record ids are UUIDs whose last group is twelve hex digits and, now and
 * then, twelve decimal ones; they are taken out first, or a test that looks
 * for leaked numbers fails on an id by chance.
 */
export function twelveDigitRuns(text: string): string[] {
  return text.replace(UUID, '<id>').match(/\d{12}/g) ?? [];
}
