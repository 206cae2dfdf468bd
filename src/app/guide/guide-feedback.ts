import type { Situation } from '../../domain/guide/situation.ts';
import type { AppContext } from '../context.ts';
import type { Lang } from './lang.ts';

/** One answer to the guide's two questions, as the city's own pages ask them, and an optional comment (its schema: http/guide/guide-schemas.ts). */
export interface GuideFeedbackInput {
  readonly situation: Situation;
  readonly lang: Lang;
  /** このページの情報は役に立ちましたか？ */
  readonly helpful: 'yes' | 'no';
  /** 見つけやすかったですか？ */
  readonly easyToFind: 'yes' | 'no';
  readonly comment?: string;
}

/** The longest comment kept: enough for a sentence or two, too short to paste a document. */
export const COMMENT_MAX = 500;

/**
 * A comment as it may be stored: no personal data is asked for, and whatever looks like a number
 * a person could be found by (a phone number, an individual number, a card or postal number, a
 * date of birth) is taken out — every digit, ASCII or full-width or as a kanji-free numeral, with
 * the separators around it — as are e-mail addresses. Blank after that: no comment.
 */
export function sanitizeComment(comment: string | undefined): string | null {
  if (comment === undefined) return null;
  const cleaned = comment
    .normalize('NFKC')
    .replace(/[\p{Cc}\p{Cf}]/gu, ' ')
    .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, ' ')
    .replace(/[+(（]?\p{Nd}[\p{Nd}\s()（）\-‐－ー−.]*/gu, ' ')
    .replace(/[〇一二三四五六七八九]{4,}/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, COMMENT_MAX);
  return cleaned === '' ? null : cleaned;
}

/**
 * Stores one answer to the guide's questions. It is anonymous and holds nothing about a person,
 * so it is no procedure and has no audit entry (docs/security.md "Audit" covers acts on records);
 * throttling by address is the HTTP layer's, which keeps no address either.
 */
export async function recordGuideFeedback(app: Pick<AppContext, 'store' | 'clock' | 'ids'>, input: GuideFeedbackInput): Promise<void> {
  const feedback = {
    id: app.ids.next(),
    situation: input.situation,
    lang: input.lang,
    helpful: input.helpful,
    easyToFind: input.easyToFind,
    comment: sanitizeComment(input.comment),
    receivedOn: app.clock.today(),
    receivedAt: app.clock.now(),
  } as const;
  await app.store.transaction((tx) => tx.guideFeedback.add(feedback));
}
