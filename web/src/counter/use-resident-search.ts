import { useEffect, useState } from 'react';
import { isPhoneNumber } from '../../../src/rules/resident-formats.ts';
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
}

const EMPTY: SearchState = { residents: [], match: undefined, truncated: false, nextCursor: null, searching: false, searched: false, took: undefined };

/**
 * Results as the clerk types: each change of the criteria asks the server at once and cancels
 * the question before it, so the list always answers the latest keystroke.
 */
/** The criteria the server is asked with: only those complete enough to narrow the list. */
function toQuery({ q, birthDate, address, phone }: Criteria) {
  // A birth date said with the name (ヤマダ S55.5.31, 昭和55年5月31日) narrows as the date field does.
  const { rest, date } = splitTypedDate(q);
  const born = isRealDate(birthDate) ? birthDate : date;
  return {
    ...(rest && { q: rest }),
    ...(born && { birthDate: born }),
    ...(address.trim().length >= 2 && { address: address.trim() }),
    ...(isPhoneNumber(phone) && { phone }),
  };
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
    void answer(api.GET('/api/v1/residents', { params: { query: { ...query, limit: 20 } }, signal: controller.signal })).then((result) => {
      if (controller.signal.aborted) return;
      if (result.ok) {
        setState({ ...result.data, residents: result.data.residents, searching: false, searched: true, took: performance.now() - started });
      } else {
        setState({ ...EMPTY, searched: true });
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
