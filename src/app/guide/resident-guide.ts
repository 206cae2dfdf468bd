import { decideGuide } from '../../domain/guide/decide-guide.ts';
import type { GuideError } from '../../domain/guide/guide-plan.ts';
import type { Result } from '../../rules/result.ts';
import type { OfficeDirectory } from '../../domain/office.ts';
import type { RuleContext } from '../../rules/context.ts';
import type { GuideRequest, LocalizedGuide } from './localized-guide.ts';
import { localizeGuide } from './localize-guide.ts';
import type { Clock } from '../ports/clock.ts';
import { plainText } from './rich-text.ts';

/** What the guide needs of the application: the rules, the counters, and today's date in Japan. */
export interface GuideServices {
  readonly rules: RuleContext;
  readonly offices: OfficeDirectory;
  readonly clock: Pick<Clock, 'today'>;
}

/**
 * The resident guide: the situation and answers decided by the rules (decideGuide),
 * then put into the requested language. The pages and POST /api/v1/guide both call this; the
 * texts keep their marks (ruby, «Japanese») for the pages, and `plainGuide` takes them off for JSON.
 * "Today" is answers.today when given, else the business date in Japan.
 */
export function residentGuide(services: GuideServices, request: GuideRequest): Result<LocalizedGuide, GuideError> {
  const plan = decideGuide(
    { situation: request.situation, answers: request.answers ?? {} },
    { rules: services.rules, offices: services.offices, today: services.clock.today() },
  );
  if (!plan.ok) return plan;
  return { ok: true, value: localizeGuide(plan.value, request.lang, services.offices) };
}

/** The answer as plain text, for JSON: ruby as 漢字（かんじ）, marked Japanese terms as they are. */
export function plainGuide(guide: LocalizedGuide): LocalizedGuide {
  return strip(guide) as LocalizedGuide;
}

function strip(value: unknown): unknown {
  if (typeof value === 'string') return plainText(value);
  if (Array.isArray(value)) return value.map(strip);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, each]) => [key, strip(each)]));
  return value;
}
