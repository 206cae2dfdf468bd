import type { FieldProblem } from '../components/form';
import type { useI18n } from '../i18n/i18n';

type Translate = ReturnType<typeof useI18n>['t'];

/**
 * What is wrong with a range of dates before it is sent: the server refuses the same (to before
 * from, more than a year), but says it in one code for both, so the form names the field itself.
 */
export function rangeProblems(t: Translate, from: string, to: string, labels: { from: string; to: string }): FieldProblem[] {
  if (!from) return [{ field: 'from', message: t('form.date', { label: labels.from }) }];
  if (!to) return [{ field: 'to', message: t('form.date', { label: labels.to }) }];
  if (to < from) return [{ field: 'to', message: t('reports.toBeforeFrom') }];
  // A year after `from` as the server counts it (months clamped): the same date a year on compares the same.
  if (to > `${Number(from.slice(0, 4)) + 1}${from.slice(4)}`) return [{ field: 'to', message: t('reports.tooLong') }];
  return [];
}
