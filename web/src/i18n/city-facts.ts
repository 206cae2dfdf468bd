import type { Offices, Policy } from '../api/types';
import { dayInText } from './format';
import type { Facts, Lang } from './i18n';

const EN_LIST = new Intl.ListFormat('en-GB', { type: 'conjunction' });

/**
 * The names and figures of the city that texts name, from its offices (offices.json) and its
 * policy (GET /api/v1/policy): a city that changes a deadline or its hotline changes the texts
 * with it. Only what is known yet; a text naming an unknown fact shows its `{name}`.
 */
export function cityFacts(offices: Offices | undefined, policy: Policy | undefined, lang: Lang): Facts {
  return {
    ...(offices && {
      municipality: lang === 'ja' ? offices.municipality.name : offices.municipality.nameEn,
      municipalityJa: offices.municipality.name,
      hotlinePhone: offices.hotline.phone,
      hotlineHours: offices.hotline.hours,
    }),
    ...(policy && {
      moveInDays: policy.moveInDays,
      continuationDays: policy.continuationDays,
      photoMonths: policy.photoMaxAgeMonths,
      signatureMinAge: policy.signatureCertificateMinAge,
      representativeUnderAge: policy.legalRepresentativeUnderAge,
      renewalMonths: policy.renewalWindowMonths,
      certificateRenewalMonths: policy.certificateRenewalWindowMonths,
      healthInsuranceUntil: dayInText(policy.healthInsuranceCardValidUntil, lang),
      // 期限の30日前・7日前 / 30 and 7 days before
      continuationReminders: lang === 'ja' ? policy.noticeDays.continuationReminders.join('日前・') : EN_LIST.format(policy.noticeDays.continuationReminders.map(String)),
      periodOfStayNoticeDays: policy.noticeDays.periodOfStay,
      pickupReminderMonths: policy.pickup.reminderMonths,
      pickupKeepMonths: policy.pickup.keepMonths,
    }),
  };
}
