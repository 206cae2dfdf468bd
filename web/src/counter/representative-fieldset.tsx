import { ageOn } from '../../../src/rules/age-rules.ts';
import { identityIsSufficient, NON_PHOTO_DOCUMENTS, PHOTO_DOCUMENTS, type IdentityDocument } from '../../../src/rules/identity-document-rules.ts';
import type { RequestBody } from '../api/types';
import { Checkboxes, Radios, TextInput, type FieldProblem } from '../components/form';
import type { MessageKey } from '../i18n/messages';
import { list, str, type ProcedureContext, type Values } from './procedure';
import { day, rulesPolicy } from './rules';

/**
 * The 法定代理人 (docs/rules.md R-18) on the counter's forms: a holder under 15 on the procedure's
 * day, or an adult ward, is represented by a parent with parental authority or a guardian. The
 * form asks for them only then — computed from the birth date and the resident record on that
 * day, never ticked by the clerk — and sends `legalRepresentative` only then, as the server
 * refuses one for anyone else.
 */
export interface RepresentedProcedure {
  /** The day the server decides on (the procedure's date, or today). */
  readonly on: (values: Values, context: ProcedureContext) => string;
  /** Continuation: a member of the household may still bring the card without the representative. */
  readonly householdMemberMayBring?: boolean;
}

/** Why the holder is represented: a child (parent or minor's guardian), or an adult ward (成年後見人). */
export type Basis = 'under-15' | 'adult-ward';

/** How the counter names the representative; the API knows a parent and a guardian. */
const RELATIONS = { 'under-15': ['parent', 'minor-guardian'], 'adult-ward': ['adult-guardian'] } as const satisfies Record<Basis, readonly string[]>;
type Relation = (typeof RELATIONS)[Basis][number];
type Representative = NonNullable<RequestBody<'/api/v1/cards/{id}/issue', 'post'>['legalRepresentative']>;
const API_RELATIONSHIP: Record<Relation, Representative['relationship']> = { parent: 'parent', 'minor-guardian': 'guardian', 'adult-guardian': 'guardian' };

/** The form's names of the representative's fields (ids `field-representative…`). */
export const REPRESENTATIVE_FIELDS = {
  name: 'representativeName',
  relation: 'representativeRelation',
  documents: 'representativeDocuments',
  authority: 'representativeAuthority',
} as const;

const DOCUMENT_KINDS: readonly IdentityDocument[] = [...PHOTO_DOCUMENTS, ...NON_PHOTO_DOCUMENTS];

/** The day the procedure is decided on, as the server will read it: the typed date, or today while it is no real date. */
function dayOf(need: RepresentedProcedure, values: Values, context: ProcedureContext) {
  return day(need.on(values, context)) ?? day(context.today);
}

/**
 * Whether the holder needs the representative for this procedure on its day (R-18, R-1's
 * end-of-day age), with the presence the page chose (`values.presence`); undefined when not.
 */
export function representationBasis(need: RepresentedProcedure | undefined, values: Values, context: ProcedureContext): Basis | undefined {
  const resident = context.resident;
  const birth = day(resident?.birthDate);
  const on = need && dayOf(need, values, context);
  if (!need || !resident || !birth || !on || on < birth) return undefined;
  if (need.householdMemberMayBring && values.presence === 'household-member') return undefined;
  if (ageOn(birth, on) < context.policy.legalRepresentativeUnderAge) return 'under-15';
  return resident.adultWard ? 'adult-ward' : undefined;
}

function relationOf(basis: Basis, values: Values): Relation | undefined {
  const chosen = str(values, REPRESENTATIVE_FIELDS.relation);
  const allowed: readonly Relation[] = RELATIONS[basis];
  if (allowed.length === 1) return allowed[0];
  return allowed.find((relation) => relation === chosen);
}

/** What the clerk must fill in before the review step, as the server will check it. */
export function representativeProblems(need: RepresentedProcedure | undefined, values: Values, context: ProcedureContext): FieldProblem[] {
  const basis = representationBasis(need, values, context);
  if (!basis || !need) return [];
  const { t } = context;
  const found: FieldProblem[] = [];
  // R-18: no voluntary proxy for a represented holder, whatever approval there is.
  if (values.presence === 'proxy') found.push({ field: 'presence', message: context.error('PROXY.NOT_ALLOWED_FOR_REPRESENTED', '') });
  if (!str(values, REPRESENTATIVE_FIELDS.name).trim()) found.push({ field: REPRESENTATIVE_FIELDS.name, message: t('form.required', { label: t('representative.name') }) });
  if (!relationOf(basis, values)) found.push({ field: REPRESENTATIVE_FIELDS.relation, message: t('representative.chooseRelation') });
  const documents = list(values, REPRESENTATIVE_FIELDS.documents) as IdentityDocument[];
  const on = dayOf(need, values, context);
  if (documents.length === 0) found.push({ field: REPRESENTATIVE_FIELDS.documents, message: t('form.chooseDocuments') });
  else if (on && !identityIsSufficient(documents, on, rulesPolicy(context.policy))) {
    found.push({ field: REPRESENTATIVE_FIELDS.documents, message: context.error('IDENTITY.INSUFFICIENT', '') });
  }
  if (!str(values, REPRESENTATIVE_FIELDS.authority).trim()) found.push({ field: REPRESENTATIVE_FIELDS.authority, message: t('form.required', { label: t('representative.authority') }) });
  return found;
}

/** `legalRepresentative` for the request body, only when the holder needs one on the day. */
export function legalRepresentativeBody(need: RepresentedProcedure, values: Values, context: ProcedureContext): { legalRepresentative?: Representative } {
  const basis = representationBasis(need, values, context);
  const relation = basis && relationOf(basis, values);
  if (!basis || !relation) return {};
  return {
    legalRepresentative: {
      name: str(values, REPRESENTATIVE_FIELDS.name).trim(),
      relationship: API_RELATIONSHIP[relation],
      identityDocuments: list(values, REPRESENTATIVE_FIELDS.documents) as Representative['identityDocuments'],
      authorityDocument: str(values, REPRESENTATIVE_FIELDS.authority).trim(),
    },
  };
}

/** The representative as the review and the slip name them: 「江戸川 一郎（親権者）」 and their documents. */
export function representativeLines(need: RepresentedProcedure | undefined, values: Values, context: ProcedureContext): [string, string][] {
  const basis = representationBasis(need, values, context);
  const relation = basis && relationOf(basis, values);
  if (!basis || !relation) return [];
  const { t } = context;
  const documents = list(values, REPRESENTATIVE_FIELDS.documents).map((kind) => t(`document.${kind}` as MessageKey));
  return [
    [t('representative.legend'), `${str(values, REPRESENTATIVE_FIELDS.name).trim()}（${t(`relation.${relation}`)}）`],
    [t('representative.documentsShort'), `${documents.join('、')}／${str(values, REPRESENTATIVE_FIELDS.authority).trim()}`],
  ];
}

interface Props {
  readonly need: RepresentedProcedure | undefined;
  /** The form's values, with the page's `presence`. */
  readonly values: Values;
  readonly context: ProcedureContext;
  readonly onChange: (name: string, value: Values[string]) => void;
  readonly errorOf: (name: string) => string | undefined;
}

/** The representative's fields, drawn only when the holder needs one on the procedure's day. */
export function RepresentativeFieldset({ need, values, context, onChange, errorOf }: Props) {
  const basis = representationBasis(need, values, context);
  if (!basis) return null;
  const { t } = context;
  const relations: readonly Relation[] = RELATIONS[basis];
  return (
    <fieldset className="fieldset representative" aria-describedby="representative-why">
      <legend className="legend legend--heading">{t('representative.legend')}</legend>
      <p className="hint" id="representative-why">
        {t(basis === 'under-15' ? 'representative.whyChild' : 'representative.whyWard')}
      </p>
      <TextInput name={REPRESENTATIVE_FIELDS.name} label={t('representative.name')} error={errorOf(REPRESENTATIVE_FIELDS.name)} value={str(values, REPRESENTATIVE_FIELDS.name)} onChange={(value) => onChange(REPRESENTATIVE_FIELDS.name, value)} />
      <Radios
        name={REPRESENTATIVE_FIELDS.relation}
        label={t('representative.relation')}
        error={errorOf(REPRESENTATIVE_FIELDS.relation)}
        value={relationOf(basis, values) ?? ''}
        onChange={(value) => onChange(REPRESENTATIVE_FIELDS.relation, value)}
        options={relations.map((relation) => ({ value: relation, label: t(`relation.${relation}`) }))}
      />
      <Checkboxes
        name={REPRESENTATIVE_FIELDS.documents}
        label={t('representative.documents')}
        hint={t('document.rule')}
        error={errorOf(REPRESENTATIVE_FIELDS.documents)}
        values={list(values, REPRESENTATIVE_FIELDS.documents)}
        onChange={(value) => onChange(REPRESENTATIVE_FIELDS.documents, value)}
        options={DOCUMENT_KINDS.map((kind) => ({ value: kind, label: t(`document.${kind}` as MessageKey) }))}
      />
      <TextInput
        name={REPRESENTATIVE_FIELDS.authority}
        label={t('representative.authority')}
        hint={t(basis === 'under-15' ? 'representative.authorityHintChild' : 'representative.authorityHintWard')}
        error={errorOf(REPRESENTATIVE_FIELDS.authority)}
        value={str(values, REPRESENTATIVE_FIELDS.authority)}
        onChange={(value) => onChange(REPRESENTATIVE_FIELDS.authority, value)}
      />
    </fieldset>
  );
}

/** Who acted for the holder in a recorded procedure, as the resident's history lists it: 「（法定代理人 江戸川 一郎・親権者）」. */
export function representativeOfRecord(details: Readonly<Record<string, unknown>>, t: ProcedureContext['t']): string {
  const representative = details.legalRepresentative as { name?: unknown; relationship?: unknown } | undefined;
  if (!representative || typeof representative.name !== 'string') return '';
  const relation = representative.relationship === 'parent' ? t('relation.parent') : t('relation.guardian');
  return `（${t('representative.legend')} ${representative.name}・${relation}）`;
}

/** A procedure decided on the day at the counter (front note, PIN reset, certificates). */
export const REPRESENTED_TODAY: RepresentedProcedure = { on: (_values, context) => context.today };

/** A procedure decided on the date the clerk enters in `field` (application, hand-over, continuation, reissue). */
export function representedOn(field: string, options: { householdMemberMayBring?: boolean } = {}): RepresentedProcedure {
  return { on: (values) => str(values, field), ...options };
}
