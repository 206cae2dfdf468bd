import { checkIndividualNumber } from '../../../src/rules/individual-number-rules.ts';
import { isNationalityCode, isResidentCode } from '../../../src/rules/resident-formats.ts';
import { answer, api } from '../api/client';
import type { ResidentDetail } from '../api/types';
import type { MessageKey } from '../i18n/messages';
import { bool, optional, postalCode, str, type FieldSpec, type PreviewLine, type ProcedureContext, type ProcedureSpec, type Values } from './procedure';

/** Registering someone is writing a resident record: offered to those the session lets write one. */
const registers = (context: ProcedureContext) => context.permissions.includes('resident.write');
const foreign = (values: Values) => str(values, 'residency') !== 'national';

const PERSON: readonly FieldSpec[] = [
  { name: 'familyName', kind: 'text', label: 'field.familyName', required: true },
  { name: 'givenName', kind: 'text', label: 'field.givenName', required: true },
  { name: 'familyNameKana', kind: 'kana', label: 'field.familyNameKana', hint: 'hint.kana', required: true },
  { name: 'givenNameKana', kind: 'kana', label: 'field.givenNameKana', hint: 'hint.kana', required: true },
  { name: 'birthDate', kind: 'date', label: 'field.birthDate', required: true },
  { name: 'sex', kind: 'radios', label: 'field.sex', required: true, options: (context) => [{ value: 'female', label: context.t('sex.female') }, { value: 'male', label: context.t('sex.male') }] },
  { name: 'residentCode', kind: 'text', label: 'field.residentCode', hint: 'hint.residentCode', required: true },
  { name: 'individualNumber', kind: 'text', label: 'field.individualNumber', hint: 'hint.individualNumber', required: true },
  { name: 'address', kind: 'text', label: 'field.address', required: true },
  { name: 'postalCode', kind: 'postal-code', label: 'field.postalCode', hint: 'hint.postalCode' },
  { name: 'phone', kind: 'tel', label: 'field.phone', hint: 'hint.phone' },
  { name: 'householdId', kind: 'text', label: 'field.householdId', hint: 'hint.householdId', initial: () => new URLSearchParams(location.search).get('household') ?? '' },
  {
    name: 'residency',
    kind: 'radios',
    label: 'field.residency',
    required: true,
    options: (context) => ['national', 'foreign-with-period', 'foreign-without-period'].map((value) => ({ value, label: context.t(`residency.${value}` as MessageKey) })),
    initial: () => 'national',
  },
  { name: 'nationality', kind: 'text', label: 'field.nationality', hint: 'hint.nationality', required: true, visible: foreign },
  { name: 'periodOfStayEnd', kind: 'date', label: 'field.periodOfStayEnd', required: true, visible: (values) => str(values, 'residency') === 'foreign-with-period' },
  { name: 'residenceCardNumber', kind: 'text', label: 'field.residenceCardNumber', hint: 'hint.residenceCardNumber', required: true, visible: foreign },
];

function personBody(values: Values) {
  const residency = str(values, 'residency') as 'national' | 'foreign-with-period' | 'foreign-without-period';
  return {
    residentCode: str(values, 'residentCode'),
    individualNumber: str(values, 'individualNumber'),
    familyName: str(values, 'familyName'),
    givenName: str(values, 'givenName'),
    familyNameKana: str(values, 'familyNameKana'),
    givenNameKana: str(values, 'givenNameKana'),
    birthDate: str(values, 'birthDate'),
    sex: str(values, 'sex') as 'male' | 'female',
    address: str(values, 'address'),
    ...postalCode(values),
    nationality: residency === 'national' ? 'JP' : str(values, 'nationality').toUpperCase(),
    residency,
    ...(optional(values, 'phone') && { phone: str(values, 'phone') }),
    ...(optional(values, 'householdId') && { householdId: str(values, 'householdId') }),
    ...(residency === 'foreign-with-period' && { periodOfStayEnd: str(values, 'periodOfStayEnd') }),
    ...(residency !== 'national' && { residenceCardNumber: str(values, 'residenceCardNumber').toUpperCase() }),
  };
}

/** The numbers and codes as the records service will check them (R-11 and the record's forms), before anything is sent. */
function checkNumber(values: Values, context: ProcedureContext) {
  const problems: { field: string; message: string }[] = [];
  const number = checkIndividualNumber(str(values, 'individualNumber'));
  if (!number.valid) problems.push({ field: 'individualNumber', message: context.t(number.reason === 'format' ? 'form.number12' : 'form.checkDigit') });
  if (!isResidentCode(str(values, 'residentCode'))) problems.push({ field: 'residentCode', message: context.t('form.residentCode') });
  if (foreign(values) && !isNationalityCode(str(values, 'nationality').toUpperCase())) problems.push({ field: 'nationality', message: context.t('form.nationality') });
  return problems;
}

const toResident = (data: unknown) => data as ResidentDetail & { id: string };

export const REGISTER: ProcedureSpec = {
  id: 'register',
  scope: 'none',
  title: 'procedure.register',
  intro: 'intro.register',
  offered: registers,
  fields: [...PERSON, { name: 'moveInDate', kind: 'date', label: 'field.moveInDate' }],
  validate: checkNumber,
  submit: (values) => answer(api.POST('/api/v1/residents', { body: { ...personBody(values), ...(optional(values, 'moveInDate') && { moveInDate: str(values, 'moveInDate') }) } })),
  slip: (data, values, context) => ({
    title: context.t('procedure.register'),
    residentId: toResident(data).id,
    lines: [
      [context.t('slip.resident'), `${str(values, 'familyName')} ${str(values, 'givenName')}（${str(values, 'familyNameKana')} ${str(values, 'givenNameKana')}）`],
      [context.t('field.individualNumber'), toResident(data).individualNumber],
    ],
    next: [],
    link: { to: `/residents/${toResident(data).id}`, label: context.t('slip.backToResident') },
  }),
  fieldOfCode: { 'RESIDENT.INVALID_INDIVIDUAL_NUMBER': 'individualNumber', 'RESIDENT.DUPLICATE': 'individualNumber' },
};

const hasCard = (values: Values) => bool(values, 'hasCard');

export const ARRIVAL: ProcedureSpec = {
  id: 'arrival',
  scope: 'none',
  title: 'procedure.arrival',
  intro: 'intro.arrival',
  offered: registers,
  verify: ['verify.identity', 'verify.moveOutCertificate'],
  fields: [
    ...PERSON.filter((field) => field.name !== 'address' && field.name !== 'postalCode'),
    { name: 'address', kind: 'text', label: 'field.newAddress', required: true },
    { name: 'postalCode', kind: 'postal-code', label: 'field.postalCode', hint: 'hint.postalCode' },
    { name: 'moveInDate', kind: 'date', label: 'field.moveInDate', required: true },
    { name: 'notificationDate', kind: 'date', label: 'field.notificationDate', required: true, initial: (context) => context.today },
    { name: 'plannedMoveOutDate', kind: 'date', label: 'field.plannedMoveOutDate', hint: 'hint.plannedMoveOutDate' },
    { name: 'hasCard', kind: 'checkbox', label: 'field.hasCard' },
    { name: 'cardPresented', kind: 'checkbox', label: 'field.cardPresented', hint: 'hint.cardPresentedContinuation', visible: hasCard },
    { name: 'cardIssueDate', kind: 'date', label: 'field.issueDate', required: true, visible: hasCard },
    { name: 'cardExpiryDate', kind: 'date', label: 'field.expiryDate', required: true, visible: hasCard },
    { name: 'issuedBy', kind: 'text', label: 'field.issuedBy', required: true, visible: hasCard },
    { name: 'userCertificateExpiry', kind: 'date', label: 'field.userCertificateExpiry', hint: 'hint.certificateExpiry', visible: hasCard },
    { name: 'signatureCertificateExpiry', kind: 'date', label: 'field.signatureCertificateExpiry', hint: 'hint.certificateExpiry', visible: hasCard },
  ],
  validate: checkNumber,
  // Bringing the card to the 転入届 is not its continued use: that needs the PIN, a procedure of its own.
  warnings: (values, context) => (hasCard(values) && bool(values, 'cardPresented') ? [context.t('warning.continuationStillToDo')] : []),
  preview: async (values, context) => {
    const lines: PreviewLine[] = [];
    const moveIn = await answer(
      api.POST('/api/v1/rules/move-in-deadline', { body: { moveInDate: str(values, 'moveInDate'), ...(optional(values, 'plannedMoveOutDate') && { plannedMoveOutDate: str(values, 'plannedMoveOutDate') }) } }),
    );
    if (moveIn.ok) {
      const late = str(values, 'notificationDate') > moveIn.data.deadline;
      lines.push({ label: context.t('preview.moveInDeadline'), value: context.date(moveIn.data.deadline), emphasis: late });
      if (hasCard(values) && late) lines.push({ label: context.t('slip.card'), value: context.t('preview.lateAbolishes'), emphasis: true });
    }
    if (hasCard(values)) {
      const continuation = await answer(api.POST('/api/v1/rules/continuation-deadline', { body: { moveInNotificationDate: str(values, 'notificationDate') } }));
      if (continuation.ok) lines.push({ label: context.t('preview.continuationDeadline'), value: context.date(continuation.data.deadline), emphasis: true });
    }
    return lines;
  },
  submit: (values) =>
    answer(
      api.POST('/api/v1/residents/arrivals', {
        body: {
          ...personBody(values),
          moveInDate: str(values, 'moveInDate'),
          notificationDate: str(values, 'notificationDate'),
          ...(optional(values, 'plannedMoveOutDate') && { plannedMoveOutDate: str(values, 'plannedMoveOutDate') }),
          cardPresented: hasCard(values) && bool(values, 'cardPresented'),
          ...(hasCard(values) && {
            card: {
              issueDate: str(values, 'cardIssueDate'),
              expiryDate: str(values, 'cardExpiryDate'),
              issuedBy: str(values, 'issuedBy'),
              certificates: {
                ...(optional(values, 'userCertificateExpiry') && { user: { issuedOn: str(values, 'cardIssueDate'), expiresOn: str(values, 'userCertificateExpiry') } }),
                ...(optional(values, 'signatureCertificateExpiry') && { signature: { issuedOn: str(values, 'cardIssueDate'), expiresOn: str(values, 'signatureCertificateExpiry') } }),
              },
            },
          }),
        },
      }),
    ),
  slip: (data, _values, context) => {
    const resident = toResident(data);
    const card = resident.cards.at(-1);
    return {
      title: context.t('procedure.arrival'),
      residentId: resident.id,
      lines: [
        [context.t('slip.resident'), `${resident.familyName} ${resident.givenName}（${resident.familyNameKana} ${resident.givenNameKana}）`],
        ...(card ? ([[context.t('slip.card'), context.t(`cardStatus.${card.status}` as MessageKey)]] as [string, string][]) : []),
      ],
      next: card?.continuation ? [context.t('next.continuation', { date: context.date(card.continuation.deadline) })] : card?.status === 'abolished' ? [context.t('next.lateAbolished')] : [],
      link: card?.continuation ? { to: `/cards/${card.id}/continuation?resident=${resident.id}`, label: context.t('procedure.continuation') } : { to: `/residents/${resident.id}`, label: context.t('slip.backToResident') },
    };
  },
  fieldOfCode: { 'RESIDENT.INVALID_INDIVIDUAL_NUMBER': 'individualNumber', 'RESIDENT.DUPLICATE': 'individualNumber' },
};
