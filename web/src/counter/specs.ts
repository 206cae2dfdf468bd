import { signatureCertificateAllowed } from '../../../src/rules/certificate-rules.ts';
import type { IdentityDocument } from '../../../src/rules/identity-document-rules.ts';
import { checkPinFormat, PinKind } from '../../../src/rules/pin-rules.ts';
import { addDays, addMonthsClamped } from '../../../src/rules/plain-date.ts';
import { answer, api } from '../api/client';
import type { CardAction, CardView, Permission, RequestBody, ResidentAction, ResidentDetail } from '../api/types';
import { officeLabel, ownOrFirstOffice } from '../components/office';
import type { MessageKey } from '../i18n/messages';
import { isProxyProcedure, PROXY_PROCEDURES, proxyProcedureLabel, type ProxyProcedure } from '../i18n/proxy-procedure';
import { addressLine, bool, list, optional, postalCode, presenceOf, str, type Presence, type PreviewLine, type ProcedureContext, type ProcedureSpec, type Slip, type Values } from './procedure';
import { applicationDateCheck, certificateCheck, photoCheck, policeReportCheck, renewalWindowCheck, signatureCheck } from './checks';
import { day, rulesPolicy } from './rules';
import { legalRepresentativeBody, REPRESENTED_TODAY, representedOn } from './representative-fieldset';

/** Offered when the resident's view names the action for the clerk: the server's transition table and permissions decide. */
const residentMay = (action: ResidentAction) => (context: ProcedureContext) => context.resident?.allowedActions.includes(action) ?? false;
/** Offered when the card's view names the action for the clerk: its status, the clerk's permission and what the card rules out. */
const cardMay = (action: CardAction) => (context: ProcedureContext) => context.card?.allowedActions.includes(action) ?? false;
const may = (permission: Permission) => (context: ProcedureContext) => context.permissions.includes(permission);

const residentId = (context: ProcedureContext) => context.resident!.id;
const cardId = (context: ProcedureContext) => context.card!.id;
const docs = (values: Values) => list(values, 'identityDocuments') as IdentityDocument[];
/** The approval of a proxy at the counter (ProcedurePage adds it when the proxy is chosen), only when one was given. */
const proxyApproval = (values: Values) => (optional(values, 'proxyApprovalId') ? { proxyApprovalId: str(values, 'proxyApprovalId') } : {});

function officeName(context: ProcedureContext, id: string | null | undefined): string {
  const office = context.offices.offices.find((entry) => entry.id === id);
  if (!office) return id ?? '—';
  return context.lang === 'ja' ? `${office.name}（${office.phone}）` : `${office.nameEn} / ${office.name} (${office.phone})`;
}

function officeOptions(context: ProcedureContext) {
  return context.offices.offices.map((office) => ({ value: office.id, label: officeLabel(context.offices, office.id, context.lang) }));
}

function whoLine(context: ProcedureContext): [string, string] {
  const resident = context.resident;
  return [context.t('slip.resident'), resident ? `${resident.familyName} ${resident.givenName}（${resident.familyNameKana} ${resident.givenNameKana}）` : '—'];
}

/**
 * The common lines of every slip: procedure, counter, resident (the slip page adds the clerk, the
 * time in Japan and the reference of the record, and a way back to the resident).
 */
function slip(context: ProcedureContext, title: MessageKey, lines: readonly (readonly [string, string])[], next: readonly string[], extra: Partial<Slip> = {}): Slip {
  return {
    title: context.t(title),
    ...(context.resident && { residentId: context.resident.id }),
    lines: [
      [context.t('slip.procedure'), context.t(title)],
      [context.t('slip.office'), officeName(context, context.user.officeId)],
      whoLine(context),
      ...lines,
    ],
    next,
    ...extra,
  };
}

async function rule<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T | undefined> {
  const result = await answer(call);
  return result.ok ? result.data : undefined;
}

const yesNoCertificates = (context: ProcedureContext) => [
  { value: 'both', label: context.t('certificates.both') },
  { value: 'user', label: context.t('certificates.userOnly') },
  { value: 'none', label: context.t('certificates.none') },
];

const cardView = (data: unknown) => data as CardView;
/** The id of a request that records no procedure (an approval asked for, an enquiry noted): the slip's reference. */
const requestId = (data: unknown) => (data as { id: string }).id;

/** R-18 is read on the day the new card is applied for (application, reissue) or handed over. */
const APPLICATION_REPRESENTED = representedOn('applicationDate');
const ISSUE_REPRESENTED = representedOn('handedOverOn');
const residentView = (data: unknown) => data as ResidentDetail;

export const APPLICATION: ProcedureSpec = {
  id: 'card-application',
  scope: 'resident',
  title: 'procedure.card-application',
  intro: 'intro.card-application',
  offered: residentMay('apply-for-card'),
  verify: ['verify.identity', 'verify.photo'],
  presence: true,
  fields: [
    { name: 'applicationDate', kind: 'date', label: 'field.applicationDate', required: true, initial: (context) => context.today },
    { name: 'photoTakenOn', kind: 'date', label: 'field.photoTakenOn', hint: 'hint.photo', required: true },
    { name: 'certificates', kind: 'radios', label: 'field.certificates', hint: 'hint.certificates', required: true, options: yesNoCertificates, initial: () => 'both' },
    { name: 'pickupOfficeId', kind: 'select', label: 'field.pickupOffice', required: true, options: officeOptions, initial: (context) => ownOrFirstOffice(context.offices, context.user.officeId) },
  ],
  warnings: (values, context) => (str(values, 'certificates') === 'both' ? [context.t('warning.signatureUnder15')] : []),
  validate: (values, context) => [...applicationDateCheck(values, context), ...photoCheck(values, context), ...signatureCheck(values, context)],
  representative: APPLICATION_REPRESENTED,
  submit: (values, context) =>
    answer(
      api.POST('/api/v1/residents/{id}/card-applications', {
        params: { path: { id: residentId(context) } },
        body: {
          applicationDate: str(values, 'applicationDate'),
          photoTakenOn: str(values, 'photoTakenOn'),
          withSignatureCertificate: str(values, 'certificates') === 'both',
          withUserCertificate: str(values, 'certificates') !== 'none',
          pickupOfficeId: str(values, 'pickupOfficeId'),
          ...legalRepresentativeBody(APPLICATION_REPRESENTED, values, context),
          ...proxyApproval(values),
        },
      }),
    ),
  slip: (data, values, context) =>
    slip(context, 'procedure.card-application', [[context.t('slip.pickupOffice'), officeName(context, cardView(data).pickupOfficeId)]], [
      context.t('next.application', { office: officeName(context, str(values, 'pickupOfficeId')) }),
    ], { link: { to: `/residents/${residentId(context)}`, label: context.t('slip.backToResident') } }),
  fieldOfCode: { 'APPLICATION.PHOTO_TOO_OLD': 'photoTakenOn', 'CERTIFICATE.SIGNATURE_UNDER_15': 'certificates', 'OFFICE.UNKNOWN': 'pickupOfficeId' },
};

export const MANUFACTURE: ProcedureSpec = {
  id: 'manufacture',
  scope: 'card',
  title: 'procedure.manufacture',
  intro: 'intro.manufacture',
  offered: cardMay('manufacture'),
  fields: [{ name: 'issueDate', kind: 'date', label: 'field.issueDate', hint: 'hint.issueDate', required: true, initial: (context) => context.today }],
  preview: async (values, context) => {
    const resident = context.resident!;
    const expiry = await rule(
      api.POST('/api/v1/rules/card-expiry', {
        body: {
          birthDate: resident.birthDate,
          issueDate: str(values, 'issueDate'),
          residency: resident.residency,
          ...(resident.residency === 'foreign-with-period' && resident.periodOfStayEnd ? { periodOfStayEnd: resident.periodOfStayEnd } : {}),
        },
      }),
    );
    return expiry ? [{ label: context.t('field.expiryDate'), value: `${context.date(expiry.expiryDate)}（${context.t(`basis.${expiry.basis}` as MessageKey)}）`, emphasis: true }] : [];
  },
  submit: (values, context) => answer(api.POST('/api/v1/cards/{id}/manufacture', { params: { path: { id: cardId(context) } }, body: { issueDate: str(values, 'issueDate') } })),
  slip: (data, _values, context) => {
    const card = cardView(data);
    return slip(
      context,
      'procedure.manufacture',
      [
        [context.t('field.issueDate'), context.date(card.issueDate)],
        [context.t('field.expiryDate'), context.date(card.expiryDate)],
        [context.t('slip.pickupOffice'), officeName(context, card.pickupOfficeId)],
      ],
      [context.t('next.manufactured', { office: officeName(context, card.pickupOfficeId) })],
      { link: { to: `/residents/${card.residentId}`, label: context.t('slip.backToResident') } },
    );
  },
};

export const ISSUE: ProcedureSpec = {
  id: 'issue',
  scope: 'card',
  title: 'procedure.issue',
  intro: 'intro.issue',
  offered: cardMay('issue'),
  verify: ['verify.identity', 'verify.noticeLetter'],
  presence: true,
  fields: [
    { name: 'handedOverOn', kind: 'date', label: 'field.handedOverOn', required: true, initial: (context) => context.today },
    { name: 'identityDocuments', kind: 'documents', label: 'field.identityDocuments', required: true, identityOn: (values) => str(values, 'handedOverOn') },
    { name: 'notificationCardReturned', kind: 'checkbox', label: 'field.notificationCardReturned', hint: 'hint.notificationCard' },
    { name: 'signature', kind: 'signature-pin', label: 'field.pinSignature', hint: 'hint.pinSignature', visible: wantsSignature },
    { name: 'user', kind: 'pin', pinKind: PinKind.User, label: 'field.pinUser', hint: 'hint.pin4', required: true },
    { name: 'residentRegistry', kind: 'pin', pinKind: PinKind.ResidentRegistry, label: 'field.pinResidentRegistry', hint: 'hint.pin4', required: true },
    { name: 'cardInfo', kind: 'pin', pinKind: PinKind.CardInfo, label: 'field.pinCardInfo', hint: 'hint.pin4', required: true },
  ],
  validate: (values, context) =>
    wantsSignature(values, context) && !checkPinFormat(PinKind.Signature, str(values, 'signature')).valid ? [{ field: 'signature', message: context.t('form.signaturePin') }] : [],
  representative: ISSUE_REPRESENTED,
  submit: (values, context) =>
    answer(
      api.POST('/api/v1/cards/{id}/issue', {
        params: { path: { id: cardId(context) } },
        body: {
          handedOverOn: str(values, 'handedOverOn'),
          pins: {
            ...(wantsSignature(values, context) && { signature: str(values, 'signature') }),
            user: str(values, 'user'),
            residentRegistry: str(values, 'residentRegistry'),
            cardInfo: str(values, 'cardInfo'),
          },
          identityDocuments: docs(values),
          notificationCardReturned: bool(values, 'notificationCardReturned'),
          ...legalRepresentativeBody(ISSUE_REPRESENTED, values, context),
          ...proxyApproval(values),
        },
      }),
    ),
  slip: (data, values, context) => {
    const card = cardView(data);
    return slip(
      context,
      'procedure.issue',
      [
        [context.t('field.expiryDate'), context.date(card.expiryDate)],
        [context.t('certificate.signature'), card.certificates.signature.status === 'valid' ? context.date(card.certificates.signature.expiresOn) : context.t('certificateStatus.none')],
        [context.t('certificate.user'), card.certificates.user.status === 'valid' ? context.date(card.certificates.user.expiresOn) : context.t('certificateStatus.none')],
        [context.t('field.notificationCardReturned'), context.t(bool(values, 'notificationCardReturned') ? 'common.yes' : 'common.no')],
      ],
      [context.t('next.issued'), ...(card.expiryDate ? [context.t('next.renewal', { date: context.date(card.expiryDate) })] : [])],
      { link: { to: `/residents/${card.residentId}`, label: context.t('slip.backToResident') } },
    );
  },
  fieldOfCode: { 'IDENTITY.INSUFFICIENT': 'identityDocuments', 'AUTH.OFFICE_NOT_ALLOWED': '', 'PIN.INVALID_FORMAT': 'user' },
};

/**
 * A signature PIN is set when the application asked for the certificate and the holder may hold
 * one on the day the card is handed over (R-4: the policy's minimum age), as the server decides.
 */
function wantsSignature(values: Values, context: ProcedureContext): boolean {
  const birth = day(context.resident?.birthDate);
  const on = day(str(values, 'handedOverOn')) ?? day(context.today);
  return Boolean(context.card?.wantsSignatureCertificate && birth && on && signatureCertificateAllowed(birth, on, rulesPolicy(context.policy)));
}

export const ADDRESS_CHANGE: ProcedureSpec = {
  id: 'address-change',
  scope: 'resident',
  title: 'procedure.address-change',
  intro: 'intro.address-change',
  offered: residentMay('change-address'),
  verify: ['verify.identity'],
  presence: true,
  fields: [
    { name: 'address', kind: 'text', label: 'field.newAddress', required: true },
    { name: 'postalCode', kind: 'postal-code', label: 'field.postalCode', hint: 'hint.newPostalCode' },
    { name: 'effectiveDate', kind: 'date', label: 'field.effectiveDate', required: true, initial: (context) => context.today },
  ],
  warnings: (_values, context) => (heldCard(context.resident) ? [context.t('warning.signatureRevoked'), context.t('warning.frontNote')] : []),
  submit: (values, context) =>
    answer(
      api.POST('/api/v1/residents/{id}/address-change', {
        params: { path: { id: residentId(context) } },
        body: { address: str(values, 'address'), ...postalCode(values), effectiveDate: str(values, 'effectiveDate'), expectedVersion: context.resident!.version, ...proxyApproval(values) },
      }),
    ),
  slip: (data, values, context) => {
    const card = cardAllowing(residentView(data), 'add-front-note');
    return slip(context, 'procedure.address-change', [[context.t('field.newAddress'), addressLine(values)]], [
      ...(card ? [context.t('next.frontNote'), context.t('next.signatureAgain')] : []),
    ], { link: card ? { to: `/cards/${card.id}/front-note?resident=${residentId(context)}`, label: context.t('procedure.front-note') } : { to: `/residents/${residentId(context)}`, label: context.t('slip.backToResident') } });
  },
  fieldOfCode: { 'INPUT.INVALID': 'address' },
};

export const NAME_CHANGE: ProcedureSpec = {
  id: 'name-change',
  scope: 'resident',
  title: 'procedure.name-change',
  offered: residentMay('change-name'),
  verify: ['verify.identity'],
  presence: true,
  fields: [
    { name: 'familyName', kind: 'text', label: 'field.familyName', required: true, initial: (context) => context.resident?.familyName ?? '' },
    { name: 'givenName', kind: 'text', label: 'field.givenName', required: true, initial: (context) => context.resident?.givenName ?? '' },
    { name: 'familyNameKana', kind: 'kana', label: 'field.familyNameKana', required: true, initial: (context) => context.resident?.familyNameKana ?? '' },
    { name: 'givenNameKana', kind: 'kana', label: 'field.givenNameKana', required: true, initial: (context) => context.resident?.givenNameKana ?? '' },
    { name: 'effectiveDate', kind: 'date', label: 'field.effectiveDate', required: true, initial: (context) => context.today },
  ],
  warnings: (_values, context) => (heldCard(context.resident) ? [context.t('warning.signatureRevoked'), context.t('warning.frontNote')] : []),
  submit: (values, context) =>
    answer(
      api.POST('/api/v1/residents/{id}/name-change', {
        params: { path: { id: residentId(context) } },
        body: {
          familyName: str(values, 'familyName'),
          givenName: str(values, 'givenName'),
          familyNameKana: str(values, 'familyNameKana'),
          givenNameKana: str(values, 'givenNameKana'),
          effectiveDate: str(values, 'effectiveDate'),
          expectedVersion: context.resident!.version,
          ...proxyApproval(values),
        },
      }),
    ),
  slip: (data, values, context) => {
    const card = cardAllowing(residentView(data), 'add-front-note');
    return slip(context, 'procedure.name-change', [[context.t('field.newName'), `${str(values, 'familyName')} ${str(values, 'givenName')}`]], card ? [context.t('next.frontNote'), context.t('next.signatureAgain')] : [], {
      link: card ? { to: `/cards/${card.id}/front-note?resident=${residentId(context)}`, label: context.t('procedure.front-note') } : { to: `/residents/${residentId(context)}`, label: context.t('slip.backToResident') },
    });
  },
};

/** The card 国外継続利用 would keep (R-17, as the server's cardToKeepAbroad): the one in the holder's hands, else the newest live one. */
function cardToKeepAbroad(resident: ResidentDetail | undefined) {
  const live = resident?.cards.filter((card) => ['applied', 'ready', 'active', 'suspended'].includes(card.status)) ?? [];
  return heldCard(resident) ?? live.at(-1);
}

const keepsCardAbroad = (values: Values, context: ProcedureContext) => bool(values, 'abroad') && bool(values, 'keepCardAbroad') && cardToKeepAbroad(context.resident) !== undefined;

/** What R-17 answers before the clerk confirms a move abroad: whether the card may be kept, and else the day it is abolished. */
async function abroadPreview(values: Values, context: ProcedureContext): Promise<PreviewLine[]> {
  const card = cardToKeepAbroad(context.resident);
  const plannedMoveOutDate = str(values, 'plannedMoveOutDate');
  if (!card || !context.resident) return [];
  const answer = await rule(
    api.POST('/api/v1/rules/moving-abroad', { body: { nationality: context.resident.nationality, plannedMoveOutDate, today: context.today, cardStatus: card.status } }),
  );
  if (!answer) return [];
  const moveOut = day(plannedMoveOutDate);
  const lastDay = moveOut ? context.date(addDays(moveOut, -1)) : '';
  const lines: PreviewLine[] = [
    {
      label: context.t('preview.abroadContinuation'),
      value: answer.continuationAllowed ? context.t('preview.abroadAllowed', { date: lastDay }) : context.t(`abroadReason.${answer.reason}` as MessageKey, { date: lastDay }),
      emphasis: bool(values, 'keepCardAbroad') && !answer.continuationAllowed,
    },
  ];
  if (!(bool(values, 'keepCardAbroad') && answer.continuationAllowed) && answer.abolishesOn) lines.push({ label: context.t('preview.cardAbolishedOn'), value: context.date(answer.abolishesOn) });
  return lines;
}

/** The resident's held card: active or suspended (a card of theirs in use, as card.ts calls it on the server). */
function heldCard(resident: ResidentDetail | undefined) {
  return resident?.cards.filter((card) => card.status === 'active' || card.status === 'suspended').at(-1);
}

/** The resident's card that the answer says the clerk may now take on to the next procedure. */
function cardAllowing(resident: ResidentDetail, action: CardAction) {
  return resident.cards.filter((card) => card.allowedActions.includes(action)).at(-1);
}

/**
 * The day to file the move-in notification by, for someone who moves in where they go on the day
 * they move out (R-7: the policy's days after the move, moved off a closed day).
 */
const moveInBy = (plannedMoveOutDate: string) => rule(api.POST('/api/v1/rules/move-in-deadline', { body: { moveInDate: plannedMoveOutDate, plannedMoveOutDate } }));

export const MOVE_OUT: ProcedureSpec = {
  id: 'move-out',
  scope: 'resident',
  title: 'procedure.move-out',
  offered: residentMay('move-out'),
  verify: ['verify.identity'],
  presence: true,
  fields: [
    { name: 'plannedMoveOutDate', kind: 'date', label: 'field.plannedMoveOutDate', required: true },
    { name: 'destination', kind: 'text', label: 'field.destination', required: true },
    { name: 'abroad', kind: 'checkbox', label: 'field.abroad' },
    { name: 'keepCardAbroad', kind: 'checkbox', label: 'field.keepCardAbroad', hint: 'hint.keepCardAbroad', visible: (values, context) => bool(values, 'abroad') && cardToKeepAbroad(context.resident) !== undefined },
  ],
  warnings: (values, context) =>
    cardToKeepAbroad(context.resident)
      ? [bool(values, 'abroad') ? context.t(keepsCardAbroad(values, context) ? 'warning.abroadKeeps' : 'warning.abroadAbolishes') : context.t('warning.keepCard')]
      : [],
  preview: async (values, context) => {
    if (bool(values, 'abroad')) return abroadPreview(values, context);
    if (!heldCard(context.resident)) return [];
    const by = await moveInBy(str(values, 'plannedMoveOutDate'));
    return by ? [{ label: context.t('preview.moveInBy'), value: `${context.date(by.deadline)}${by.movedForHoliday ? context.t('preview.movedForHoliday') : ''}` }] : [];
  },
  submit: (values, context) =>
    answer(
      api.POST('/api/v1/residents/{id}/move-out', {
        params: { path: { id: residentId(context) } },
        body: {
          plannedMoveOutDate: str(values, 'plannedMoveOutDate'),
          destination: str(values, 'destination'),
          abroad: bool(values, 'abroad'),
          ...(keepsCardAbroad(values, context) && { keepCardAbroad: true }),
          expectedVersion: context.resident!.version,
          ...proxyApproval(values),
        },
      }),
    ),
  slip: async (data, values, context) => {
    const resident = residentView(data);
    const card = resident.cards.at(-1);
    const abroad = bool(values, 'abroad');
    const stays = !abroad && card?.status === 'active';
    const by = stays ? await moveInBy(str(values, 'plannedMoveOutDate')) : undefined;
    const movingOn = context.date(str(values, 'plannedMoveOutDate'));
    const abroadNext = keepsCardAbroad(values, context) ? context.t('next.abroadKept', { date: movingOn }) : card && (card.status === 'abolished' || card.scheduledAbolition) ? context.t('next.abroadUntil', { date: movingOn }) : null;
    return slip(
      context,
      'procedure.move-out',
      [
        [context.t('field.plannedMoveOutDate'), context.date(str(values, 'plannedMoveOutDate'))],
        [context.t('field.destination'), str(values, 'destination')],
        ...(card ? ([[context.t('slip.card'), context.t(`cardStatus.${card.status}` as MessageKey)]] as [string, string][]) : []),
      ],
      abroad ? (abroadNext ? [abroadNext] : []) : stays ? [...(by ? [context.t('next.moveIn', { date: context.date(by.deadline) })] : []), context.t('next.continuationAfterMove')] : [],
    );
  },
  fieldOfCode: { 'CARD.ABROAD_CONTINUATION_NOT_ALLOWED': 'keepCardAbroad', 'CARD.NOTES_FULL': 'keepCardAbroad' },
};

/**
 * 成年後見 (docs/rules.md R-18): the start or end of a guardianship, from the day the court's decision
 * took effect, as the 登記事項証明書 shows it; a clerk or supervisor of the counter (resident.write).
 */
export const GUARDIANSHIP: ProcedureSpec = {
  id: 'guardianship',
  scope: 'resident',
  title: 'procedure.guardianship',
  intro: 'intro.guardianship',
  offered: residentMay('set-guardianship'),
  verify: ['verify.guardianshipDocument'],
  fields: [
    {
      name: 'adultWard',
      kind: 'radios',
      label: 'field.guardianship',
      required: true,
      options: (context) => [
        { value: 'begins', label: context.t('guardianship.begins') },
        { value: 'ends', label: context.t('guardianship.ends') },
      ],
      initial: (context) => (context.resident?.adultWard ? 'ends' : 'begins'),
    },
    { name: 'effectiveDate', kind: 'date', label: 'field.guardianshipDate', required: true, initial: (context) => context.today },
  ],
  submit: (values, context) =>
    answer(
      api.POST('/api/v1/residents/{id}/guardianship', {
        params: { path: { id: residentId(context) } },
        body: { adultWard: str(values, 'adultWard') === 'begins', effectiveDate: str(values, 'effectiveDate'), expectedVersion: context.resident!.version },
      }),
    ),
  slip: (data, values, context) => {
    const resident = residentView(data);
    const begins = resident.adultWard;
    return slip(
      context,
      'procedure.guardianship',
      [
        [context.t('field.guardianship'), context.t(begins ? 'guardianship.begins' : 'guardianship.ends')],
        [context.t('field.guardianshipDate'), context.date(str(values, 'effectiveDate'))],
      ],
      [context.t(begins ? 'next.guardianshipBegins' : 'next.guardianshipEnds')],
      { link: { to: `/residents/${resident.id}`, label: context.t('slip.backToResident') } },
    );
  },
};

/**
 * 死亡 (docs/rules.md "Death"): recorded from the 死亡届 (or a 職権消除); the clerk confirms the
 * notification was checked, since nothing can be done for the resident afterwards but take a card back.
 */
export const DEATH: ProcedureSpec = {
  id: 'death',
  scope: 'resident',
  title: 'procedure.death',
  intro: 'intro.death',
  offered: residentMay('record-death'),
  verify: ['verify.deathNotification'],
  fields: [
    { name: 'dateOfDeath', kind: 'date', label: 'field.dateOfDeath', required: true },
    { name: 'notifiedOn', kind: 'date', label: 'field.notifiedOn', required: true, initial: (context) => context.today },
  ],
  warnings: (_values, context) => (cardToKeepAbroad(context.resident) ? [context.t('warning.deathAbolishes')] : []),
  submit: (values, context) =>
    answer(
      api.POST('/api/v1/residents/{id}/death', {
        params: { path: { id: residentId(context) } },
        body: { dateOfDeath: str(values, 'dateOfDeath'), notifiedOn: str(values, 'notifiedOn'), expectedVersion: context.resident!.version },
      }),
    ),
  slip: (data, values, context) => {
    const resident = residentView(data);
    const returnable = resident.cards.some((card) => card.status === 'abolished' && card.endReason === 'death');
    return slip(
      context,
      'procedure.death',
      [
        [context.t('field.dateOfDeath'), context.date(str(values, 'dateOfDeath'))],
        [context.t('field.notifiedOn'), context.date(str(values, 'notifiedOn'))],
      ],
      returnable ? [context.t('next.deathReturn')] : [],
      { link: { to: `/residents/${resident.id}`, label: context.t('slip.backToResident') } },
    );
  },
};


export const MOVE_IN: ProcedureSpec = {
  id: 'move-in',
  scope: 'resident',
  title: 'procedure.move-in',
  offered: residentMay('move-in'),
  verify: ['verify.identity'],
  presence: true,
  fields: [
    { name: 'moveInDate', kind: 'date', label: 'field.moveInDate', required: true },
    { name: 'notificationDate', kind: 'date', label: 'field.notificationDate', required: true, initial: (context) => context.today },
    { name: 'address', kind: 'text', label: 'field.newAddress', required: true },
    { name: 'postalCode', kind: 'postal-code', label: 'field.postalCode', hint: 'hint.newPostalCode' },
    { name: 'cardPresented', kind: 'checkbox', label: 'field.cardPresented', hint: 'hint.cardPresented' },
  ],
  warnings: (values, context) => (bool(values, 'cardPresented') && heldCard(context.resident) ? [context.t('warning.continuationStillToDo')] : []),
  preview: async (values, context) => {
    const lines: PreviewLine[] = [];
    const moveIn = await rule(
      api.POST('/api/v1/rules/move-in-deadline', {
        body: { moveInDate: str(values, 'moveInDate'), ...(context.resident?.plannedMoveOutDate ? { plannedMoveOutDate: context.resident.plannedMoveOutDate } : {}) },
      }),
    );
    if (moveIn) {
      const late = str(values, 'notificationDate') > moveIn.deadline;
      lines.push({ label: context.t('preview.moveInDeadline'), value: `${context.date(moveIn.deadline)}${moveIn.movedForHoliday ? context.t('preview.movedForHoliday') : ''}`, emphasis: late });
      if (late && heldCard(context.resident)) lines.push({ label: context.t('slip.card'), value: context.t('preview.lateAbolishes'), emphasis: true });
    }
    if (heldCard(context.resident)) {
      const continuation = await rule(api.POST('/api/v1/rules/continuation-deadline', { body: { moveInNotificationDate: str(values, 'notificationDate') } }));
      if (continuation) lines.push({ label: context.t('preview.continuationDeadline'), value: context.date(continuation.deadline), emphasis: true });
    }
    return lines;
  },
  submit: (values, context) =>
    answer(
      api.POST('/api/v1/residents/{id}/move-in', {
        params: { path: { id: residentId(context) } },
        body: {
          moveInDate: str(values, 'moveInDate'),
          notificationDate: str(values, 'notificationDate'),
          address: str(values, 'address'),
          ...postalCode(values),
          cardPresented: bool(values, 'cardPresented'),
          expectedVersion: context.resident!.version,
          ...proxyApproval(values),
        },
      }),
    ),
  slip: (data, values, context) => {
    const card = cardAllowing(residentView(data), 'continue');
    return slip(context, 'procedure.move-in', [[context.t('field.newAddress'), addressLine(values)]], card?.continuation ? [context.t('next.continuation', { date: context.date(card.continuation.deadline) })] : [], {
      link: card?.continuation ? { to: `/cards/${card.id}/continuation?resident=${residentId(context)}`, label: context.t('procedure.continuation') } : { to: `/residents/${residentId(context)}`, label: context.t('slip.backToResident') },
    });
  },
};

/** Who brought the card, as the continuation command names them (R-13): the counter's proxy is the one who asked first. */
const PRESENTED_BY = { holder: 'holder', 'household-member': 'household-member', proxy: 'proxy-after-enquiry' } as const satisfies Record<
  Presence,
  RequestBody<'/api/v1/cards/{id}/continuation', 'post'>['presentedBy']
>;

/** R-18: a member of the household may still bring a represented holder's card for continuation. */
const CONTINUATION_REPRESENTED = representedOn('date', { householdMemberMayBring: true });

export const CONTINUATION: ProcedureSpec = {
  id: 'continuation',
  scope: 'card',
  title: 'procedure.continuation',
  intro: 'intro.continuation',
  offered: cardMay('continue'),
  presence: true,
  fields: [
    { name: 'date', kind: 'date', label: 'field.date', required: true, initial: (context) => context.today },
    { name: 'pin', kind: 'pin', pinKind: PinKind.ResidentRegistry, label: 'field.pinResidentRegistry', hint: 'hint.pinResidentRegistry', required: true },
  ],
  preview: async (_values, context) => [{ label: context.t('preview.continuationDeadline'), value: context.date(context.card!.continuation?.deadline) }],
  representative: CONTINUATION_REPRESENTED,
  submit: (values, context) =>
    answer(
      api.POST('/api/v1/cards/{id}/continuation', {
        params: { path: { id: cardId(context) } },
        body: {
          pin: str(values, 'pin'),
          presentedBy: PRESENTED_BY[presenceOf(values)],
          date: str(values, 'date'),
          expectedVersion: context.card!.version,
          ...legalRepresentativeBody(CONTINUATION_REPRESENTED, values, context),
          ...proxyApproval(values),
        },
      }),
    ),
  slip: (data, _values, context) => slip(context, 'procedure.continuation', [[context.t('field.expiryDate'), context.date(cardView(data).expiryDate)]], [context.t('next.continued')]),
  fieldOfCode: { 'PIN.MISMATCH': 'pin', 'PIN.LOCKED': 'pin', 'CARD.CONTINUATION_LAPSED': 'date' },
};

export const FRONT_NOTE: ProcedureSpec = {
  id: 'front-note',
  scope: 'card',
  title: 'procedure.front-note',
  intro: 'intro.front-note',
  offered: cardMay('add-front-note'),
  presence: true,
  fields: [
    { name: 'kind', kind: 'radios', label: 'field.noteKind', required: true, options: (context) => [{ value: 'address', label: context.t('noteKind.address') }, { value: 'name', label: context.t('noteKind.name') }, { value: 'other', label: context.t('noteKind.other') }], initial: () => 'address' },
    { name: 'text', kind: 'text', label: 'field.noteText', hint: 'hint.noteText', required: true, initial: (context) => context.resident?.address ?? '' },
    { name: 'date', kind: 'date', label: 'field.date', required: true, initial: (context) => context.today },
    { name: 'pin', kind: 'pin', pinKind: PinKind.ResidentRegistry, label: 'field.pinResidentRegistry', hint: 'hint.pinResidentRegistry', required: true },
  ],
  preview: async (_values, context) => [
    { label: context.t('preview.notesLeft'), value: context.t('preview.notesCount', { used: (context.card?.frontNotes.length ?? 0) + 1, capacity: context.card?.notesCapacity ?? 0 }) },
  ],
  representative: REPRESENTED_TODAY,
  submit: (values, context) =>
    answer(
      api.POST('/api/v1/cards/{id}/front-notes', {
        params: { path: { id: cardId(context) } },
        body: {
          kind: str(values, 'kind') as 'address' | 'name' | 'other',
          text: str(values, 'text'),
          date: str(values, 'date'),
          pin: str(values, 'pin'),
          expectedVersion: context.card!.version,
          ...legalRepresentativeBody(REPRESENTED_TODAY, values, context),
          ...proxyApproval(values),
        },
      }),
    ),
  slip: (_data, values, context) => slip(context, 'procedure.front-note', [[context.t('field.noteText'), str(values, 'text')]], []),
  fieldOfCode: { 'PIN.MISMATCH': 'pin', 'PIN.LOCKED': 'pin', 'CARD.NOTES_FULL': 'text' },
};

export const SUSPEND: ProcedureSpec = {
  id: 'suspend',
  scope: 'card',
  title: 'procedure.suspend',
  offered: cardMay('suspend'),
  fields: [{ name: 'reason', kind: 'radios', label: 'field.suspendReason', required: true, options: (context) => [{ value: 'lost', label: context.t('reason.lost') }, { value: 'stolen', label: context.t('reason.stolen') }], initial: () => 'lost' }],
  warnings: (_values, context) => [context.t('warning.suspension')],
  submit: (values, context) =>
    answer(api.POST('/api/v1/cards/{id}/suspend', { params: { path: { id: cardId(context) } }, body: { reason: str(values, 'reason') as 'lost' | 'stolen', channel: 'counter', expectedVersion: context.card!.version } })),
  slip: (_data, values, context) => slip(context, 'procedure.suspend', [[context.t('field.suspendReason'), context.t(`reason.${str(values, 'reason')}` as MessageKey)]], [context.t('next.suspended')]),
};

export const RESUME: ProcedureSpec = {
  id: 'resume',
  scope: 'card',
  title: 'procedure.resume',
  intro: 'intro.resume',
  offered: cardMay('resume'),
  verify: ['verify.foundCard'],
  presence: true,
  fields: [{ name: 'identityDocuments', kind: 'documents', label: 'field.identityDocuments', required: true, identityOn: (_values, context) => context.today }],
  warnings: (_values, context) => {
    const certificates = context.card ? [context.card.certificates.signature, context.card.certificates.user] : [];
    if (certificates.some((certificate) => certificate.status === 'held')) return [context.t('warning.heldRevoked')];
    return context.card?.certificates.signature.status === 'revoked' ? [context.t('warning.signatureStaysRevoked')] : [];
  },
  submit: (values, context) =>
    answer(
      api.POST('/api/v1/cards/{id}/resume', {
        params: { path: { id: cardId(context) } },
        body: { identityDocuments: docs(values), expectedVersion: context.card!.version, ...proxyApproval(values) },
      }),
    ),
  slip: (_data, _values, context) => {
    const certificates = context.card ? [context.card.certificates.signature, context.card.certificates.user] : [];
    if (certificates.some((certificate) => certificate.status === 'held')) return slip(context, 'procedure.resume', [], [context.t('next.certificatesAgain')]);
    return slip(context, 'procedure.resume', [], context.card?.certificates.signature.status === 'revoked' ? [context.t('next.signatureAgain')] : []);
  },
  fieldOfCode: { 'IDENTITY.INSUFFICIENT': 'identityDocuments' },
};

const PIN_KINDS = (context: ProcedureContext) => [
  { value: 'resident-registry', label: context.t('pin.resident-registry') },
  { value: 'user', label: context.t('pin.user') },
  { value: 'card-info', label: context.t('pin.card-info') },
  { value: 'signature', label: context.t('pin.signature') },
];

export const PIN_RESET: ProcedureSpec = {
  id: 'pin-reset',
  scope: 'card',
  title: 'procedure.pin-reset',
  intro: 'intro.pin-reset',
  offered: cardMay('reset-pin'),
  presence: true,
  fields: [
    {
      name: 'kind',
      kind: 'radios',
      label: 'field.pinKind',
      required: true,
      options: PIN_KINDS,
      // The PIN a refusal has just said is locked (the procedure form links here with it), else the resident registry PIN.
      initial: (context) => {
        const asked = new URLSearchParams(location.search).get('kind');
        return PIN_KINDS(context).some((option) => option.value === asked) ? asked! : 'resident-registry';
      },
    },
    { name: 'identityDocuments', kind: 'documents', label: 'field.identityDocuments', required: true, identityOn: (_values, context) => context.today },
    { name: 'newPin', kind: 'signature-pin', label: 'field.newPin', hint: 'hint.newPin', required: true },
  ],
  validate: (values, context) => {
    const ok = checkPinFormat(str(values, 'kind') as PinKind, str(values, 'newPin')).valid;
    return ok ? [] : [{ field: 'newPin', message: context.t(str(values, 'kind') === 'signature' ? 'form.signaturePin' : 'form.pin4', { label: context.t('field.newPin') }) }];
  },
  representative: REPRESENTED_TODAY,
  submit: (values, context) =>
    answer(
      api.POST('/api/v1/cards/{id}/pins/{kind}/reset', {
        params: { path: { id: cardId(context), kind: str(values, 'kind') as 'user' } },
        body: { newPin: str(values, 'newPin'), identityDocuments: docs(values), ...legalRepresentativeBody(REPRESENTED_TODAY, values, context), ...proxyApproval(values) },
      }),
    ),
  slip: (_data, values, context) => slip(context, 'procedure.pin-reset', [[context.t('field.pinKind'), context.t(`pin.${str(values, 'kind')}` as MessageKey)]], []),
  fieldOfCode: { 'PIN.INVALID_FORMAT': 'newPin', 'IDENTITY.INSUFFICIENT': 'identityDocuments' },
};

type CertificateKind = 'signature' | 'user';
const certificateKind = (values: Values): CertificateKind => (str(values, 'kind') === 'signature' ? 'signature' : 'user');

/** A certificate as the counter reads it: its status, its expiry, and from when it may be renewed (R-14). */
function certificateLine(context: ProcedureContext, kind: CertificateKind): string {
  const certificate = context.card!.certificates[kind];
  const status = context.t(`certificateStatus.${certificate.status}` as MessageKey);
  if (certificate.status !== 'valid' || !certificate.expiresOn) return `${context.t(`certificate.${kind}`)}（${status}）`;
  const until = context.t('certificate.until', { date: context.date(certificate.expiresOn) });
  const expiry = day(certificate.expiresOn);
  // R-14: the same day number N months before the expiry (addMonthsClamped), as the server counts it.
  const opensOn = expiry && addMonthsClamped(expiry, -context.policy.certificateRenewalWindowMonths);
  const window = opensOn ? `・${context.t('certificate.renewableFrom', { date: context.date(opensOn) })}` : '';
  return `${context.t(`certificate.${kind}`)}（${status}・${until}${window}）`;
}

/**
 * 電子証明書の発行・更新 (docs/rules.md R-14, R-15): one certificate renewed inside its window or issued
 * anew, free; the holder sets its PIN on the chip. The preview asks the rules what the server will
 * decide: the window, and the new expiry or why not.
 */
export const CERTIFICATE: ProcedureSpec = {
  id: 'certificate',
  scope: 'card',
  title: 'procedure.certificate',
  intro: 'intro.certificate',
  offered: cardMay('issue-certificate'),
  verify: ['verify.identity'],
  presence: true,
  fields: [
    {
      name: 'kind',
      kind: 'radios',
      label: 'field.certificateKind',
      required: true,
      options: (context) => (['signature', 'user'] as const).map((kind) => ({ value: kind, label: certificateLine(context, kind) })),
      initial: (context) => (context.card?.certificates.signature.status === 'valid' ? 'user' : 'signature'),
    },
    { name: 'identityDocuments', kind: 'documents', label: 'field.identityDocuments', required: true, identityOn: (_values, context) => context.today },
    { name: 'pin', kind: 'signature-pin', label: 'field.certificatePin', hint: 'hint.certificatePin', required: true },
  ],
  warnings: (values, context) => {
    const birth = day(context.resident?.birthDate);
    const on = day(context.today);
    const under15 = certificateKind(values) === 'signature' && birth && on && !signatureCertificateAllowed(birth, on, rulesPolicy(context.policy));
    return [context.t(under15 ? 'warning.signatureUnder15' : 'warning.certificateFree')];
  },
  preview: async (values, context) => {
    const kind = certificateKind(values);
    const card = context.card!;
    const certificate = card.certificates[kind];
    if (!context.resident || !card.expiryDate) return [];
    const lines: PreviewLine[] = [];
    const valid = certificate.status === 'valid' && certificate.expiresOn !== null;
    if (valid) {
      const window = await rule(api.POST('/api/v1/rules/certificate-renewal-window', { body: { certificateExpiryDate: certificate.expiresOn!, today: context.today } }));
      if (window) lines.push({ label: context.t('preview.renewalWindow'), value: `${context.date(window.opensOn)} – ${context.date(window.closesOn)}${window.open ? '' : ` ${context.t('preview.notOpen')}`}`, emphasis: !window.open });
    }
    const issue = await rule(
      api.POST('/api/v1/rules/certificate-issue', {
        body: {
          kind,
          birthDate: context.resident.birthDate,
          cardExpiryDate: card.expiryDate,
          today: context.today,
          currentStatus: certificate.status === 'held' ? 'revoked' : certificate.status,
          ...(valid && { certificateExpiryDate: certificate.expiresOn! }),
        },
      }),
    );
    if (issue?.allowed && issue.expiryDate) {
      lines.push({ label: context.t('preview.certificateAct'), value: context.t(valid ? 'preview.certificateRenewal' : 'preview.certificateNew') });
      lines.push({ label: context.t('preview.certificateExpiry'), value: context.date(issue.expiryDate), emphasis: true });
    } else if (issue?.reason) {
      lines.push({ label: context.t('preview.certificateAct'), value: context.t(`certificateRefusal.${issue.reason}` as MessageKey), emphasis: true });
    }
    lines.push({ label: context.t('preview.fee'), value: context.money(0) });
    return lines;
  },
  validate: (values, context) =>
    checkPinFormat(certificateKind(values), str(values, 'pin')).valid
      ? []
      : [{ field: 'pin', message: context.t(certificateKind(values) === 'signature' ? 'form.signaturePin' : 'form.pin4', { label: context.t('field.certificatePin') }) }],
  checks: (values, context) => certificateCheck(certificateKind(values), context),
  representative: REPRESENTED_TODAY,
  submit: (values, context) =>
    answer(
      api.POST('/api/v1/cards/{id}/certificates/{kind}', {
        params: { path: { id: cardId(context), kind: certificateKind(values) } },
        body: { pin: str(values, 'pin'), identityDocuments: docs(values), expectedVersion: context.card!.version, ...legalRepresentativeBody(REPRESENTED_TODAY, values, context), ...proxyApproval(values) },
      }),
    ),
  slip: (data, values, context) => {
    const kind = certificateKind(values);
    const issued = cardView(data).certificates[kind];
    return slip(
      context,
      'procedure.certificate',
      [
        [context.t('field.certificateKind'), context.t(`certificate.${kind}`)],
        [context.t('preview.certificateExpiry'), context.date(issued.expiresOn)],
      ],
      [context.t('next.certificate', { date: context.date(issued.expiresOn) })],
      { fee: 0 },
    );
  },
  fieldOfCode: { 'PIN.INVALID_FORMAT': 'pin', 'IDENTITY.INSUFFICIENT': 'identityDocuments', 'CERTIFICATE.SIGNATURE_UNDER_15': 'kind', 'CERTIFICATE.RENEWAL_WINDOW_NOT_OPEN': 'kind', 'CERTIFICATE.CARD_RENEWAL_NEEDED': 'kind' },
};

export const EXTENSION: ProcedureSpec = {
  id: 'extension',
  scope: 'card',
  title: 'procedure.extension',
  intro: 'intro.extension',
  offered: cardMay('extend'),
  verify: ['verify.residenceCard'],
  presence: true,
  fields: [
    { name: 'status', kind: 'radios', label: 'field.stayStatus', required: true, options: (context) => [{ value: 'renewed', label: context.t('stay.renewed') }, { value: 'pending', label: context.t('stay.pending') }], initial: () => 'renewed' },
    { name: 'newPeriodOfStayEnd', kind: 'date', label: 'field.newPeriodOfStayEnd', required: true, visible: (values) => str(values, 'status') === 'renewed', initial: (context) => context.resident?.periodOfStayEnd ?? '' },
  ],
  preview: async (values, context) => {
    const card = context.card!;
    const result = await answer(
      api.POST('/api/v1/rules/validity-extension', {
        body: {
          birthDate: context.resident!.birthDate,
          cardIssueDate: card.issueDate!,
          currentExpiryDate: card.expiryDate!,
          today: context.today,
          ...(str(values, 'status') === 'renewed' ? { newPeriodOfStayEnd: str(values, 'newPeriodOfStayEnd') } : { applicationPending: true, currentPeriodOfStayEnd: context.resident!.periodOfStayEnd! }),
        },
      }),
    );
    return result.ok
      ? [{ label: context.t('preview.newExpiry'), value: `${context.date(result.data.expiryDate)}（${context.t(`basis.${result.data.basis}` as MessageKey)}）`, emphasis: true }]
      : [{ label: context.t('preview.newExpiry'), value: context.error(result.problem.code, result.problem.detail), emphasis: true }];
  },
  submit: (values, context) =>
    answer(
      api.POST('/api/v1/cards/{id}/extension', {
        params: { path: { id: cardId(context) } },
        body: {
          today: context.today,
          ...(str(values, 'status') === 'renewed' ? { newPeriodOfStayEnd: str(values, 'newPeriodOfStayEnd') } : { applicationPending: true }),
          expectedVersion: card(context).version,
          ...proxyApproval(values),
        },
      }),
    ),
  slip: (data, _values, context) => slip(context, 'procedure.extension', [[context.t('field.expiryDate'), context.date(cardView(data).expiryDate)]], [context.t('next.extension', { date: context.date(cardView(data).expiryDate) })]),
  fieldOfCode: { 'CARD.NOTHING_TO_EXTEND': 'newPeriodOfStayEnd', 'CARD.EXPIRED': '' },
};

const card = (context: ProcedureContext) => context.card!;

const REISSUE_REASONS = ['lost', 'stolen', 'damaged', 'dirty', 'notes-full', 'renewal'] as const;

export const REISSUE: ProcedureSpec = {
  id: 'reissue',
  scope: 'card',
  title: 'procedure.reissue',
  intro: 'intro.reissue',
  offered: cardMay('replace'),
  verify: ['verify.identity', 'verify.photo'],
  presence: true,
  fields: [
    { name: 'reason', kind: 'radios', label: 'field.reissueReason', required: true, options: (context) => REISSUE_REASONS.map((reason) => ({ value: reason, label: context.t(`reason.${reason}` as MessageKey) })), initial: (context) => context.card?.suspension?.reason ?? 'damaged' },
    { name: 'lostAtHome', kind: 'checkbox', label: 'field.lostAtHome', visible: (values) => str(values, 'reason') === 'lost' },
    { name: 'policeReportNumber', kind: 'text', label: 'field.policeReportNumber', hint: 'hint.policeReport', visible: (values) => str(values, 'reason') === 'stolen' || (str(values, 'reason') === 'lost' && !bool(values, 'lostAtHome')) },
    { name: 'certificates', kind: 'radios', label: 'field.certificates', required: true, options: yesNoCertificates, initial: () => 'both' },
    { name: 'applicationDate', kind: 'date', label: 'field.applicationDate', required: true, initial: (context) => context.today },
    { name: 'photoTakenOn', kind: 'date', label: 'field.photoTakenOn', hint: 'hint.photo', required: true },
    { name: 'identityDocuments', kind: 'documents', label: 'field.identityDocuments', required: true, identityOn: (values) => str(values, 'applicationDate') },
  ],
  warnings: (values, context) => [
    context.t(['lost', 'stolen'].includes(str(values, 'reason')) ? 'warning.reissueAbolishes' : 'warning.reissueReturn'),
  ],
  validate: (values, context) => [...applicationDateCheck(values, context), ...photoCheck(values, context), ...signatureCheck(values, context)],
  checks: async (values, context) => [...(await renewalWindowCheck(values, context)), ...(await policeReportCheck(values, context))],
  preview: async (values, context) => {
    const reason = str(values, 'reason') as (typeof REISSUE_REASONS)[number];
    const fee = await rule(
      api.POST('/api/v1/rules/reissue-fee', { body: { reason, withCertificates: str(values, 'certificates') !== 'none', ...(reason === 'lost' && { lostAtHome: bool(values, 'lostAtHome') }) } }),
    );
    const lines: PreviewLine[] = fee
      ? [
          { label: context.t('preview.fee'), value: `${context.money(fee.total)}（${context.t('preview.feeDetail', { card: context.money(fee.cardFee), certificates: context.money(fee.certificateFee) })}）`, emphasis: true },
          { label: context.t('field.policeReportNumber'), value: context.t(fee.policeReportRequired ? 'preview.policeNeeded' : 'preview.policeNotNeeded') },
        ]
      : [];
    if (reason === 'renewal' && context.card?.expiryDate) {
      const window = await rule(api.POST('/api/v1/rules/renewal-window', { body: { expiryDate: context.card.expiryDate, today: str(values, 'applicationDate') } }));
      if (window) lines.push({ label: context.t('preview.renewalWindow'), value: `${context.date(window.opensOn)} – ${context.date(window.closesOn)}${window.open ? '' : ` ${context.t('preview.notOpen')}`}`, emphasis: !window.open });
    }
    return lines;
  },
  representative: APPLICATION_REPRESENTED,
  submit: (values, context) => {
    const reason = str(values, 'reason') as (typeof REISSUE_REASONS)[number];
    return answer(
      api.POST('/api/v1/cards/{id}/reissue', {
        params: { path: { id: cardId(context) } },
        body: {
          reason,
          ...(reason === 'lost' && { lostAtHome: bool(values, 'lostAtHome') }),
          ...(optional(values, 'policeReportNumber') && { policeReportNumber: str(values, 'policeReportNumber') }),
          photoTakenOn: str(values, 'photoTakenOn'),
          applicationDate: str(values, 'applicationDate'),
          identityDocuments: docs(values),
          withSignatureCertificate: str(values, 'certificates') === 'both',
          withUserCertificate: str(values, 'certificates') !== 'none',
          expectedVersion: context.card!.version,
          ...legalRepresentativeBody(APPLICATION_REPRESENTED, values, context),
          ...proxyApproval(values),
        },
      }),
    );
  },
  slip: (data, values, context) => {
    const result = data as { fee: { total: number; cardFee: number; certificateFee: number }; receiptNumber: string | null; newCard: CardView; oldCard: CardView };
    return slip(
      context,
      'procedure.reissue',
      [
        [context.t('field.reissueReason'), context.t(`reason.${str(values, 'reason')}` as MessageKey)],
        [context.t('slip.pickupOffice'), officeName(context, result.newCard.pickupOfficeId)],
      ],
      [
        context.t('next.application', { office: officeName(context, result.newCard.pickupOfficeId) }),
        ...(result.oldCard.status === 'active' || result.oldCard.status === 'suspended' ? [context.t('next.keptUntilHandOver')] : []),
      ],
      { fee: result.fee.total, receiptNumber: result.receiptNumber, link: { to: `/residents/${result.newCard.residentId}`, label: context.t('slip.backToResident') } },
    );
  },
  fieldOfCode: {
    'REISSUE.POLICE_REPORT_REQUIRED': 'policeReportNumber',
    'RENEWAL.WINDOW_NOT_OPEN': 'reason',
    'APPLICATION.PHOTO_TOO_OLD': 'photoTakenOn',
    'IDENTITY.INSUFFICIENT': 'identityDocuments',
    'CERTIFICATE.SIGNATURE_UNDER_15': 'certificates',
  },
};

export const RETURN: ProcedureSpec = {
  id: 'return',
  scope: 'card',
  title: 'procedure.return',
  offered: cardMay('return'),
  presence: true,
  fields: [
    {
      name: 'reason',
      kind: 'radios',
      label: 'field.returnReason',
      required: true,
      options: (context) => ['not-needed', 'expired', 'moved-abroad', 'replaced', 'death'].map((reason) => ({ value: reason, label: context.t(`returnReason.${reason}` as MessageKey) })),
      initial: (context) => (context.card?.status === 'expired' ? 'expired' : context.card?.endReason === 'moved-abroad' || context.card?.endReason === 'death' ? context.card.endReason : 'not-needed'),
    },
  ],
  warnings: (_values, context) => (context.card?.status === 'active' ? [context.t('warning.returnEnds')] : []),
  submit: (values, context) =>
    answer(
      api.POST('/api/v1/cards/{id}/return', {
        params: { path: { id: cardId(context) } },
        body: {
          reason: str(values, 'reason') as 'not-needed',
          expectedVersion: context.card!.version,
          ...proxyApproval(values),
        },
      }),
    ),
  slip: (_data, values, context) => slip(context, 'procedure.return', [[context.t('field.returnReason'), context.t(`returnReason.${str(values, 'reason')}` as MessageKey)]], []),
};

export const PERIOD_OF_STAY: ProcedureSpec = {
  id: 'period-of-stay',
  scope: 'resident',
  title: 'procedure.period-of-stay',
  offered: residentMay('update-period-of-stay'),
  verify: ['verify.residenceCard'],
  fields: [
    { name: 'periodOfStayEnd', kind: 'date', label: 'field.newPeriodOfStayEnd', required: true },
    { name: 'residenceCardNumber', kind: 'text', label: 'field.residenceCardNumber', hint: 'hint.residenceCardNumber', required: true, initial: (context) => context.resident?.residenceCardNumber ?? '' },
  ],
  submit: (values, context) =>
    answer(
      api.POST('/api/v1/residents/{id}/period-of-stay', {
        params: { path: { id: residentId(context) } },
        body: { periodOfStayEnd: str(values, 'periodOfStayEnd'), residenceCardNumber: str(values, 'residenceCardNumber').toUpperCase(), expectedVersion: context.resident!.version },
      }),
    ),
  slip: (data, values, context) => {
    const card = cardAllowing(residentView(data), 'extend');
    return slip(context, 'procedure.period-of-stay', [[context.t('field.newPeriodOfStayEnd'), context.date(str(values, 'periodOfStayEnd'))]], card ? [context.t('next.extendCard')] : [], {
      link: card ? { to: `/cards/${card.id}/extension?resident=${residentId(context)}`, label: context.t('procedure.extension') } : { to: `/residents/${residentId(context)}`, label: context.t('slip.backToResident') },
    });
  },
  fieldOfCode: { 'INPUT.INVALID': 'residenceCardNumber' },
};

export const NUMBER_CHANGE: ProcedureSpec = {
  id: 'number-change',
  scope: 'resident',
  title: 'procedure.number-change',
  intro: 'intro.number-change',
  offered: residentMay('change-number'),
  verify: ['verify.identity', 'verify.leak'],
  presence: true,
  fields: [{ name: 'reason', kind: 'text', label: 'field.numberChangeReason', required: true }],
  warnings: (_values, context) => [context.t('warning.numberChange')],
  representative: REPRESENTED_TODAY,
  submit: (values, context) =>
    answer(
      api.POST('/api/v1/residents/{id}/individual-number-change', {
        params: { path: { id: residentId(context) } },
        body: { reason: str(values, 'reason'), ...legalRepresentativeBody(REPRESENTED_TODAY, values, context), ...proxyApproval(values) },
      }),
    ),
  slip: (_data, _values, context) => slip(context, 'procedure.number-change', [], [context.t('next.numberChange')], { link: { to: `/residents/${residentId(context)}`, label: context.t('slip.backToResident') } }),
};

export const NUMBER_CHANGE_REQUEST: ProcedureSpec = {
  id: 'number-change-request',
  scope: 'resident',
  title: 'procedure.number-change-request',
  intro: 'intro.number-change-request',
  // For those who may ask but not change a number themselves. The resident's view names no
  // action for the request, so its registration is read here as the change itself needs it.
  offered: (context) =>
    may('approval.request')(context) && !may('resident.change-number')(context) && context.resident?.registration === 'registered',
  verify: ['verify.identity', 'verify.leak'],
  presence: true,
  fields: [{ name: 'reason', kind: 'text', label: 'field.numberChangeReason', required: true }],
  representative: REPRESENTED_TODAY,
  submit: (values, context) =>
    answer(
      api.POST('/api/v1/approvals', {
        body: {
          kind: 'number-change',
          residentId: residentId(context),
          reason: str(values, 'reason'),
          ...legalRepresentativeBody(REPRESENTED_TODAY, values, context),
          ...proxyApproval(values),
        },
      }),
    ),
  slip: (data, _values, context) => slip(context, 'procedure.number-change-request', [], [context.t('next.awaitApproval')], { reference: requestId(data) }),
};

export const PROXY_ENQUIRY: ProcedureSpec = {
  id: 'proxy-enquiry',
  scope: 'resident',
  title: 'procedure.proxy-enquiry',
  intro: 'intro.proxy-enquiry',
  offered: may('approval.request'),
  fields: [
    { name: 'enquiredOn', kind: 'date', label: 'field.enquiredOn', required: true, initial: (context) => context.today },
    { name: 'callerName', kind: 'text', label: 'field.proxyName', required: true },
    { name: 'relationship', kind: 'text', label: 'field.relationship', hint: 'hint.relationship', required: true },
    { name: 'procedure', kind: 'select', label: 'field.proxyProcedure', required: true, options: proxyProcedures, initial: () => 'issuance' },
    { name: 'notes', kind: 'text', label: 'field.notes' },
  ],
  submit: (values, context) =>
    answer(
      api.POST('/api/v1/residents/{id}/proxy-enquiries', {
        params: { path: { id: residentId(context) } },
        body: {
          enquiredOn: str(values, 'enquiredOn'),
          callerName: str(values, 'callerName'),
          relationship: str(values, 'relationship'),
          procedure: proxyProcedure(values),
          ...(optional(values, 'notes') && { notes: str(values, 'notes') }),
        },
      }),
    ),
  slip: (data, values, context) =>
    slip(context, 'procedure.proxy-enquiry', [[context.t('field.proxyName'), str(values, 'callerName')], [context.t('field.proxyProcedure'), proxyProcedureLabel(context.t, str(values, 'procedure'))]], [context.t('next.proxyRequest')], {
      reference: requestId(data),
      link: { to: `/residents/${residentId(context)}/proxy-approval?enquiry=${(data as { id: string }).id}&procedure=${str(values, 'procedure')}`, label: context.t('procedure.proxy-approval') },
    }),
};

/** The procedures a proxy may be approved for: the API's list, which R-13 decides. */
function proxyProcedures(context: ProcedureContext) {
  return PROXY_PROCEDURES.map((value) => ({ value, label: proxyProcedureLabel(context.t, value) }));
}

/** The resident's recorded enquiries, the latest first, by day, caller and procedure: picked, never typed. */
function enquiryOptions(context: ProcedureContext) {
  return (context.resident?.proxyEnquiries ?? []).map((enquiry) => ({
    value: enquiry.id,
    label: `${context.date(enquiry.enquiredOn)}・${enquiry.callerName}（${enquiry.relationship}）・${proxyProcedureLabel(context.t, enquiry.procedure)}`,
  }));
}

/** The chosen procedure; the select offers only the API's list, so anything else is a hand-edited address and the server names it. */
const proxyProcedure = (values: Values) => str(values, 'procedure') as ProxyProcedure;

export const PROXY_APPROVAL: ProcedureSpec = {
  id: 'proxy-approval',
  scope: 'resident',
  title: 'procedure.proxy-approval',
  intro: 'intro.proxy-approval',
  offered: may('approval.request'),
  verify: ['verify.proxyIdentity', 'verify.authority'],
  fields: [
    {
      name: 'enquiryId',
      kind: 'select',
      label: 'field.enquiryId',
      hint: 'hint.enquiryId',
      required: true,
      options: enquiryOptions,
      // The enquiry just recorded (the slip's link names it), else the latest.
      initial: (context) => new URLSearchParams(location.search).get('enquiry') ?? context.resident?.proxyEnquiries[0]?.id ?? '',
    },
    {
      name: 'procedure',
      kind: 'select',
      label: 'field.proxyProcedure',
      required: true,
      options: proxyProcedures,
      initial: () => {
        const asked = new URLSearchParams(location.search).get('procedure');
        return isProxyProcedure(asked) ? asked : 'issuance';
      },
    },
    { name: 'name', kind: 'text', label: 'field.proxyName', required: true },
    { name: 'relationship', kind: 'text', label: 'field.relationship', required: true },
    { name: 'identityDocuments', kind: 'documents', label: 'field.proxyDocuments', required: true },
    { name: 'authorityDocument', kind: 'text', label: 'field.authorityDocument', hint: 'hint.authorityDocument', required: true },
  ],
  submit: (values, context) =>
    answer(
      api.POST('/api/v1/approvals', {
        body: {
          kind: 'proxy',
          residentId: residentId(context),
          enquiryId: str(values, 'enquiryId'),
          procedure: proxyProcedure(values),
          proxy: { name: str(values, 'name'), relationship: str(values, 'relationship'), identityDocuments: docs(values), authorityDocument: str(values, 'authorityDocument') },
        },
      }),
    ),
  slip: (data, values, context) =>
    slip(context, 'procedure.proxy-approval', [[context.t('field.proxyName'), str(values, 'name')], [context.t('field.proxyProcedure'), proxyProcedureLabel(context.t, str(values, 'procedure'))]], [context.t('next.awaitApproval')], {
      reference: requestId(data),
    }),
  fieldOfCode: { 'PROXY.ENQUIRY_NOT_FOUND': 'enquiryId' },
};

/** The procedures of a resident record and of a card, in the order the counter offers them. */
export const RESIDENT_PROCEDURES: readonly ProcedureSpec[] = [
  APPLICATION,
  ADDRESS_CHANGE,
  NAME_CHANGE,
  MOVE_OUT,
  MOVE_IN,
  PERIOD_OF_STAY,
  PROXY_ENQUIRY,
  PROXY_APPROVAL,
  NUMBER_CHANGE,
  NUMBER_CHANGE_REQUEST,
  GUARDIANSHIP,
  DEATH,
];
export const CARD_PROCEDURES: readonly ProcedureSpec[] = [MANUFACTURE, ISSUE, CONTINUATION, FRONT_NOTE, SUSPEND, RESUME, PIN_RESET, CERTIFICATE, EXTENSION, REISSUE, RETURN];
