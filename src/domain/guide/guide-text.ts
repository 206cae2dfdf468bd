import type { ClosureReason } from '../../rules/calendar.ts';
import { PROCEDURE_TABLE, type Item, type Procedure } from '../../rules/procedures.ts';
import type { Office } from '../office.ts';
import type { Situation, SituationGroupId } from './situation.ts';

/**
 * The guide's sentences in Japanese, as the city's page words them. Each is the key of every
 * language's catalogue (src/app/guide/catalogue), so a translation is always of the original.
 * `{name}` is a parameter filled in per answer: a date, an amount, a count or a phone number.
 * `{municipality}`, `{registrationDesk}` and `{cardDesk}` name the municipality and its counters,
 * from its offices file, so that the texts fit any 区, 市, 町 or 村 (docs/scale.md "Several
 * municipalities"); the guide fills them in wherever a text is shown.
 */
export const SITUATION_TITLES = {
  'card-ready': 'カードができた・受け取りを予約したい（交付通知書が届いた）',
  'moved-in': '{municipality}に引っ越してきた（転入）',
  'moving-out': '{municipality}から引っ越す（転出）',
  'moving-abroad': '海外に引っ越す（国外転出）',
  'address-changed': '{municipality}の中で住所が変わった（転居）',
  'name-changed': '氏名が変わった',
  lost: 'カードをなくした',
  stolen: 'カードを盗まれた',
  found: '一時停止したカードが見つかった',
  'pin-locked': '暗証番号を忘れた・ロックされた',
  'pin-change': '暗証番号を変更したい',
  damaged: 'カードが壊れた・汚れた',
  'notes-full': 'カードの追記欄に余白がない',
  expiring: 'カードの有効期限が近い',
  certificate: '電子証明書の有効期限が近い・失効した・15歳になった',
  'period-of-stay-renewed': '在留期間が更新された（外国人住民）',
  'period-of-stay-pending': '在留期間の更新を申請中（外国人住民）',
  'not-needed': 'カードがいらなくなった',
  'number-leaked': 'マイナンバーが漏れたおそれがある',
  'notification-card': '通知カードを持っている',
  proxy: '代理人が手続きに行く',
} as const satisfies Record<Situation, string>;

export const GROUP_TITLES = {
  pickup: 'カードの受け取り',
  moving: '引っ越し・住所・氏名',
  lost: 'なくした・盗まれた・見つかった',
  pin: '暗証番号',
  'new-card': 'カードの作り直し・更新',
  certificate: '電子証明書',
  foreign: '外国人住民の方',
  other: 'そのほか',
} as const satisfies Record<SituationGroupId, string>;

/** R-13 terms, shown beside each office that handles them; keyed by the table's own Japanese. */
export type ProcedureTerm = (typeof PROCEDURE_TABLE)[Procedure]['term'];

export const ITEM_TEXT = {
  card: 'マイナンバーカード',
  'old-card': 'いま持っているマイナンバーカード（窓口で返します）',
  photo: '顔写真1枚（縦{height}cm×横{width}cm、最近{months}か月以内に撮影、正面・無背景）',
  'identity-documents':
    '本人確認書類（「氏名・住所」または「氏名・生年月日」が書かれたもの）：顔写真付き（運転免許証、パスポート、在留カードなど）なら1点、顔写真なし（資格確認書、年金手帳など）なら2点。紙の健康保険証は{from}から使えません',
  'police-report': '警察署での受理確認書など、紛失・盗難を届け出たことがわかる書類（受理番号）',
  'residence-card': '在留カード',
  'notification-card': '通知カード（持っている人だけ。マイナンバーカードを受け取るときに返します）',
  'move-out-certificate': '転出証明書（前の市区町村で受け取った人だけ）',
  'proxy-identity': '代理人の本人確認書類',
  'proxy-authority': '委任状など、代理人であることがわかる書類（事前の問い合わせで確認してください）',
} as const satisfies Record<Item, string>;

/** Checklist lines that are not things of the R-13 table: the PIN to know, the money to bring. */
export const CHECK_TEXT = {
  pinResidentRegistry: '暗証番号「住民基本台帳事務用」（数字4桁）を覚えておく（窓口で入力します）',
  newResidenceCard: '新しい在留カード',
  pendingResidenceCard: '在留カード（裏面に在留期間更新の申請中と書かれたもの）',
  fee: '手数料 {total}',
  pickupNotice: '交付通知書（届いたはがき）',
  legalRepresentative:
    '15歳未満の人と成年被後見人は、一緒に来る法定代理人の本人確認書類と、法定代理人であることがわかる書類（戸籍謄本や登記事項証明書など）',
} as const;

export const OFFICE_KIND_TEXT = {
  'card-center': 'マイナンバーカード交付センター',
  'card-counter': 'マイナンバーカード専用窓口',
  'branch-office': '支所・事務所の窓口',
} as const satisfies Record<Office['kind'], string>;

export const CLOSURE_TEXT = {
  saturday: '土曜日',
  sunday: '日曜日',
  'national-holiday': '祝日',
  'year-end': '年末年始の休み',
} as const satisfies Record<ClosureReason, string>;

export const DEADLINE_TITLES = {
  moveIn: '転入届の期限',
  moveInThere: '引っ越し先での転入届の期限',
  continuation: 'カードの継続利用の期限',
  renewalOpens: '更新ができるようになる日',
  cardExpiry: 'カードの有効期限',
  extendBy: '延長の手続きの期限（いまの有効期限）',
  extension: '延長後の有効期限',
  specialPeriod: '申請中に延長できる有効期限',
  certRenewalOpens: '電子証明書の更新ができるようになる日',
  certExpiry: '電子証明書の有効期限',
  abroadKeepBy: '国外継続利用の期限',
  abroadAbolishes: 'カードが廃止になる日（転出予定日）',
} as const;

export const TEXT = {
  // Urgent
  callHotline:
    'まず、すぐにマイナンバー総合フリーダイヤル（{phone}、24時間365日受付）に電話して、カードの機能を一時停止してください。一時停止すると、そのカードはシステム上で使えなくなります。',
  // A card ready to collect (R-13 issuance, R-19; docs/pickup.md)
  pickupBook:
    '交付通知書が届いたら、カードを受け取る日時を予約してください。予約には、交付通知書に書かれている照会番号と生年月日を使います。予約の変更や取消しもできます。',
  pickupCome: '予約した日時に、カードを受け取る本人が、交付通知書に書かれている窓口へ来てください。',
  pickupPins: '受け取るときに、窓口でカードの暗証番号を設定します。',
  pickupCollectBy: 'カードを受け取れるのは、カードが窓口に届いた日から{months}か月後の前日までです。この日は、交付通知書に「受け取りの期限」として書かれています。',
  pickupDiscard: '期限までに受け取らないと、カードは廃棄されます。そのあとは、もう一度交付申請をしてください（手数料はかかりません）。',
  pickupReminder: 'カードが届いてから{months}か月たっても受け取っていない人には、もう一度お知らせ（再通知）を送ります。',
  placePickup: 'カードは、申請のときに選んだ窓口に届いています。交付通知書に書かれている窓口で受け取ってください。',
  // Moving in
  moveInFile:
    '新しい住所に住み始めた日から{days}日以内に、{registrationDesk}で転入届を出してください。期限の日付は「期限」を見てください。',
  moveInBringCard:
    '転入届のときに、本人か同じ世帯の人が、マイナンバーカードを必ず持って行ってください。窓口で暗証番号「住民基本台帳事務用」（数字4桁）を入力すると、カードの継続利用の手続きができ、カード表面に新しい住所が書き込まれます。',
  householdAskPin: '同じ世帯の人が行くときは、あらかじめ本人に暗証番号を確認しておいてください。',
  continuationWithin: 'カードを持って行けなかったときは、転入届を出した日から{days}日以内に、必ずカードの継続利用の手続きをしてください。',
  continuationBy:
    '{date}までに、マイナンバーカードを持ってお近くの窓口へ行き、継続利用の手続きをしてください。暗証番号「住民基本台帳事務用」（数字4桁）を入力します。',
  continuationDone: '転入届のときにカードを出して暗証番号を入力したので、継続利用の手続きは済んでいます。カードはそのまま使えます。',
  moveInLate:
    '転入届の期限（{date}）を過ぎています。すぐに転入届を出してください。カードは継続して使えず廃止になるため、新しいカードの申請が必要です（手数料がかかります）。',
  filedInTime: '転入届は{filed}に出したので、期限（{date}）に間に合っています。',
  filedLate: '転入届を出した日（{filed}）が期限（{date}）より後だったため、カードは継続して使えず、廃止になります。新しいカードを申請してください（手数料がかかります）。',
  continuationLapsed: '継続利用の期限（{date}）を過ぎたため、カードは廃止になりました。新しいカードを申請してください（手数料がかかります）。',
  // Moving out
  moveOutFile: '{registrationDesk}で転出届を出してください。',
  moveOutKeepCard: 'マイナンバーカードは返さずに、引っ越し先へ持って行ってください。一部の場合を除いて、引っ越し先でもそのまま使い続けられます。',
  moveOutFileThere:
    '引っ越し先の市区町村に、{date}までに転入届を出してください。そのとき、マイナンバーカードを持って行き、暗証番号「住民基本台帳事務用」（数字4桁）を入力します。',
  moveOutContinueThere: 'その後、転入届を出した日から{days}日以内に、引っ越し先で必ずカードの継続利用の手続きをしてください。しないとカードは廃止になります。',
  moveOutPending: '{municipality}に転入したあと、まだ継続利用の手続きをしていないカードは、転出すると廃止になります。',
  // Moving abroad
  abroadFile: '{registrationDesk}で、海外への転出届を出してください。',
  abroadKeep:
    '日本国籍の方は、転出予定日の前日（{date}）までに窓口で「国外継続利用」の手続きをすると、カードを海外でも使い続けられます。国外転出届と一緒に、またはその後に手続きしてください。',
  abroadKeepEffects:
    '国外継続利用をすると、カードの表面に「国外転出」と日付が書かれます。署名用電子証明書は転出日（{date}）に失効します。海外に住む人のための署名用電子証明書を改めて発行できます。利用者証明用電子証明書はそのまま使えます。',
  abroadKeepTooLate: '国外継続利用の手続きは、転出予定日の前日（{date}）までです。この期限を過ぎたため、国外継続利用はできません。',
  abroadAbolished: '国外継続利用をしない場合（外国籍の方を含みます）、カードは転出予定日の{date}に廃止になります。その日まではカードを使えます。',
  abroadReturn: '廃止になったカードは、お近くの{cardDesk}に返してください（返納）。',
  // Address and name
  addressFile: '{registrationDesk}で住所変更（転居届）を出すとき、マイナンバーカードも一緒に持って行ってください。届出は、引っ越した日から14日以内です。',
  frontAddress: '窓口で暗証番号「住民基本台帳事務用」（数字4桁）を入力すると、カード表面の記載事項欄（追記欄）に新しい住所が書き込まれます。',
  nameFile: '戸籍の届出（婚姻届など）や氏名の変更の届出をするとき、マイナンバーカードも一緒に持って行ってください。',
  frontName: '窓口で暗証番号「住民基本台帳事務用」（数字4桁）を入力すると、カード表面の記載事項欄（追記欄）に新しい氏名が書き込まれます。',
  signatureReapply: '署名用電子証明書を使う人は、窓口で改めて発行の申請をしてください。',
  // Loss and theft
  policeLost:
    '警察署か交番に遺失届を出し、受理番号を控えてください。新しいカードを申請するときに、警察署での受理確認書など、届け出たことがわかる書類が必要です。',
  policeStolen: '警察署に盗難届を出し、受理番号を控えてください。新しいカードを申請するときに、警察署での受理確認書など、届け出たことがわかる書類が必要です。',
  noPoliceAtHome: '家の中でなくした場合は、警察の書類はいりません。',
  ifFoundRelease: 'カードが見つかったら、一時停止の解除が必要です。解除は電話ではできません。お近くの窓口で手続きしてください。',
  reissueIfNotFound: 'カードが見つからないときは、お近くの{cardDesk}で、新しいカード（再交付）を申請してください。',
  // Found
  releaseAtCounter:
    'カードと本人確認書類を持って、お近くの{cardDesk}へ行き、一時停止の解除を申し出てください。',
  signatureAfterSuspension:
    '一時停止で一時保留になった電子証明書（署名用・利用者証明用の両方）は、解除のときに窓口で失効します。続けて使う場合は、その窓口で新しい電子証明書を発行してもらえます（無料）。',
  foundAfterReissue: 'すでに新しいカードを申請した場合は、見つかった古いカードは使えません。窓口に返してください。',
  // PIN
  pinResetCounter: 'お近くの{cardDesk}で、暗証番号の再設定（ロック解除）ができます。',
  pinChangeCounter: 'お近くの{cardDesk}で、暗証番号を変更できます。',
  pinDecideNew:
    '新しい暗証番号を決めておいてください。数字4桁の暗証番号（利用者証明用・住民基本台帳事務用・券面事項入力補助用）は同じ番号でもかまいません。署名用電子証明書の暗証番号は、英字（大文字のA〜Z）と数字で6〜16文字です。英字と数字の両方を使います。',
  pinLockCounts: '数字4桁の暗証番号は{short}回、署名用電子証明書の暗証番号は{long}回続けて間違えると、ロックされます。',
  convenienceReset: 'コンビニでの暗証番号の初期化サービスも始まっています。詳しくは{municipality}のホームページをご覧ください。',
  // A new card
  reissueAtCounter: 'お近くの{cardDesk}で、新しいカード（再交付）を申請してください。',
  notesFullNewCard:
    'カード表面の記載事項欄（追記欄）に余白がなくなったときは、有効期間内でも新しいカードを作ります。お近くの{cardDesk}で申請してください。',
  returnOldCard: 'いま持っているカードは、窓口で返してください。',
  newCardLater: '新しいカードは後日できあがり、窓口で受け取ります。受け取るときに暗証番号を設定します。',
  feeTotal: '手数料は{total}です。',
  feeNone: '手数料はかかりません。',
  applyNewCard: 'お近くの{cardDesk}で、新しいカードを申請してください。',
  // Renewal
  renewFrom: '{date}から更新（新しいカードの申請）ができます。有効期限まで{months}か月未満になると更新できます。',
  renewNow: 'いま更新（新しいカードの申請）ができます。有効期限の{date}までに、お近くの{cardDesk}で申請してください。',
  expiredReturnApply: 'カードの有効期限（{date}）は過ぎています。期限が切れたカードは窓口に返し、新しいカードを申請してください。',
  foreignSeeExtension:
    '在留期間に合わせて有効期限が決まっている外国人住民の方は、在留期間の更新に合わせて有効期限を延長できます（「在留期間が更新された」を選んでください）。',
  certificatesOwnExpiry: '電子証明書の有効期限はカードとは別で、発行日から{count}回目の誕生日までです。',
  // Electronic certificates
  certRenewFrom: '電子証明書は{date}から更新できます。有効期限まで{months}か月未満になると、窓口で更新できます。',
  certRenewNow: 'いま電子証明書を更新できます。有効期限の{date}までに、お近くの窓口で手続きしてください。',
  certExpiredIssue: '電子証明書の有効期限（{date}）は過ぎています。更新ではなく、窓口で新しく発行します。手続きは同じです。',
  certAtCounter:
    'マイナンバーカードと本人確認書類を持って、お近くの{cardDesk}へ行ってください。電子証明書の更新・発行は無料です。',
  certSetPin:
    '窓口で、電子証明書の暗証番号をカードに設定します。署名用電子証明書は英字（大文字のA〜Z）と数字で6〜16文字、利用者証明用電子証明書は数字4桁です。',
  certRevokedAgain: '住所や氏名が変わって署名用電子証明書が失効したときも、同じ窓口で新しく発行できます。',
  certTurned15: '署名用電子証明書は、15歳になると発行できます。15歳未満の人は、利用者証明用電子証明書だけです。',
  certNoWard: '成年被後見人の方には、署名用電子証明書は発行されません。',
  certNewExpiry: '新しい電子証明書の有効期限は、発行日から{count}回目の誕生日までです。ただし、カードの有効期限より後にはなりません。',
  // Period of stay
  extendBring:
    '{date}（カードの有効期限）までに、新しい在留カードとマイナンバーカードを一緒に持って、お近くの{cardDesk}で有効期限の延長を申請してください。',
  noNewPhoto: '新しい顔写真はいりません。',
  extendUntil: '延長すると、カードは{date}まで使えます。',
  extendCeiling: 'カードの有効期限は、在留期間が長くても、発行日から{count}回目の誕生日（{date}）までです。その後は更新（新しいカードの申請）をしてください。',
  extensionExpired: 'カードの有効期限（{date}）が過ぎているため、延長はできません。カードを窓口に返し、新しいカードを申請してください（顔写真が必要です）。',
  nothingToExtend: 'カードはすでに{date}まで有効です。いまは延長の手続きはいりません。',
  cappedNoExtension:
    'カードの有効期限は、発行日から{count}回目の誕生日の{date}までで、これより延長することはできません。引き続きカードを使うには、更新（新しいカードの申請）が必要です。',
  pendingBring:
    '{date}（カードの有効期限）までに、在留カード（裏面に申請中と書かれたもの）とマイナンバーカードを一緒に持って、お近くの{cardDesk}で有効期限の延長を申請してください。',
  pendingUntil: '申請中のあいだは、いまの在留期間の満了日から{months}か月後の{date}まで延長できます（特例期間）。',
  afterDecision: '結果が出て新しい在留カードを受け取ったら、もう一度、在留カードとマイナンバーカードを持って延長の手続きをしてください。',
  // Return
  returnCard: 'お近くの{cardDesk}で、マイナンバーカードを返してください（返納）。',
  returnExpired: '有効期限が切れたカードも、窓口に返してください。',
  // Number change
  numberChangeAsk:
    'マイナンバー（個人番号）が漏れて、不正に使われるおそれがあるときは、個人番号を変更できる場合があります。まず、お近くの{cardDesk}に問い合わせてください。',
  numberChangeDecided: '変更するかどうかは、{municipality}が事情を確認して決めます。',
  numberChangeNewCard: '個人番号が変わると、いまのカードは使えなくなり（廃止）、新しい番号のカードを作ります。新しい顔写真はいりません。',
  lostAlsoCall: 'カードをなくした・盗まれた場合は、先にマイナンバー総合フリーダイヤル（{phone}）に電話して、カードを一時停止してください。',
  // Notification card
  notificationAbolished: '通知カードは{date}に廃止されました。新しく発行したり、記載事項を変更したりすることはできません。',
  notificationReturn: '通知カードを持っている人は、マイナンバーカードを受け取るときに窓口で返してください。',
  notificationLost: '通知カードをなくした場合は、別の手続きが必要です。{municipality}のホームページの案内をご覧ください。',
  // Proxy
  proxyAskFirst:
    '本人の代わりに代理人が手続きをするときは、必ず事前に、行く予定の窓口へ電話で問い合わせてください。必要な書類（委任状など）は、そのときに確認してください。',
  proxyApproval: '代理人による手続きは、{municipality}が確認してから受け付けます。',
  proxyHousehold: '転入のときのカードの継続利用は、同じ世帯の人もできます。その場合は、あらかじめ本人に暗証番号を確認してください。',
  // Who may come, where
  whoHousehold: '本人か、同じ世帯の人が手続きできます。',
  whoProxyAsk: '代理人が手続きをする場合は、必ず事前に窓口へお問い合わせください。',
  whoRepresented:
    '15歳未満の人と成年被後見人は、法定代理人（親権者・成年後見人）が一緒に来て手続きします。法定代理人の本人確認書類と、法定代理人とわかる書類（戸籍謄本など）も必要です。任意代理人（委任状による代理人）はできません。',
  askCounter: '詳しくは、お越しになる窓口へお問い合わせください。',
  placeRegistration: '転入届・転出届・転居届・戸籍の届出は、{registrationDesk}で受け付けます。マイナンバーカード専用の窓口では受け付けません。',
  placeCard: 'マイナンバーカードの手続きは、お近くの{cardDesk}でできます。',
  placeNewMunicipality: '引っ越し先での転入届と継続利用の手続きは、引っ越し先の市区町村の窓口でします。',
  // Warnings
  signatureRevoked:
    '署名用電子証明書の発行を受けている人は、住所や氏名が変わると、署名用電子証明書が自動で失効します。引き続き使う場合は、改めて発行の申請をしてください。',
  notesFullFree: 'カード表面の記載事項欄（追記欄）に余白がないときは、新しいカードを作ります。手数料はかかりません。',
  notesFullFee: 'カード表面の記載事項欄（追記欄）に余白がないときは、新しいカードを作ります。手数料は{total}です。',
  suspensionRevokes: '一時停止すると、署名用電子証明書と利用者証明用電子証明書（マイナ保険証、コンビニでの証明書の取得、マイナポータルに使うもの）は一時保留になります。窓口で一時停止を解除すると保留中の電子証明書は失効し、希望すれば無料で新しく発行できます。',
  noPhoneRelease: '一時停止の解除は、電話ではできません。必ず窓口で手続きしてください。',
  numberChangePossible: 'マイナンバーが漏れて不正に使われるおそれがあるときは、個人番号を変更できる場合があります。',
  cardEndsCertificates: 'カードを返すと、カードに入っている電子証明書も使えなくなります。',
  numberStays: 'カードを返しても、マイナンバー（個人番号）そのものは変わりません。',
  foreignResidenceCard: '外国人住民の方は、在留カードも必ず持って行ってください。新しい住所が在留カードに書き込まれます。',
  lateFine: '転入届が期限より遅れると、正当な理由がない場合、過料を科されることがあります。',
  // Deadlines: notes and consequences
  seedAdvice: '{municipality}のホームページの案内は「転出日から14日以内に転入届を提出してください」です。転出予定日から数えると{date}で、法律上の期限より早い日です。',
  lastOpenDayBefore: '{closedDate}は{municipality}の窓口が閉まっている日（{reason}）です。有効期限は動かないため、窓口で手続きできる最後の日は{date}です。',
  closedDayShift: '{closedDate}は{municipality}の窓口が閉まっている日（{reason}）なので、法律上の期限は次の開庁日の{date}です。',
  capByPlannedMoveOut: '転出予定日（{plannedDate}）から{days}日を過ぎると、カードを持ったまま引っ越す特例が使えなくなるため、期限は{date}です。',
  legalCounts: '期限に間に合ったかどうかは、法律上の期限で決まります。できるだけ早めに出してください。',
  moveInConsequence:
    '期限を過ぎてから転入届を出すと、カードは継続して使えず、廃止になります。新しいカードの申請が必要で、手数料がかかります。正当な理由なく遅れると、過料を科されることがあります。',
  continuationConsequence: '期限までに継続利用の手続きをしないと、{date}にカードが廃止になります。再交付には手数料がかかります。',
  renewalOpensConsequence: 'この日から有効期限の日まで、窓口で更新（新しいカードの申請）ができます。それより前は更新できません。',
  cardExpiryConsequence: 'この日を過ぎると、カードは使えなくなります。期限が切れたカードは窓口に返してください。',
  extendByConsequence: 'この日までに延長の手続きをしてください。過ぎると延長はできず、新しいカードの申請（顔写真が必要）になります。',
  extensionConsequence: '延長の手続きをすると、カードはこの日まで使えます。',
  certRenewalOpensConsequence: 'この日から有効期限の日まで、窓口で電子証明書を更新できます。',
  certExpiryConsequence:
    'この日を過ぎると、電子証明書は使えなくなります（マイナ保険証、コンビニでの証明書の取得、e-Taxなど）。その後は窓口で新しく発行します。',
  abroadKeepByConsequence: 'この日を過ぎると国外継続利用はできず、カードは転出予定日に廃止になります。',
  abroadAbolishesConsequence: '国外継続利用をしなかったカードは、この日に廃止になります。',
  specialPeriodConsequence: '申請中のあいだに延長できるのは、この日までです。結果が出たら、新しい在留カードを持って、もう一度延長の手続きをしてください。',
} as const;

export type TextId = keyof typeof TEXT;

/** Every Japanese original the domain says; the catalogues are keyed by exactly these. */
export type GuideMessage =
  | (typeof SITUATION_TITLES)[Situation]
  | (typeof GROUP_TITLES)[SituationGroupId]
  | ProcedureTerm
  | (typeof ITEM_TEXT)[Item]
  | (typeof CHECK_TEXT)[keyof typeof CHECK_TEXT]
  | (typeof OFFICE_KIND_TEXT)[Office['kind']]
  | (typeof CLOSURE_TEXT)[ClosureReason]
  | (typeof DEADLINE_TITLES)[keyof typeof DEADLINE_TITLES]
  | (typeof TEXT)[TextId];

/** The same originals as a list, for the catalogues and their tests. */
export const GUIDE_MESSAGES: readonly GuideMessage[] = [
  ...new Set<GuideMessage>([
    ...Object.values(SITUATION_TITLES),
    ...Object.values(GROUP_TITLES),
    ...Object.values(PROCEDURE_TABLE).map((spec): ProcedureTerm => spec.term),
    ...Object.values(ITEM_TEXT),
    ...Object.values(CHECK_TEXT),
    ...Object.values(OFFICE_KIND_TEXT),
    ...Object.values(CLOSURE_TEXT),
    ...Object.values(DEADLINE_TITLES),
    ...Object.values(TEXT),
  ]),
];
