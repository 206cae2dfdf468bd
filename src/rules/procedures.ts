import { plainDate, type PlainDate } from './plain-date.ts';
import { PinKind, ReissueReason } from './policy.ts';

/**
 * R-13 (seed): the procedures of the city's page, each stating who may come, what to bring, the
 * fee, the deadline, the PIN to enter and the side effects. The
 * resident guide reads this table, so it answers from the same facts as the counter.
 */
export const Procedure = {
  /** 交付申請: a new card when the old one is abolished or expired (docs/domain.md procedure 1). */
  Application: 'application',
  /** 交付: the card made for an application is handed over at its counter (docs/domain.md procedure 1). */
  Issuance: 'issuance',
  /** 転入届: the move into the city, at the registration counter (住基法22条; R-7). */
  MoveInNotification: 'move-in-notification',
  /** 継続利用: the card brought along is presented after moving in (seed; R-8). */
  Continuation: 'continuation',
  /** 転出届: the move out of the city (住基法24条). */
  MoveOutNotification: 'move-out-notification',
  /** 転居届: a move within the city (住基法23条). */
  AddressChangeNotification: 'address-change-notification',
  /** 戸籍の届出: a name change comes with a family-register notification (seed: 戸籍のお届け). */
  FamilyRegisterNotification: 'family-register-notification',
  /** 券面記載事項変更: the new address or name written in the notes field (追記欄). */
  FrontSideChange: 'front-side-change',
  /** 一時停止: loss or theft reported to the 24-hour hotline. */
  Suspension: 'suspension',
  /** 一時停止解除: only at a counter, never by phone (seed). */
  SuspensionRelease: 'suspension-release',
  /** 暗証番号の再設定（ロック解除）・変更 (seed). */
  PinReset: 'pin-reset',
  /** 再交付 after loss (R-10 lost). */
  ReissueLost: 'reissue-lost',
  /** 再交付 after theft (R-10 stolen). */
  ReissueStolen: 'reissue-stolen',
  /** 再交付 of a damaged or dirty card (R-10 damaged, dirty). */
  ReissueDamaged: 'reissue-damaged',
  /** A new card when the notes field has no room (R-10 notes-full). */
  ReissueNotesFull: 'reissue-notes-full',
  /** 更新 with less than 3 months left (R-6, R-10 renewal). */
  Renewal: 'renewal',
  /** 有効期間の延長 of a foreign resident's card with the period of stay. */
  ValidityExtension: 'validity-extension',
  /** 返納: no longer needed, expired, or moving abroad (seed). */
  Return: 'return',
  /** 個人番号の変更 when the number leaked and misuse is feared (seed; R-10 number-change). */
  NumberChange: 'number-change',
  /** 通知カード: abolished on 2020-05-25; handed back when a card is issued (seed). */
  NotificationCardReturn: 'notification-card-return',
  /** 署名用電子証明書の発行: applied for again after a revocation (seed). */
  SignatureCertificate: 'signature-certificate',
  /** 電子証明書の発行・更新: either certificate issued anew or renewed on an active card, free. */
  CertificateIssue: 'certificate-issue',
  /** 代理人: a proxy contacts the office before coming (seed). */
  ProxyEnquiry: 'proxy-enquiry',
} as const;
export type Procedure = (typeof Procedure)[keyof typeof Procedure];
export const PROCEDURES = Object.values(Procedure);

/**
 * Where a procedure is done. `card-counter`: the seed's お近くのマイナンバーカード専用窓口・各事務所の
 * 戸籍住民係の窓口 (every office of offices.json). `registration-counter`: the resident-record
 * notifications, taken by the 戸籍住民係 of the branch offices (and the 区民課 of the main building,
 * which offices.json does not list). `hotline`: by phone. `new-municipality`: the town moved to.
 */
export const Place = {
  CardCounter: 'card-counter',
  RegistrationCounter: 'registration-counter',
  Hotline: 'hotline',
  NewMunicipality: 'new-municipality',
} as const;
export type Place = (typeof Place)[keyof typeof Place];

/** Who may do the procedure: the holder, a member of the same household, or a proxy who asked first. */
export const Presenter = {
  Holder: 'holder',
  HouseholdMember: 'household-member',
  ProxyAfterEnquiry: 'proxy-after-enquiry',
} as const;
export type Presenter = (typeof Presenter)[keyof typeof Presenter];

/** What to bring (or know) at the counter. */
export const Item = {
  Card: 'card',
  /** The card in hand is returned when a new one is made (seed: お手持ちのカードはお返しください). */
  OldCard: 'old-card',
  Photo: 'photo',
  IdentityDocuments: 'identity-documents',
  /** 警察署での受理確認書など, when R-10 says so. */
  PoliceReport: 'police-report',
  ResidenceCard: 'residence-card',
  NotificationCard: 'notification-card',
  /** 転出証明書: only when the previous town issued one (no card-based special move). */
  MoveOutCertificate: 'move-out-certificate',
  ProxyIdentity: 'proxy-identity',
  ProxyAuthority: 'proxy-authority',
} as const;
export type Item = (typeof Item)[keyof typeof Item];

export const SideEffect = {
  /** revoked on a change of name, address (in-city moves included), birth date or sex. */
  SignatureCertificateRevoked: 'signature-certificate-revoked',
  /** Corrections 2026-12 (replacing R-4's L): a loss or theft suspension puts both certificates on hold (一時保留). */
  CertificatesHeld: 'certificates-held',
  /** Corrections 2026-12: the release of a suspension revokes the held certificates; new ones on request, free. */
  HeldCertificatesRevoked: 'held-certificates-revoked',
  /** Domain: a dated entry in the notes field; when it is full a new card is needed (free). */
  FrontNoteAdded: 'front-note-added',
  /** The card stops working in the system until released at a counter. */
  CardSuspended: 'card-suspended',
  /** A new card is made and handed over later at the counter. */
  NewCardIssued: 'new-card-issued',
  /** The card ends (返納, number change, moving abroad); its certificates end with it. */
  CardEnds: 'card-ends',
  /** the card is abolished if continued use is not done in time. */
  AbolishedIfLate: 'abolished-if-late',
  /** R-7, domain: a 転入届 after the deadline means the card cannot be continued. */
  AbolishedIfMoveInLate: 'abolished-if-move-in-late',
  /** the expiry follows the period of stay, up to the standard expiry. */
  ExpiryExtended: 'expiry-extended',
} as const;
export type SideEffect = (typeof SideEffect)[keyof typeof SideEffect];

/** The deadline a procedure has, by the rule that computes it. */
export const DeadlineRule = {
  MoveIn: 'move-in',
  Continuation: 'continuation',
  RenewalWindow: 'renewal-window',
  BeforeExpiry: 'before-expiry',
} as const;
export type DeadlineRule = (typeof DeadlineRule)[keyof typeof DeadlineRule];

export interface ProcedureSpec {
  /** The Japanese term residents see on the city's page and at the counter. */
  readonly term: string;
  readonly place: Place;
  readonly whoMayCome: readonly Presenter[];
  readonly bring: readonly Item[];
  /** the PIN entered at the counter, if any. */
  readonly pinEntry: PinKind | null;
  /** the reason whose fee applies, if any. */
  readonly fee: ReissueReason | null;
  readonly deadline: DeadlineRule | null;
  readonly sideEffects: readonly SideEffect[];
  /** Where the statement comes from (docs/rules.md R-n, the seed, statute). */
  readonly source: string;
}

const HOLDER_OR_PROXY = [Presenter.Holder, Presenter.ProxyAfterEnquiry] as const;
const HOUSEHOLD = [Presenter.Holder, Presenter.HouseholdMember, Presenter.ProxyAfterEnquiry] as const;
/** Seed: 顔写真…と本人確認書類…などが必要; the card in hand is returned (except when lost). */
const NEW_CARD = [Item.OldCard, Item.Photo, Item.IdentityDocuments] as const;
const NEW_CARD_WITHOUT_OLD = [Item.Photo, Item.IdentityDocuments, Item.PoliceReport] as const;

export const PROCEDURE_TABLE = {
  application: {
    term: '交付申請',
    place: Place.CardCounter,
    whoMayCome: HOLDER_OR_PROXY,
    bring: [Item.Photo, Item.IdentityDocuments],
    pinEntry: null,
    fee: null,
    deadline: null,
    sideEffects: [SideEffect.NewCardIssued],
    source: 'docs/domain.md procedure 1; seed: 継続手続きをしない場合…廃止になります。(再交付には手数料がかかります。) — no amount named',
  },
  issuance: {
    term: 'カードの交付',
    place: Place.CardCounter,
    whoMayCome: HOLDER_OR_PROXY,
    bring: [Item.IdentityDocuments, Item.NotificationCard],
    pinEntry: null,
    fee: null,
    deadline: null,
    sideEffects: [],
    source: 'docs/domain.md procedure 1 (the PINs are set at the hand-over, R-12); seed: 平成28年1月より順次交付; 通知カードをお持ちの方は、マイナンバーカード交付時に窓口で返却してください',
  },
  'move-in-notification': {
    term: '転入届',
    place: Place.RegistrationCounter,
    whoMayCome: HOUSEHOLD,
    bring: [Item.Card, Item.IdentityDocuments, Item.MoveOutCertificate],
    pinEntry: PinKind.ResidentRegistry,
    fee: null,
    deadline: DeadlineRule.MoveIn,
    sideEffects: [SideEffect.AbolishedIfMoveInLate, SideEffect.FrontNoteAdded, SideEffect.SignatureCertificateRevoked],
    source: 'R-7; seed: 転出日から14日以内に…転入届を提出してください',
  },
  continuation: {
    term: '継続利用',
    place: Place.CardCounter,
    whoMayCome: HOUSEHOLD,
    bring: [Item.Card],
    pinEntry: PinKind.ResidentRegistry,
    fee: null,
    deadline: DeadlineRule.Continuation,
    sideEffects: [SideEffect.AbolishedIfLate],
    source: 'R-8, R-13; seed: 本人もしくは同一世帯の方が…必ず持参…暗証番号「住民基本台帳事務用(数字4文字)」',
  },
  'move-out-notification': {
    term: '転出届',
    place: Place.RegistrationCounter,
    whoMayCome: HOUSEHOLD,
    bring: [Item.IdentityDocuments],
    pinEntry: null,
    fee: null,
    deadline: null,
    sideEffects: [SideEffect.AbolishedIfLate],
    source: 'R-8 (a card not yet continued is abolished on moving out again); docs/domain.md',
  },
  'address-change-notification': {
    term: '転居届',
    place: Place.RegistrationCounter,
    whoMayCome: HOUSEHOLD,
    bring: [Item.Card, Item.IdentityDocuments],
    pinEntry: PinKind.ResidentRegistry,
    fee: null,
    deadline: null,
    sideEffects: [SideEffect.FrontNoteAdded, SideEffect.SignatureCertificateRevoked],
    source: 'seed: 住所変更のお届けをする際は、マイナンバーカードもあわせてお持ちください',
  },
  'family-register-notification': {
    term: '戸籍の届出',
    place: Place.RegistrationCounter,
    whoMayCome: HOUSEHOLD,
    bring: [Item.Card, Item.IdentityDocuments],
    pinEntry: PinKind.ResidentRegistry,
    fee: null,
    deadline: null,
    sideEffects: [SideEffect.FrontNoteAdded, SideEffect.SignatureCertificateRevoked],
    source: 'seed: 戸籍のお届け…をする際は、マイナンバーカードもあわせてお持ちください',
  },
  'front-side-change': {
    term: '券面記載事項変更',
    place: Place.RegistrationCounter,
    whoMayCome: HOUSEHOLD,
    bring: [Item.Card],
    pinEntry: PinKind.ResidentRegistry,
    fee: null,
    deadline: null,
    sideEffects: [SideEffect.FrontNoteAdded, SideEffect.SignatureCertificateRevoked],
    source: 'R-13, R-4; seed: 表面記載事項の変更',
  },
  suspension: {
    term: '一時停止',
    place: Place.Hotline,
    whoMayCome: [Presenter.Holder, Presenter.HouseholdMember],
    bring: [],
    pinEntry: null,
    fee: null,
    deadline: null,
    sideEffects: [SideEffect.CardSuspended, SideEffect.CertificatesHeld],
    source: 'R-13; seed: マイナンバー総合フリーダイヤル 0120-95-0178 (24時間365日)',
  },
  'suspension-release': {
    term: '一時停止の解除',
    place: Place.CardCounter,
    whoMayCome: HOLDER_OR_PROXY,
    bring: [Item.Card, Item.IdentityDocuments],
    pinEntry: null,
    fee: null,
    deadline: null,
    sideEffects: [SideEffect.HeldCertificatesRevoked],
    source: 'R-13; seed: 一時停止解除については、お電話で行うことができません; Corrections 2026-12 (J-LIS): the held certificates are revoked at the release',
  },
  'pin-reset': {
    term: '暗証番号の再設定（ロック解除）・変更',
    place: Place.CardCounter,
    whoMayCome: HOLDER_OR_PROXY,
    bring: [Item.Card, Item.IdentityDocuments],
    pinEntry: null,
    fee: null,
    deadline: null,
    sideEffects: [],
    source: 'R-12, R-13; seed: 暗証番号の再設定(ロック解除)を行うことができます',
  },
  'reissue-lost': {
    term: '再交付',
    place: Place.CardCounter,
    whoMayCome: HOLDER_OR_PROXY,
    bring: NEW_CARD_WITHOUT_OLD,
    pinEntry: null,
    fee: ReissueReason.Lost,
    deadline: null,
    sideEffects: [SideEffect.NewCardIssued],
    source: 'R-10, R-13; seed: 紛失…で再交付する場合(800円…さらに200円)',
  },
  'reissue-stolen': {
    term: '再交付',
    place: Place.CardCounter,
    whoMayCome: HOLDER_OR_PROXY,
    bring: NEW_CARD_WITHOUT_OLD,
    pinEntry: null,
    fee: ReissueReason.Stolen,
    deadline: null,
    sideEffects: [SideEffect.NewCardIssued],
    source: 'R-10, R-13; seed: 盗難…で再交付する場合',
  },
  'reissue-damaged': {
    term: '再交付',
    place: Place.CardCounter,
    whoMayCome: HOLDER_OR_PROXY,
    bring: NEW_CARD,
    pinEntry: null,
    fee: ReissueReason.Damaged,
    deadline: null,
    sideEffects: [SideEffect.NewCardIssued],
    source: 'R-10, R-13; seed: 破損及び券面の汚れ等で再交付する場合',
  },
  'reissue-notes-full': {
    term: '再交付',
    place: Place.CardCounter,
    whoMayCome: HOLDER_OR_PROXY,
    bring: NEW_CARD,
    pinEntry: null,
    fee: ReissueReason.NotesFull,
    deadline: null,
    sideEffects: [SideEffect.NewCardIssued],
    source: 'R-10, R-13; seed: カード表面の記載事項欄に余白がなくなった場合',
  },
  renewal: {
    term: '更新',
    place: Place.CardCounter,
    whoMayCome: HOLDER_OR_PROXY,
    bring: NEW_CARD,
    pinEntry: null,
    fee: ReissueReason.Renewal,
    deadline: DeadlineRule.RenewalWindow,
    sideEffects: [SideEffect.NewCardIssued],
    source: 'R-6, R-10, R-13; seed: 有効期間が満了する日までの期間が3か月未満となり更新する場合',
  },
  'validity-extension': {
    term: '有効期間の延長',
    place: Place.CardCounter,
    whoMayCome: HOLDER_OR_PROXY,
    bring: [Item.Card, Item.ResidenceCard],
    pinEntry: null,
    fee: null,
    deadline: DeadlineRule.BeforeExpiry,
    sideEffects: [SideEffect.ExpiryExtended],
    source: 'R-5, R-13; seed: 有効期間満了前に、在留カードとマイナンバーカードをあわせてお持ちください…新しい顔写真は不要',
  },
  return: {
    term: '返納',
    place: Place.CardCounter,
    whoMayCome: HOLDER_OR_PROXY,
    bring: [Item.Card],
    pinEntry: null,
    fee: null,
    deadline: null,
    sideEffects: [SideEffect.CardEnds],
    source: 'R-13; seed: 次の場合、マイナンバーカードをお返しください',
  },
  'number-change': {
    term: '個人番号の変更',
    place: Place.CardCounter,
    whoMayCome: HOLDER_OR_PROXY,
    bring: [Item.Card, Item.IdentityDocuments],
    pinEntry: null,
    fee: ReissueReason.NumberChange,
    deadline: null,
    sideEffects: [SideEffect.CardEnds, SideEffect.NewCardIssued],
    source: 'R-10 (fee a decision), R-13; seed: 個人番号が漏えいし不正利用の危険がある場合',
  },
  'notification-card-return': {
    term: '通知カードの返却',
    place: Place.CardCounter,
    whoMayCome: HOLDER_OR_PROXY,
    bring: [Item.NotificationCard],
    pinEntry: null,
    fee: null,
    deadline: null,
    sideEffects: [],
    source: 'R-13; seed: 通知カードをお持ちの方は、マイナンバーカード交付時に窓口で返却してください',
  },
  'signature-certificate': {
    term: '署名用電子証明書の発行申請',
    place: Place.CardCounter,
    whoMayCome: HOLDER_OR_PROXY,
    bring: [Item.Card, Item.IdentityDocuments],
    pinEntry: null,
    fee: null,
    deadline: null,
    sideEffects: [],
    source: 'R-4; seed: 引き続きご利用される方は、改めて発行申請のお手続きをしてください',
  },
  'certificate-issue': {
    term: '電子証明書の発行・更新',
    place: Place.CardCounter,
    whoMayCome: HOLDER_OR_PROXY,
    bring: [Item.Card, Item.IdentityDocuments],
    // The holder sets the certificate's new PIN on the chip; no existing PIN is entered.
    pinEntry: null,
    fee: null,
    deadline: null,
    sideEffects: [],
    source: 'R-14, R-15 (J-LIS: 電子証明書の更新・新規発行は無料; renewal from 3 months before expiry); R-13 identity documents as for every counter procedure',
  },
  'proxy-enquiry': {
    term: '代理人による手続きの事前問い合わせ',
    place: Place.CardCounter,
    whoMayCome: [Presenter.ProxyAfterEnquiry],
    bring: [Item.ProxyIdentity, Item.ProxyAuthority, Item.Card],
    pinEntry: null,
    fee: null,
    deadline: null,
    sideEffects: [],
    source: 'R-13; seed: 代理人の方がお手続きをされる場合は、必ず事前にお問い合わせください; docs/domain.md procedure 11',
  },
} as const satisfies Record<Procedure, ProcedureSpec>;

/**
 * The procedures a proxy may come for: those whose row lets a proxy who asked first come (R-13
 * `whoMayCome`), worked out from the table by the compiler, so that a change of a row changes it.
 */
export type ProxyAllowedProcedure = {
  [P in Procedure]: typeof Presenter.ProxyAfterEnquiry extends (typeof PROCEDURE_TABLE)[P]['whoMayCome'][number] ? P : never;
}[Procedure];

/** Whether R-13 lets a proxy (代理人, after the prior enquiry) come for the procedure. */
export function proxyMayCome(procedure: Procedure): procedure is ProxyAllowedProcedure {
  return (PROCEDURE_TABLE[procedure].whoMayCome as readonly Presenter[]).includes(Presenter.ProxyAfterEnquiry);
}

/**
 * The row of a new card within validity, by its R-10 reason: a dirty card is replaced as a
 * damaged one is (seed: 破損及び券面の汚れ等), a number change starts its free new card itself.
 */
export const REISSUE_PROCEDURE = {
  [ReissueReason.Lost]: Procedure.ReissueLost,
  [ReissueReason.Stolen]: Procedure.ReissueStolen,
  [ReissueReason.Damaged]: Procedure.ReissueDamaged,
  [ReissueReason.Dirty]: Procedure.ReissueDamaged,
  [ReissueReason.NotesFull]: Procedure.ReissueNotesFull,
  [ReissueReason.Renewal]: Procedure.Renewal,
  [ReissueReason.NumberChange]: Procedure.NumberChange,
} as const satisfies Record<ReissueReason, Procedure>;

/**
 * whether a holder who is represented (under 15, or an adult ward) needs the 法定代理人 for a
 * procedure. `required`: the representative acts, the holder coming along for the hand-over.
 * `unless-household-member`: continuation, where a member of the same household may still bring
 * the card. `not-needed`: the procedure follows its row of the table as for anyone (notifications
 * of the resident record have their own rules; the hotline suspends for whoever calls).
 */
export const RepresentativeNeed = {
  Required: 'required',
  UnlessHouseholdMember: 'unless-household-member',
  NotNeeded: 'not-needed',
} as const;
export type RepresentativeNeed = (typeof RepresentativeNeed)[keyof typeof RepresentativeNeed];

/**
 * R-18 (C: 番号法施行令, J-LIS 交付事務マニュアル) by procedure: application, hand-over (PIN setting),
 * PIN reset, front-side change, continuation, certificates and every new card within validity
 * (docs/api.md "Legal representatives"). A number change is asked by the representative too
 * (decision: it starts a new card, which needs one).
 */
export const LEGAL_REPRESENTATIVE_NEED = {
  application: RepresentativeNeed.Required,
  issuance: RepresentativeNeed.Required,
  'move-in-notification': RepresentativeNeed.NotNeeded,
  continuation: RepresentativeNeed.UnlessHouseholdMember,
  'move-out-notification': RepresentativeNeed.NotNeeded,
  'address-change-notification': RepresentativeNeed.NotNeeded,
  'family-register-notification': RepresentativeNeed.NotNeeded,
  'front-side-change': RepresentativeNeed.Required,
  suspension: RepresentativeNeed.NotNeeded,
  'suspension-release': RepresentativeNeed.NotNeeded,
  'pin-reset': RepresentativeNeed.Required,
  'reissue-lost': RepresentativeNeed.Required,
  'reissue-stolen': RepresentativeNeed.Required,
  'reissue-damaged': RepresentativeNeed.Required,
  'reissue-notes-full': RepresentativeNeed.Required,
  renewal: RepresentativeNeed.Required,
  'validity-extension': RepresentativeNeed.NotNeeded,
  return: RepresentativeNeed.NotNeeded,
  'number-change': RepresentativeNeed.Required,
  'notification-card-return': RepresentativeNeed.NotNeeded,
  'signature-certificate': RepresentativeNeed.Required,
  'certificate-issue': RepresentativeNeed.Required,
  'proxy-enquiry': RepresentativeNeed.NotNeeded,
} as const satisfies Record<Procedure, RepresentativeNeed>;

/**
 * Whether the 法定代理人 of a represented holder must act for `procedure`, brought by
 * `presenter`: a household member bringing the card for continuation needs none.
 */
export function legalRepresentativeNeeded(procedure: Procedure, presenter: Presenter): boolean {
  const need: RepresentativeNeed = LEGAL_REPRESENTATIVE_NEED[procedure];
  if (need === RepresentativeNeed.UnlessHouseholdMember) return presenter !== Presenter.HouseholdMember;
  return need === RepresentativeNeed.Required;
}

/** Seed: 顔写真(縦4.5センチメートル×横3.5センチメートル、最近6か月以内に撮影、正面・無背景のもの); the months are policy. */
export const PHOTO_SIZE_CM = { height: 4.5, width: 3.5 } as const;

/** Seed: マイナンバー通知カードは令和2年5月25日をもって廃止となりました。 */
export const NOTIFICATION_CARD_ABOLISHED_ON: PlainDate = plainDate('2020-05-25');
