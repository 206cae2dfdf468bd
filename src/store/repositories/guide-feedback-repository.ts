import type { GuideFeedbackRepository } from '../../app/ports/guide-feedback-repository.ts';
import type { PlainDate } from '../../rules/plain-date.ts';
import type { Scope } from './scope.ts';

/** The resident guide's feedback, counted in the database for the supervisors' report. */
export function guideFeedbackRepository({ db, municipalityCode }: Scope): GuideFeedbackRepository {
  const inRange = (from: PlainDate, to: PlainDate) =>
    db.selectFrom('guide_feedback').where('municipality_code', '=', municipalityCode).where('received_on', '>=', from).where('received_on', '<=', to);
  return {
    async add(feedback) {
      await db
        .insertInto('guide_feedback')
        .values({
          id: feedback.id,
          municipality_code: municipalityCode,
          situation: feedback.situation,
          lang: feedback.lang,
          helpful: feedback.helpful,
          easy_to_find: feedback.easyToFind,
          comment: feedback.comment,
          received_on: feedback.receivedOn,
          received_at: feedback.receivedAt,
        })
        .execute();
    },
    async counts(from, to) {
      const rows = await inRange(from, to)
        .select(['situation', 'lang', 'helpful', 'easy_to_find', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.count<number>('comment').as('c')])
        .groupBy(['situation', 'lang', 'helpful', 'easy_to_find'])
        .orderBy('situation')
        .orderBy('lang')
        .execute();
      return rows.map((row) => ({
        situation: row.situation,
        lang: row.lang,
        helpful: row.helpful as 'yes' | 'no',
        easyToFind: row.easy_to_find as 'yes' | 'no',
        comments: Number(row.c),
        count: Number(row.n),
      }));
    },
    async comments(from, to) {
      const rows = await inRange(from, to)
        .select(['received_on', 'situation', 'lang', 'helpful', 'easy_to_find', 'comment'])
        .where('comment', 'is not', null)
        .orderBy('received_at')
        .orderBy('id')
        .execute();
      return rows.map((row) => ({
        receivedOn: row.received_on as PlainDate,
        situation: row.situation,
        lang: row.lang,
        helpful: row.helpful,
        easyToFind: row.easy_to_find,
        comment: row.comment ?? '',
      }));
    },
  };
}
