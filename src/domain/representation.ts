import type { IdentityDocument } from '../rules/identity-documents.ts';
import { representationBasis } from '../rules/legal-representative.ts';
import type { PlainDate } from '../rules/plain-date.ts';
import { legalRepresentativeNeeded, type Presenter, type Procedure } from '../rules/procedures.ts';
import { checkIdentity } from './card-checks.ts';
import type { DecisionContext } from './decision-context.ts';
import { DomainErrorCode, refuse, refuseField, success, type Result } from './errors.ts';

/** A 法定代理人 as the counter records them (docs/api.md "Legal representatives"). */
export interface LegalRepresentative {
  readonly name: string;
  /** parent: a parent with parental authority (親権者); guardian: a 後見人 (of a minor or of an adult ward). */
  readonly relationship: 'parent' | 'guardian';
  readonly identityDocuments: readonly IdentityDocument[];
  /** The document proving the authority, e.g. 戸籍謄本, 登記事項証明書. */
  readonly authorityDocument: string;
}

/**
 * What a command at a counter says of who acts for the holder: the 法定代理人 named, if
 * any, and whether a voluntary proxy came with an approval. The deciders of application, hand-over,
 * front note, continuation, PIN reset and reissue decide it with `checkRepresentation`.
 */
export interface Acting {
  readonly legalRepresentative?: LegalRepresentative | undefined;
  readonly withProxyApproval: boolean;
}

export interface Representation {
  readonly procedure: Procedure;
  /** Who brought the card or came for the holder. */
  readonly presenter: Presenter;
  readonly holder: { readonly birthDate: PlainDate; readonly adultWard: boolean };
  /** The day of the procedure: age is R-1's on that day, computed, never typed by the clerk. */
  readonly on: PlainDate;
  readonly representative: LegalRepresentative | undefined;
  /** A voluntary proxy (任意代理人) with an approval came. */
  readonly withProxyApproval: boolean;
}

/**
 * who may act for the holder in a procedure. A holder under 15 on the day, or an adult ward,
 * is represented by a 法定代理人 where `LEGAL_REPRESENTATIVE_NEED` says so (422
 * `REPRESENTATIVE.REQUIRED`), and never by a voluntary proxy (422
 * `PROXY.NOT_ALLOWED_FOR_REPRESENTED`). The representative's identity is checked as the holder's
 * would be; an adult ward's representative is the guardian. Answers what the procedure
 * record keeps: the representative, or null when the holder acts alone.
 */
export function decideRepresentation(input: Representation, context: DecisionContext): Result<LegalRepresentative | null> {
  const { policy } = context.rules;
  const basis = representationBasis(input.holder.birthDate, input.on, input.holder.adultWard, policy);
  const { representative } = input;
  if (basis === undefined) {
    return representative === undefined ? success(null) : refuseField('legalRepresentative', 'the holder is 15 or older and not an adult ward: nobody represents them (R-18)');
  }
  if (input.withProxyApproval) {
    return refuse(DomainErrorCode.ProxyNotAllowedForRepresented, 'a voluntary proxy may not act for a holder under 15 or an adult ward: the legal representative comes (R-18)', { basis });
  }
  if (representative === undefined) {
    if (!legalRepresentativeNeeded(input.procedure, input.presenter)) return success(null);
    return refuse(DomainErrorCode.RepresentativeRequired, `the holder is represented (${basis}): the legal representative (法定代理人) must act for this procedure (R-18)`, { basis });
  }
  if (basis === 'adult-ward' && representative.relationship !== 'guardian') {
    return refuseField('legalRepresentative/relationship', 'an adult ward is represented by the guardian (成年後見人)');
  }
  const documents = checkIdentity(representative.identityDocuments, input.on, policy);
  if (documents) return documents;
  return success(representative);
}

/**
 * R-18 as a decider's check: the refusal of `decideRepresentation`, or undefined when whoever acts
 * may act. `presenter` defaults to the holder, or the proxy when an approval came.
 */
export function checkRepresentation(
  procedure: Procedure,
  holder: Representation['holder'],
  on: PlainDate,
  acting: Acting,
  context: DecisionContext,
  presenter: Presenter = acting.withProxyApproval ? 'proxy-after-enquiry' : 'holder',
): Result<never> | undefined {
  const decided = decideRepresentation(
    { procedure, presenter, holder, on, representative: acting.legalRepresentative, withProxyApproval: acting.withProxyApproval },
    context,
  );
  return decided.ok ? undefined : decided;
}
