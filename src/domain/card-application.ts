import { signatureCertificateAllowed } from '../rules/certificate-rules.ts';
import { RuleErrorCode } from '../rules/errors.ts';
import { photoIsRecent } from '../rules/photo-age.ts';
import type { PlainDate } from '../rules/plain-date.ts';
import { isLive, type ApplicationReason, type CardEvent, type CardState } from './card.ts';
import type { DecisionContext } from './decision-context.ts';
import { deceasedRefusal } from './resident-decider.ts';
import { DomainErrorCode, notInFuture, refuse, refuseField, success, type Result } from './errors.ts';
import { holderOf, type Holder } from './holder.ts';
import type { ResidentState } from './resident.ts';
import { checkRepresentation, type Acting } from './representation.ts';
import { Procedure } from '../rules/procedures.ts';

/** A new card asked for: a first card, or one within validity (R-10 reasons, the number change). */
export interface NewCard {
  readonly cardId: string;
  readonly applicationDate: PlainDate;
  readonly photoTakenOn: PlainDate;
  readonly withSignatureCertificate: boolean;
  readonly withUserCertificate: boolean;
  readonly reason: ApplicationReason;
  readonly previousCardId: string | null;
  readonly pickupOfficeId: string;
}

/**
 * A new card starts as `applied`. The photo must be from the last 6 months (seed), except for
 * the free card after a number change, which reuses the old card's photo (decision: the seed asks
 * no new photo for it); no signature certificate for someone under 15.
 */
export function decideNewCard(command: NewCard, residentId: string, holder: Holder, context: DecisionContext): Result<CardEvent[]> {
  const future = notInFuture('applicationDate', command.applicationDate, context);
  if (future) return future;
  if (command.applicationDate < holder.birthDate) return refuseField('applicationDate', 'is before the birth date');
  const { policy } = context.rules;
  if (command.reason !== 'number-change' && !photoIsRecent(command.photoTakenOn, command.applicationDate, policy)) {
    if (command.photoTakenOn > command.applicationDate) return refuseField('photoTakenOn', 'is after the application date');
    return refuse(
      DomainErrorCode.PhotoTooOld,
      `the photo of ${command.photoTakenOn} is older than ${policy.photoMaxAgeMonths} months; a new photo taken within ${policy.photoMaxAgeMonths} months is needed`,
    );
  }
  if (command.withSignatureCertificate && !signatureCertificateAllowed(holder.birthDate, command.applicationDate, policy)) {
    return refuse(RuleErrorCode.SignatureUnder15, `no signature certificate for someone under ${policy.signatureCertificateMinAge}`);
  }
  // Corrections 2026-12: nor for an adult under guardianship (成年被後見人, R-18).
  if (command.withSignatureCertificate && holder.adultWard) {
    return refuse(RuleErrorCode.SignatureNotAllowed, 'no signature certificate for an adult under guardianship (成年被後見人)');
  }
  return success([
    {
      type: 'CardApplied',
      cardId: command.cardId,
      residentId,
      applicationDate: command.applicationDate,
      photoTakenOn: command.photoTakenOn,
      reason: command.reason,
      previousCardId: command.previousCardId,
      pickupOfficeId: command.pickupOfficeId,
      withSignatureCertificate: command.withSignatureCertificate,
      withUserCertificate: command.withUserCertificate,
    },
  ]);
}

/**
 * 交付申請 at a counter: by a registered resident who holds no live card (docs/domain.md: at most one
 * at a time), to be handed over at one of the city's offices; a holder under 15 on the application
 * day or an adult ward applies through the 法定代理人, after the application's own checks.
 */
export function decideApplication(
  command: NewCard,
  resident: ResidentState,
  cards: readonly CardState[],
  officeIds: readonly string[],
  acting: Acting,
  context: DecisionContext,
): Result<CardEvent[]> {
  if (resident.registration === 'deceased') return deceasedRefusal(resident);
  if (resident.registration !== 'registered') {
    return refuse(DomainErrorCode.ResidentInvalidTransition, `a resident who is ${resident.registration} cannot apply for a card here`, {
      registration: resident.registration,
    });
  }
  const held = cards.filter(isLive).at(-1);
  if (held) return refuse(DomainErrorCode.ResidentCardAlreadyHeld, `the resident already has a card that is ${held.status}`, { cardId: held.id, currentStatus: held.status });
  if (!officeIds.includes(command.pickupOfficeId)) return refuse(DomainErrorCode.UnknownOffice, `there is no counter "${command.pickupOfficeId}" to hand the card over at`);
  const holder = holderOf(resident);
  const applied = decideNewCard(command, resident.id, holder, context);
  if (!applied.ok) return applied;
  return checkRepresentation(Procedure.Application, holder, command.applicationDate, acting, context) ?? applied;
}
