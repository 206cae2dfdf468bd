import { isLive } from '../../domain/card.ts';
import { refuseField, success } from '../../domain/errors.ts';
import { phoneDigits, searchForm } from '../../domain/name-search.ts';
import { authorize, type Actor } from '../actor.ts';
import type { AppContext } from '../context.ts';
import type { PlainDate } from '../../rules/plain-date.ts';
import { residentView, type ResidentView } from '../views.ts';
import type { Result } from '../app-errors.ts';

/** What a search asks for: at least one of a name, a birth date, an address or a phone; a page of `limit` after `cursor`. */
export interface SearchInput {
  /** Name in kanji or kana, partial. */
  readonly q?: string;
  readonly birthDate?: PlainDate;
  /** Address, partial. */
  readonly address?: string;
  readonly phone?: string;
  readonly limit?: number;
  readonly cursor?: string;
}

/** Search by name (kanji or kana, partial), birth date, address or phone; numbers masked. */
export interface SearchResult {
  /** Each with its live (or last) card, and whether its name started with the text or contained it further on. */
  readonly residents: (ResidentView & { card: { id: string; status: string } | null; match: 'prefix' | 'contains' })[];
  readonly nextCursor: string | null;
  readonly match: 'prefix' | 'contains';
  readonly truncated: boolean;
}

/**
 * Search by name (kanji or kana: names starting with the text, then those containing it further
 * on), birth date, address or phone (its digits, whole or in part); numbers masked; each resident with their live card, or their
 * last card when none is live.
 */
export async function searchResidents(app: AppContext, actor: Actor, query: SearchInput): Promise<Result<SearchResult>> {
  const allowed = authorize(actor, 'resident.search');
  if (!allowed.ok) return allowed;
  if (query.q === undefined && query.birthDate === undefined && query.address === undefined && query.phone === undefined) {
    return refuseField('q', 'give a name, a birth date, an address or a phone number to search by');
  }
  if (query.q === undefined && query.birthDate === undefined && query.phone === undefined && searchForm(query.address ?? '').length < 3) {
    return refuseField('address', 'give at least 3 characters of an address, or a name or birth date with it');
  }
  if (query.phone !== undefined && phoneDigits(query.phone).length < 3) return refuseField('phone', 'give at least 3 digits of a phone number');
  let after: { key: string; id: string; match: 'prefix' | 'contains' } | undefined;
  if (query.cursor !== undefined) {
    try {
      const [key, id, match] = JSON.parse(Buffer.from(query.cursor, 'base64url').toString('utf8')) as [string, string, string];
      if (typeof key !== 'string' || typeof id !== 'string' || (match !== 'prefix' && match !== 'contains')) throw new Error('cursor');
      after = { key, id, match };
    } catch {
      return refuseField('cursor', 'is not a cursor this search returned');
    }
  }
  const limit = query.limit ?? 20;
  // On the read replica when there is one (docs/architecture.md "Read replica"): a search may be
  // a moment behind, and the resident the clerk then opens is read by id on the primary.
  const found = await app.store.replica.residents.search({
    ...(query.q !== undefined && { name: query.q }),
    ...(query.birthDate !== undefined && { birthDate: query.birthDate }),
    ...(query.address !== undefined && { address: query.address }),
    ...(query.phone !== undefined && { phone: query.phone }),
    limit: limit + 1,
    ...(after && { after: { key: after.key, id: after.id }, match: after.match }),
  });
  const page = found.records.slice(0, limit);
  const cards = await app.store.replica.cards.listByResidents(page.map((record) => record.state.id));
  const residents = page.map((record, index) => {
    // The live card; else the last one, so that an expired, abolished or returned card shows as
    // such and not as "no card" (the hotline suspends only an active one).
    const theirs = cards.filter((card) => card.residentId === record.state.id);
    const shown = theirs.filter(isLive).at(-1) ?? theirs.at(-1);
    return { ...residentView(record), card: shown ? { id: shown.id, status: shown.status } : null, match: found.matches[index] ?? found.match };
  });
  const last = page.at(-1);
  // The next page goes on where the last one shown matched: among the names starting with the text, or those containing it.
  const lastMatch = found.matches[page.length - 1] ?? found.match;
  const nextCursor =
    found.records.length > limit && last ? Buffer.from(JSON.stringify([found.keys[page.length - 1], last.state.id, lastMatch])).toString('base64url') : null;
  return success({ residents, nextCursor, match: residents.some((resident) => resident.match === 'contains') ? 'contains' : 'prefix', truncated: found.truncated });
}
