import { useEffect, useState } from 'react';
import { answer, api, type Problem } from '../api/client';
import type { NoticeKind, NoticeList } from '../api/types';
import { todayInJapan } from '../i18n/format';
import type { MessageKey } from '../i18n/messages';

/** Each kind of letter with its name; the compiler asks for a row when the server adds a kind. */
export const NOTICE_KIND_LABELS = {
  'renewal-window': 'noticeKind.renewal-window',
  'continuation-deadline': 'noticeKind.continuation-deadline',
  'period-of-stay-ending': 'noticeKind.period-of-stay-ending',
  'expired-not-returned': 'noticeKind.expired-not-returned',
  'certificate-renewal-window': 'noticeKind.certificate-renewal-window',
  'pickup-notice': 'noticeKind.pickup-notice',
  'pickup-reminder': 'noticeKind.pickup-reminder',
} as const satisfies Record<NoticeKind, MessageKey>;

const isKind = (value: string | null): value is NoticeKind => value !== null && value in NOTICE_KIND_LABELS;

export interface NoticeQuery {
  readonly kind: NoticeKind;
  readonly from: string;
  readonly to: string;
}

/** The list asked for in the address (`?kind=&from=&to=`), today's renewal letters by default. */
export function noticeQuery(params: URLSearchParams): NoticeQuery {
  const today = todayInJapan();
  const kind = params.get('kind');
  const from = params.get('from') || today;
  return { kind: isKind(kind) ? kind : 'renewal-window', from, to: params.get('to') || from };
}

export function noticeSearch(query: NoticeQuery): string {
  return new URLSearchParams({ kind: query.kind, from: query.from, to: query.to }).toString();
}

/** The letters of a kind due in a range, as the server lists them (address order, never a number). */
export function useNotices({ kind, from, to }: NoticeQuery): NoticeList | { problem: Problem } | undefined {
  const [list, setList] = useState<NoticeList | { problem: Problem }>();
  useEffect(() => {
    let current = true;
    setList(undefined);
    void answer(api.GET('/api/v1/notices/{kind}', { params: { path: { kind }, query: { from, to } } })).then((result) => {
      if (current) setList(result.ok ? result.data : { problem: result.problem });
    });
    return () => {
      current = false;
    };
  }, [kind, from, to]);
  return list;
}
