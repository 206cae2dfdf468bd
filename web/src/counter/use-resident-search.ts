import { useEffect, useState } from 'react';
import { splitTypedDate } from '../../../src/rules/typed-date.ts';
import { answer, api } from '../api/client';
import type { Response, ResidentSummary } from '../api/types';
import { isRealDate } from '../i18n/format';

export interface Criteria {
  readonly q: string;
  readonly birthDate: string;
  readonly address: string;
  readonly phone: string;
}

type Result = Response<'/api/v1/residents', 'get'>;

export interface SearchState {
  readonly residents: readonly ResidentSummary[];
  readonly match: Result['match'] | undefined;
  readonly truncated: boolean;
  readonly nextCursor: string | null;
  readonly searching: boolean;
  readonly searched: boolean;
  /** Milliseconds from the last change of the criteria to its results. */
  readonly took: number | undefined;
  /** Whether the results are of a name typed in the box (each then says whether the name starts with it or contains it). */
  readonly byName: boolean;
  /** Residents whose address contains the text of the name box: the same box finds addresses, listed apart. */
  readonly addressMatches: readonly ResidentSummary[];
}

const EMPTY: SearchState = { residents: [], match: undefined, truncated: false, nextCursor: null, searching: false, searched: false, took: undefined, byName: false, addressMatches: [] };

/** The digits of a phone number as typed, full-width or not, with or without hyphens. */
const digitsOf = (text: string) => text.normalize('NFKC').replace(/\D/g, '');
/** Text that can only be (part of) a phone number: digits, hyphens and spaces, at least 3 digits. */
const PHONE_LIKE = /^[\d\s\-－ー―‐]+$/u;
const isPhonePart = (text: string) => PHONE_LIKE.test(text.normalize('NFKC')) && digitsOf(text).length >= 3;

/**
 * Results as the clerk types: each change of the criteria asks the server at once and cancels
 * the question before it, so the list always answers the latest keystroke.
 */
/** The criteria the server is asked with: only those complete enough to narrow the list. */
function toQuery({ q, birthDate, address, phone }: Criteria) {
  // A birth date said with the name (ヤマダ S55.5.31, 昭和55年5月31日) narrows as the date field does.
  const { rest, date } = splitTypedDate(q);
  const born = isRealDate(birthDate) ? birthDate : date;
  // Digits in the name box are a phone number, or a part of one (090-1234, 5678).
  const phoneInBox = isPhonePart(rest);
  return {
    ...(rest && !phoneInBox && { q: rest }),
    ...(born && { birthDate: born }),
    ...(address.trim().length >= 2 && { address: address.trim() }),
    ...(phoneInBox ? { phone: digitsOf(rest) } : isPhonePart(phone) && { phone: digitsOf(phone) }),
  };
}

/** The text of the name box to look for in addresses too: a name alone, long enough for the address index. */
function addressInBox(query: ReturnType<typeof toQuery>): string | undefined {
  const keys = Object.keys(query);
  return keys.length === 1 && query.q !== undefined && [...query.q.trim()].length >= 3 ? query.q.trim() : undefined;
}

export function useResidentSearch(criteria: Criteria): SearchState & { more(): Promise<void> } {
  const [state, setState] = useState<SearchState>(EMPTY);
  const { q, birthDate, address, phone } = criteria;
  useEffect(() => {
    const query = toQuery({ q, birthDate, address, phone });
    if (Object.keys(query).length === 0 || (Object.keys(query).length === 1 && 'address' in query && address.trim().length < 3)) {
      setState(EMPTY);
      return;
    }
    const controller = new AbortController();
    const started = performance.now();
    setState((current) => ({ ...current, searching: true }));
    const inAddress = addressInBox(query);
    void Promise.all([
      answer(api.GET('/api/v1/residents', { params: { query: { ...query, limit: 20 } }, signal: controller.signal })),
      inAddress ? answer(api.GET('/api/v1/residents', { params: { query: { address: inAddress, limit: 20 } }, signal: controller.signal })) : undefined,
    ]).then(([result, byAddress]) => {
      if (controller.signal.aborted) return;
      const addressMatches = byAddress?.ok ? byAddress.data.residents : [];
      if (result.ok) {
        setState({ ...result.data, residents: result.data.residents, searching: false, searched: true, took: performance.now() - started, byName: query.q !== undefined, addressMatches });
      } else {
        setState({ ...EMPTY, searched: true, addressMatches });
      }
    });
    return () => controller.abort();
  }, [q, birthDate, address, phone]);

  const more = async () => {
    if (!state.nextCursor) return;
    const query = toQuery({ q, birthDate, address, phone });
    const result = await answer(api.GET('/api/v1/residents', { params: { query: { ...query, limit: 20, cursor: state.nextCursor } } }));
    if (result.ok) setState((current) => ({ ...current, residents: [...current.residents, ...result.data.residents], nextCursor: result.data.nextCursor }));
  };

  return { ...state, more };
}
