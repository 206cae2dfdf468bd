import { Type, type Static } from 'typebox';
import { ageOn } from './age-rules.ts';
import type { RuleContext } from './context.ts';
import { type Result, refuseField, success } from './result.ts';
import type { PlainDate } from './plain-date.ts';
import type { Policy } from './policy.ts';
import { DateField, DateSchema, InputObject } from './schema.ts';

/** Why a holder is represented: a child (parent with parental authority) or an adult ward (guardian). */
export const RepresentationBasis = { Under15: 'under-15', AdultWard: 'adult-ward' } as const;
export type RepresentationBasis = (typeof RepresentationBasis)[keyof typeof RepresentationBasis];

export const LegalRepresentativeInput = InputObject(
  {
    birthDate: DateSchema,
    today: DateField('The day of the procedure'),
    adultWard: Type.Boolean({ description: 'The holder is an adult under guardianship (成年被後見人)' }),
  },
  'A holder coming for a procedure on today',
);
export type LegalRepresentativeInput = Static<typeof LegalRepresentativeInput>;
export const LegalRepresentativeOutput = Type.Object({
  representativeRequired: Type.Boolean({ description: 'A 法定代理人 acts for the holder (the procedures of R-13 that say so)' }),
  voluntaryProxyAllowed: Type.Boolean({ description: 'Whether a voluntary proxy (任意代理人) may act instead' }),
  basis: Type.Optional(
    Type.Enum(Object.values(RepresentationBasis), { description: 'under-15: a parent with parental authority; adult-ward: the guardian; only when required' }),
  ),
});
export type LegalRepresentativeOutput = Static<typeof LegalRepresentativeOutput>;

/**
 * Why a holder needs a 法定代理人 on `on` (R-18), or undefined. Under 15 is R-1's end-of-day reading,
 * as for the signature certificate: born 2011-12-03, 15 and on their own on 2026-12-02. A child is
 * named before a ward when both hold, since the parent's authority is the one shown first.
 */
export function representationBasis(
  birthDate: PlainDate,
  on: PlainDate,
  adultWard: boolean,
  policy: Pick<Policy, 'legalRepresentativeUnderAge'>,
): RepresentationBasis | undefined {
  if (ageOn(birthDate, on) < policy.legalRepresentativeUnderAge) return RepresentationBasis.Under15;
  return adultWard ? RepresentationBasis.AdultWard : undefined;
}

/**
 * R-18 `legal-representative` (C: 番号法施行令, J-LIS 交付事務マニュアル): a holder under 15 on
 * `today`, or an adult under guardianship, is represented by a 法定代理人 for the procedures
 * `LEGAL_REPRESENTATIVE_NEED` marks (R-13, procedures.ts): application, hand-over (the holder
 * comes with the representative), PIN setting and reset, front-side change, continuation,
 * certificates and new cards. A voluntary proxy (任意代理人) is then not allowed; a member of the
 * same household may still bring the card for continuation.
 */
export function legalRepresentative(input: LegalRepresentativeInput, context: RuleContext): Result<LegalRepresentativeOutput> {
  if (input.today < input.birthDate) return refuseField('today', `${input.today} is before birthDate ${input.birthDate}`);
  const basis = representationBasis(input.birthDate, input.today, input.adultWard, context.policy);
  if (basis === undefined) return success({ representativeRequired: false, voluntaryProxyAllowed: true });
  return success({ representativeRequired: true, voluntaryProxyAllowed: false, basis });
}
