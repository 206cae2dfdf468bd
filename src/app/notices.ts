import { DomainErrorCode, refuse, success } from '../domain/errors.ts';
import { ITEM_TEXT } from '../domain/guide/guide-text.ts';
import { continuationNotices, expiredNotice, NOTICE_KINDS, noticeRange, periodOfStayNotice, type NoticeKind } from '../rules/notice-dates.ts';
import { addDays, addMonthsClamped, type PlainDate } from '../rules/plain-date.ts';
import type { Policy } from '../rules/policy.ts';
import { PHOTO_SIZE_CM, PROCEDURE_TABLE } from '../rules/procedures.ts';
import { renewalWindow } from '../rules/renewal-window.ts';
import { certificateRenewalOpensOn } from '../rules/certificate-renewal-window.ts';
import type { Certificate } from '../domain/card.ts';
import { pickupDeadline } from '../rules/pickup-deadline.ts';
import { representationBasis } from '../rules/legal-representative.ts';
import { authorize, type Actor } from './actor.ts';
import type { AppContext } from './context.ts';
import { wareki } from './guide/dates.ts';
import { fill } from './guide/rich-text.ts';
import type { NoticeCandidate } from './ports/report-repository.ts';
import type { Result } from './app-errors.ts';

export { NOTICE_KINDS, type NoticeKind };

/** The letters of a card waiting at its counter (R-19), which that counter prints too. */
const PICKUP_KINDS: readonly NoticeKind[] = ['pickup-notice', 'pickup-reminder'];

/** A letter to one resident, as the mail merge prints it (its schema: http/reports/report-schemas.ts, held to it by http/agreement.ts). */
export interface Notice {
  readonly kind: NoticeKind;
  readonly noticeDate: PlainDate;
  readonly residentId: string;
  readonly cardId: string;
  /** 氏名 */
  readonly name: string;
  /** フリガナ */
  readonly nameKana: string;
  /** The resident's postal code (郵便番号, `NNN-NNNN`) for the envelope window; null when none is recorded. */
  readonly postalCode: string | null;
  readonly address: string;
  readonly subject: string;
  readonly paragraphs: string[];
  readonly bring: string[];
  /** By when; null when there is no deadline, only a request. */
  readonly deadline: PlainDate | null;
  readonly deadlineText: string | null;
  /** The office with its address (〒) and opening hours. */
  readonly office: { readonly id: string; readonly name: string; readonly phone: string; readonly address: string; readonly hours: string };
  /** The 照会番号 of a 交付通知書 (pickup-notice, pickup-reminder); null for other letters. */
  readonly referenceNumber: string | null;
  /** R-18: the holder comes with their 法定代理人 (under 15 on the notice date, or an adult ward). */
  readonly representative: boolean;
  /** The department and the 24-hour hotline. */
  readonly contact: string;
}

export interface NoticeList {
  readonly kind: NoticeKind;
  readonly from: PlainDate;
  readonly to: PlainDate;
  readonly notices: Notice[];
}

/** 令和8年12月26日 (2026-12-26): the era for residents, the ISO date for the clerk who checks it. */
function japaneseDate(date: PlainDate): string {
  return `${wareki(date)}（${date}）`;
}

const item = (name: keyof typeof ITEM_TEXT, policy: Policy) =>
  fill(ITEM_TEXT[name], {
    height: String(PHOTO_SIZE_CM.height),
    width: String(PHOTO_SIZE_CM.width),
    months: String(policy.photoMaxAgeMonths),
    // Paper health insurance cards stop counting the day after the policy date (docs/rules.md "Corrections 2026-12").
    from: wareki(addDays(policy.healthInsuranceCardValidUntil, 1)),
  });

interface Letter {
  readonly noticeDate: PlainDate;
  readonly subject: string;
  readonly paragraphs: readonly string[];
  /** Items of the R-13 table, or a line of the letter's own. */
  readonly bring: readonly (keyof typeof ITEM_TEXT | { readonly text: string })[];
  readonly deadline: PlainDate | null;
  readonly referenceNumber?: string | null;
  readonly representative?: boolean;
}

/** 平日 8:30–17:00、土曜・日曜 9:00–17:00 (closed days per R-9). */
function hoursText(office: AppContext['offices']['offices'][number]): string {
  const weekend = office.hours.weekend;
  const days = { saturday: '土曜', sunday: '日曜' } as const;
  return `平日 ${office.hours.weekdays}${weekend ? `、${weekend.days.map((d) => days[d]).join('・')} ${weekend.hours}` : ''}（祝日・年末年始 12月29日〜1月3日 を除く）`;
}

/** R-18: who comes with the holder, and what they bring. */
const representativeBring = (municipality: string) => ({
  text: `法定代理人（親権者または成年後見人）がご本人と一緒にお越しください。法定代理人の本人確認書類と、代理権がわかる書類（本籍が${municipality}以外のお子さんは戸籍謄本、成年後見人は登記事項証明書）もお持ちください`,
});

/**
 * R-19's letters for a card waiting at its counter (docs/pickup.md "The 交付通知書"): the
 * 交付通知書 on `readyOn`, and a reminder `pickup.reminderMonths` later. What to bring is R-13's
 * hand-over row (identity documents, the 通知カード if held) with the letter itself; for a holder
 * who needs a 法定代理人 on the notice date (R-18: under 15, or an adult ward) the letter says the
 * representative comes too, and what they bring.
 */
function pickupLetters(kind: 'pickup-notice' | 'pickup-reminder', card: NoticeCandidate, name: string, app: AppContext): Letter[] {
  if (card.readyOn === null) return [];
  const deadline = pickupDeadline({ readyOn: card.readyOn }, app.rules);
  if (!deadline.ok) return [];
  const { reminderOn, collectBy, discardOn } = deadline.value;
  const noticeDate = (kind === 'pickup-notice' ? card.readyOn : reminderOn) as PlainDate;
  const representative = representationBasis(card.birthDate, noticeDate, card.adultWard, app.rules.policy) !== undefined;
  const office = app.offices.offices.find((candidate) => candidate.id === card.pickupOfficeId);
  const where = office ? `${office.name}（${office.address}）` : '受取窓口';
  return [
    {
      noticeDate,
      subject: kind === 'pickup-notice' ? 'マイナンバーカードができました（交付通知書）' : 'マイナンバーカードをお受け取りください（交付通知書の再通知）',
      paragraphs: [
        kind === 'pickup-notice'
          ? `${name} 様が申請されたマイナンバーカードができあがり、${where}に届きました。`
          : `${name} 様のマイナンバーカードは ${japaneseDate(card.readyOn)} から${where}でお待ちしていますが、まだお受け取りいただいていません。`,
        `${japaneseDate(collectBy as PlainDate)} までに、ご本人がこの通知書を持って窓口へお越しください。受け取りの日時は照会番号と生年月日で予約できます。窓口で暗証番号を設定していただきます。`,
        ...(representative ? ['ご本人が15歳未満の方、または成年被後見人の方は、法定代理人と一緒にお越しください（任意代理人による受け取りはできません）。'] : []),
        `期限までにお受け取りがないと、カードは ${japaneseDate(discardOn as PlainDate)} に廃棄されます。その後は改めて交付申請が必要です（手数料はかかりません）。`,
      ],
      bring: [{ text: 'この交付通知書' }, ...PROCEDURE_TABLE.issuance.bring, ...(representative ? [representativeBring(app.offices.municipality.name)] : [])],
      deadline: collectBy as PlainDate,
      referenceNumber: card.pickupReference,
      representative,
    },
  ];
}

/** The letter of each kind for one card, or none when the card is not due one in the range. */
const LETTERS: Record<NoticeKind, (card: NoticeCandidate, name: string, app: AppContext) => Letter[]> = {
  'renewal-window': (card, name, app) => {
    // A card that ends with the period of stay is extended (R-5), not renewed: that letter is another kind.
    if (card.expiryBasis === 'period-of-stay' || card.expiryBasis === 'special-period') return [];
    const window = renewalWindow({ expiryDate: card.expiryDate! }, app.rules);
    if (!window.ok) return [];
    const { opensOn, closesOn } = window.value;
    return [
      {
        noticeDate: opensOn as PlainDate,
        subject: 'マイナンバーカードの有効期限が近づいています（更新のご案内）',
        paragraphs: [
          `${name} 様のマイナンバーカードの有効期限は ${japaneseDate(closesOn as PlainDate)} です。`,
          `${japaneseDate(opensOn as PlainDate)} から有効期限の日まで、窓口で更新（新しいカードの交付申請）ができます。更新の手数料はかかりません。`,
          '有効期限を過ぎるとカードは使えなくなります。お早めに手続きしてください。',
        ],
        bring: PROCEDURE_TABLE.renewal.bring,
        deadline: closesOn as PlainDate,
      },
    ];
  },
  'continuation-deadline': (card, name, app) =>
    continuationNotices(card.continuationDeadline!, app.rules.policy).map(({ noticeOn, daysBefore }) => ({
      noticeDate: noticeOn,
      subject: `マイナンバーカードの継続利用の手続き期限まで${daysBefore}日です`,
      paragraphs: [
        `${name} 様は ${japaneseDate(card.continuationNotificationDate!)} に転入届を出されました。マイナンバーカードを引き続き使うには、${japaneseDate(card.continuationDeadline!)} までに継続利用の手続きが必要です。`,
        'ご本人か同じ世帯の方が、カードを持って窓口へお越しください。窓口で住民基本台帳用の暗証番号（数字4桁）を入力していただきます。',
        `期限までに手続きがないと、カードは ${japaneseDate(card.continuationLapsesOn!)} に廃止され、使えなくなります（新しいカードの交付には手数料がかかります）。`,
      ],
      bring: PROCEDURE_TABLE.continuation.bring,
      deadline: card.continuationDeadline!,
    })),
  'period-of-stay-ending': (card, name, app) => [
    {
      noticeDate: periodOfStayNotice(card.periodOfStayEnd!, card.expiryDate!, app.rules.policy).noticeOn,
      subject: '在留期間の満了日が近づいています（マイナンバーカードの有効期間の延長）',
      paragraphs: [
        `${name} 様の在留期間の満了日は ${japaneseDate(card.periodOfStayEnd!)} です。マイナンバーカードの有効期限は ${japaneseDate(card.expiryDate!)} です。`,
        '在留期間の更新または変更が許可されたら、カードの有効期限までに、在留カードとマイナンバーカードを持って窓口で有効期間の延長の手続きをしてください。新しい顔写真は要りません。',
        `更新を申請して結果を待っている方（在留カードの裏に「申請中」とある方）も、満了日の${app.rules.policy.specialPeriodMonths}か月後まで延長できますので、同じものを持ってお越しください。`,
      ],
      bring: PROCEDURE_TABLE['validity-extension'].bring,
      deadline: card.expiryDate!,
    },
  ],
  'certificate-renewal-window': (card, name, app) => certificateLetters(card, name, app),
  'pickup-notice': (card, name, app) => pickupLetters('pickup-notice', card, name, app),
  'pickup-reminder': (card, name, app) => pickupLetters('pickup-reminder', card, name, app),
  'expired-not-returned': (card, name) => [
    {
      noticeDate: expiredNotice(card.expiryDate!).noticeOn,
      subject: 'マイナンバーカードの有効期限が過ぎています（返納のお願い）',
      paragraphs: [
        `${name} 様のマイナンバーカードは ${japaneseDate(card.expiryDate!)} で有効期限が過ぎ、使えなくなりました。`,
        'お手元のカードを窓口へお返しください（返納）。新しいカードが必要な方は、同じ窓口で交付申請ができます（顔写真と本人確認書類をお持ちください）。',
      ],
      bring: PROCEDURE_TABLE.return.bring,
      deadline: null,
    },
  ],
};

const CERTIFICATE_NAME = { signature: '署名用電子証明書', user: '利用者証明用電子証明書' } as const;

/**
 * R-14: a letter when the renewal window of the card's valid certificates opens, one per expiry
 * day (both certificates usually share one). A certificate that runs to the card's own expiry is
 * renewed with the card (R-15 refuses it alone), so the card's R-6 letter speaks for it instead.
 */
function certificateLetters(card: NoticeCandidate, name: string, app: AppContext): Letter[] {
  const valid = (['signature', 'user'] as const).flatMap((kind) => {
    const certificate = JSON.parse(kind === 'signature' ? card.signatureCertificate : card.userCertificate) as Certificate;
    return certificate.status === 'valid' && card.expiryDate !== null && certificate.expiresOn < card.expiryDate ? [{ kind, expiresOn: certificate.expiresOn }] : [];
  });
  const expiries = [...new Set(valid.map((certificate) => certificate.expiresOn))].sort();
  return expiries.map((expiresOn) => {
    const names = valid.filter((certificate) => certificate.expiresOn === expiresOn).map((certificate) => CERTIFICATE_NAME[certificate.kind]);
    const opensOn = certificateRenewalOpensOn(expiresOn, app.rules.policy);
    return {
      noticeDate: opensOn,
      subject: 'マイナンバーカードの電子証明書の有効期限が近づいています（更新のご案内）',
      paragraphs: [
        `${name} 様のマイナンバーカードの${names.join('と')}の有効期限は ${japaneseDate(expiresOn)} です（カードの有効期限は ${japaneseDate(card.expiryDate!)} です）。`,
        `${japaneseDate(opensOn)} から有効期限の日まで、窓口で電子証明書を更新できます。手数料はかかりません。窓口で新しい暗証番号を設定していただきます。`,
        '有効期限を過ぎると、健康保険証としての利用、コンビニでの証明書の取得、マイナポータルへのログインやオンライン申請などができなくなります。期限を過ぎた後も、窓口で新たに発行できます（無料）。',
      ],
      bring: PROCEDURE_TABLE['certificate-issue'].bring,
      deadline: expiresOn,
    };
  });
}

/**
 * The letters of one kind due from `from` to `to` (both days included), one per card and
 * reminder, in postal-code and address order for the post: whom, where they live, what to do, where, by when.
 * Never the individual number. A supervisor prints them or exports them for a mail merge.
 */
export async function listNotices(app: AppContext, actor: Actor, kind: NoticeKind, from: PlainDate, to: PlainDate, officeId?: string): Promise<Result<NoticeList>> {
  let office = officeId;
  const allowed = authorize(actor, 'notice.read');
  if (!allowed.ok) {
    // The counter that checked a delivery in prints its 交付通知書 (docs/pickup.md): its own cards' only.
    const counter = authorize(actor, 'card.counter-procedure');
    if (!PICKUP_KINDS.includes(kind) || !counter.ok) return counter.ok ? allowed : counter;
    if (office !== undefined && office !== actor.officeId) return refuse(DomainErrorCode.AuthOfficeNotAllowed, `you print the letters of ${actor.officeId} only`);
    office = actor.officeId;
  }
  if (to < from) return refuse('INPUT.INVALID', `to (${to}) is before from (${from})`);
  if (addMonthsClamped(from, 12) < to) return refuse('INPUT.INVALID', 'a list covers at most a year of notice dates');
  const candidates = await app.store.read.reports.noticeCandidates(noticeRange(kind, from, to, app.rules.policy));
  const department = app.offices.department;
  const hotline = app.offices.hotline;
  const notices: Notice[] = candidates.filter((card) => office === undefined || card.pickupOfficeId === office).flatMap((card) => {
    const name = `${card.familyName} ${card.givenName}`;
    const office = app.offices.offices.find((candidate) => candidate.id === card.pickupOfficeId) ?? app.offices.offices[0]!;
    return LETTERS[kind](card, name, app)
      .filter((letter) => letter.noticeDate >= from && letter.noticeDate <= to)
      .map((letter) => ({
        kind,
        noticeDate: letter.noticeDate,
        residentId: card.residentId,
        cardId: card.cardId,
        name,
        nameKana: `${card.familyNameKana} ${card.givenNameKana}`,
        postalCode: card.postalCode,
        address: card.address,
        subject: letter.subject,
        paragraphs: [...letter.paragraphs],
        bring: letter.bring.map((thing) => (typeof thing === 'string' ? item(thing, app.rules.policy) : thing.text)),
        deadline: letter.deadline,
        deadlineText: letter.deadline && `${japaneseDate(letter.deadline)}まで`,
        office: { id: office.id, name: office.name, phone: office.phone, address: office.address, hours: hoursText(office) },
        referenceNumber: letter.referenceNumber ?? null,
        representative: letter.representative ?? false,
        contact: `${app.offices.municipality.name} ${department}（${office.phone}）。カードをなくしたときは ${hotline.name} ${hotline.phone}（${hotline.hours}）`,
      }));
  });
  // For the post: by postal code (those without one last), then address.
  notices.sort(
    (a, b) =>
      a.noticeDate.localeCompare(b.noticeDate) ||
      (a.postalCode ?? '\uffff').localeCompare(b.postalCode ?? '\uffff') ||
      a.address.localeCompare(b.address, 'ja') ||
      a.residentId.localeCompare(b.residentId),
  );
  return success({ kind, from, to, notices });
}

/** The columns of a notice list for a mail merge (差し込み印刷), in Japanese as the letters are. */
export const NOTICE_CSV_COLUMNS: readonly [string, (notice: Notice) => string][] = [
  ['通知日', (notice) => notice.noticeDate],
  ['氏名', (notice) => notice.name],
  ['フリガナ', (notice) => notice.nameKana],
  ['住所', (notice) => notice.address],
  ['件名', (notice) => notice.subject],
  ['本文', (notice) => notice.paragraphs.join('\n')],
  ['持ち物', (notice) => notice.bring.join('\n')],
  ['期限', (notice) => notice.deadline ?? ''],
  ['期限（和暦）', (notice) => notice.deadlineText ?? ''],
  ['窓口', (notice) => notice.office.name],
  ['窓口電話', (notice) => notice.office.phone],
  ['お問い合わせ', (notice) => notice.contact],
  // Added with the 交付通知書; after the first columns, so that a mail-merge template made before still finds its own.
  ['郵便番号', (notice) => notice.postalCode ?? ''],
  ['窓口住所', (notice) => notice.office.address],
  ['受付時間', (notice) => notice.office.hours],
  ['照会番号', (notice) => notice.referenceNumber ?? ''],
];
