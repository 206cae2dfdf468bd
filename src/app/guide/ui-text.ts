import type { AnswerName, Situation } from '../../domain/guide/situation.ts';

/**
 * The words of the guide's pages around the answer (labels, hints, headings, error messages), in
 * Japanese. Like the domain's sentences, each is the key of every language's catalogue.
 */
export const FIELD_LABELS = {
  moveInDate: '新しい住所に住み始めた日',
  plannedMoveOutDate: '前の市区町村に届けた転出予定日',
  moveInNotificationDate: '{municipality}に転入届を出した日',
  cardPresentedAtMoveIn: '転入届のときに、マイナンバーカードを出して暗証番号を入力しましたか',
  expiryDate: 'カードの有効期限',
  withCertificates: '新しいカードに電子証明書を入れますか',
  lostAtHome: '家の中でなくしましたか',
  birthDate: '生年月日',
  cardIssueDate: 'カードの発行日',
  currentExpiryDate: 'カードのいまの有効期限',
  newPeriodOfStayEnd: '新しい在留期間の満了日',
  currentPeriodOfStayEnd: 'いまの在留期間の満了日',
  certificateExpiryDate: '電子証明書の有効期限',
  japaneseNational: '日本国籍ですか',
} as const satisfies Record<AnswerName, string>;

export const FIELD_HINTS = {
  moveInDate: '引っ越して、新しい住所に住み始めた日です。',
  plannedMoveOutDate: '前の市区町村で転出届を出したときの予定日です。分からなければ空欄のままにしてください。',
  moveInNotificationDate: 'まだ出していなければ、空欄のままにしてください。',
  cardPresentedAtMoveIn: '転入届をもう出した人だけ答えてください。',
  expiryDate: 'カードの表面に「〇年〇月〇日まで有効」と書かれています。',
  withCertificates: 'コンビニでの証明書の取得やe-Taxなどに使う電子証明書です。',
  lostAtHome: '家の中でなくした場合は、警察の書類はいりません。',
  birthDate: 'カードに書かれている生年月日です。',
  cardIssueDate: 'カードが作られた日です。分からなければ、カードを受け取った日を入れてください。',
  currentExpiryDate: 'カードの表面に「〇年〇月〇日まで有効」と書かれています。',
  newPeriodOfStayEnd: '新しい在留カードに書かれている満了日です。',
  currentPeriodOfStayEnd: 'いまの在留カードに書かれている満了日です。',
  certificateExpiryDate: 'マイナポータルや、カードを受け取ったときの書類で確かめられます。分からなければ空欄のままにしてください。',
  japaneseNational: '国外継続利用ができるのは、日本国籍の方だけです。分からなければ空欄のままにしてください。',
} as const satisfies Record<AnswerName, string>;

/** Moving out asks the same dates from the other side of the move. */
export const MOVING_OUT_LABELS = {
  moveInDate: '新しい住所に住み始める日',
  plannedMoveOutDate: '転出予定日',
} as const satisfies Partial<Record<AnswerName, string>>;

export const MOVING_OUT_HINTS = {
  moveInDate: '分からなければ空欄のままにしてください。転出予定日に住み始めるとして計算します。',
  plannedMoveOutDate: '転出届に書く、引っ越す予定の日です。',
} as const satisfies Partial<Record<AnswerName, string>>;

/** Moving abroad asks the planned move-out date of the 国外転出届. */
export const MOVING_ABROAD_HINTS = {
  plannedMoveOutDate: '国外転出届に書く、海外へ引っ越す予定の日です。',
} as const satisfies Partial<Record<AnswerName, string>>;

export const UI_TEXT = {
  siteName: '{municipality} マイナンバーカード手続きガイド',
  skipLink: '本文へ移動',
  languageNav: '言語',
  startTitle: 'どうしましたか？',
  startIntro: 'あてはまるものを選んでください。質問に答えると、手続きの順番、窓口、持ち物、手数料、期限がわかります。',
  privacy: '入力した内容は{municipality}のサーバーに保存されません。答えはこのページのアドレス（URL）に入っているので、ブックマークや共有ができます。',
  questionsTitle: '質問に答えてください',
  required: '必須',
  optional: '任意',
  dateHint: '例：2026-07-06（年-月-日）',
  yes: 'はい',
  no: 'いいえ',
  lostAtHomeYes: 'はい、家の中でなくした',
  lostAtHomeNo: 'いいえ、家の外でなくした（またはわからない）',
  submit: '答えを見る',
  errorSummaryTitle: '入力を確認してください',
  errorPrefix: 'エラー：',
  errorRequired: '「{field}」を入力してください。',
  errorRequiredChoice: '「{field}」を選んでください。',
  errorInvalidDate: '「{field}」は、実在する日付を「年-月-日」の形（例：2026-07-06）で入力してください。',
  errorInvalidChoice: '「{field}」は「はい」か「いいえ」を選んでください。',
  errorNotBefore: '「{field}」は「{other}」より前の日付にはできません。',
  errorNeedsOther: '「{other}」に答えたときは、「{field}」も入力してください。',
  errorOutOfCalendar: '「{field}」の日付では期限を計算できません。{from}から{to}までの日付を入力してください。',
  errorNotAsked: '「{field}」はこの手続きでは使いません。',
  errorInFuture: '「{field}」が、今日（{today}）より後の日付になっています。年や月をまちがえていないか確かめてください。',
  errorFutureImpossible: '「{field}」は、今日（{today}）より後の日付にはできません。',
  confirmFuture: 'この日付で正しい（これからの予定です）',
  answersTitle: 'あなたの回答',
  changeAnswers: '回答を変更する',
  urgentTitle: 'まず、すぐにしてください',
  stepsTitle: '手続きの順番',
  deadlinesTitle: '期限',
  checklistTitle: '持ち物チェックリスト',
  feeTitle: '手数料',
  officesTitle: '窓口',
  warningsTitle: '気をつけること',
  feeCard: 'カード',
  feeCertificates: '電子証明書',
  feeTotal: '合計',
  feePolice: '警察の書類',
  needed: '必要',
  notNeededShort: 'いらない',
  yenAmount: '{amount}円',
  warekiLabel: '和暦',
  legalDate: '法律上の期限',
  seedDate: '{municipality}のホームページの案内',
  daysLeft: 'あと{count}日',
  dueToday: '今日が期限です',
  passed: 'この期限は過ぎています',
  asOf: '{date}の時点の計算です。',
  phoneLabel: '電話',
  handles: 'この窓口でできること',
  hotlineName: 'マイナンバー総合フリーダイヤル',
  hotlineHours: '24時間365日受付',
  hotlineFooter: 'カードをなくした・盗まれたときは、すぐに電話してください：',
  trainingBand: '研修用（業務日 {date}）：職員の研修のためのサイトです。日付や期限は実際のものではありません。',
  printHint: 'ブラウザーの印刷機能で印刷すると、1枚のチェックリストになります。窓口でこの画面を見せることもできます。',
  startAgain: 'ほかの手続きを見る',
  footerSource: 'このガイドは、{municipality}のマイナンバーカードのページと法令に基づいています。',
  notFoundTitle: 'ページが見つかりません',
  notFoundBody: 'アドレスを確かめるか、はじめのページから選んでください。',
  japaneseName: '日本語の名前',
  addressLabel: '住所',
  mapLink: '地図',
  hoursLabel: '受付時間',
  weekdaysHours: '平日 {hours}',
  weekendHours: '{days} {hours}',
  weekendClosed: '土日・祝日は休み',
  saturday: '土曜',
  sunday: '日曜',
  unconfirmed: '未確認の情報です。行く前に電話で確かめてください。',
  hotlineForeignTitle: '外国語の電話相談',
  hotlineForeignOffered: 'マイナンバー総合フリーダイヤル（外国語）は、この言語で相談できます。',
  hotlineForeignNotOffered: 'マイナンバー総合フリーダイヤル（外国語）は、この言語には対応していません。対応している言語：{languages}。',
  hotlineForeignHours: '平日 {weekdays}、土日祝 {weekends}（12月29日〜1月3日を除く）。紛失・盗難による一時停止は24時間365日。',
  langEn: '英語',
  langZh: '中国語',
  langKo: '韓国語',
  langEs: 'スペイン語',
  langPt: 'ポルトガル語',
  langVi: 'ベトナム語',
  metaDescription: '{title}：{municipality}のマイナンバーカードの手続きの順番、窓口、持ち物、手数料、期限。',
  feedbackTitle: 'このページについて教えてください',
  feedbackHelpful: 'このページの情報は役に立ちましたか？',
  feedbackEasy: '見つけやすかったですか？',
  feedbackComment: 'ご意見',
  feedbackCommentHint: '名前、電話番号、マイナンバーなどの個人情報は書かないでください。数字は保存しません。',
  feedbackSubmit: '送信する',
  feedbackThanks: 'ご意見ありがとうございました',
  feedbackThrottled: '短い時間に多くの送信があったため、受け付けられませんでした。時間をおいて送ってください',
  feedbackInvalid: '2つの質問の両方に答えてから送ってください',
  notAnswered: '（未回答）',
  /** The counters of a municipality whose offices file does not name its own (docs/scale.md "Several municipalities"). */
  registrationDesk: '住民登録の窓口',
  cardDesk: 'マイナンバーカードの窓口',
} as const;

export type UiTextId = keyof typeof UI_TEXT;

/**
 * The words of the guide's pickup booking pages (docs/pickup.md "Appointments"), /guide/{lang}/pickup-booking,
 * keyed like the rest by their Japanese original, so that the catalogues translate them and their
 * tests (catalogue.test.ts, glossary.test.ts) read them too. `{n}` is filled in by the page.
 */
export const PICKUP_TEXT = {
  title: 'マイナンバーカードの受け取りを予約する',
  intro: '交付通知書（はがき）が届いた方は、カードを受け取る日時をここで予約できます。予約の変更・取消しも、同じ照会番号と生年月日でできます。',
  reference: '照会番号（10けた）',
  referenceHint: '交付通知書に書かれている番号です。',
  birthDate: 'カードを受け取る方の生年月日',
  find: '空いている時間を見る',
  notFound: '照会番号と生年月日に合うカードが見つかりません。交付通知書の番号と生年月日を確かめてください。',
  typo: '照会番号が正しくありません。数字を1つ打ち間違えていないか確かめてください。',
  missing: '入力してください。',
  throttled: '入力の誤りが続いたため、しばらく受け付けを止めています。1時間ほどたってから、もう一度お試しください。急ぐ方はお電話ください。',
  notReady: 'このカードは、いま窓口でお渡しを待っている状態ではありません（すでにお受け取り済みなど）。',
  office: '受け取る窓口',
  collectBy: '受け取りの期限',
  current: 'いまの予約',
  chooseTitle: '日時を選ぶ',
  changeTitle: 'ほかの日時に変える',
  places: '残り{n}人',
  noSlots: '予約できる時間がありません。窓口にお電話ください。',
  chooseOne: '日時を1つ選んでください。',
  full: '選んだ時間は、いま満員になりました。ほかの時間を選んでください。',
  unavailable: '選んだ時間は予約できません。ほかの時間を選んでください。',
  book: 'この日時で予約する',
  booked: '予約しました',
  moved: '予約を変更しました',
  when: '日時',
  cancelCode: '取消しコード',
  keepCode: '予約を取り消すときに必要です。メモするか、このページを印刷してください。このコードは二度と表示されません。',
  bring: '当日は、交付通知書と本人確認書類をお持ちください。',
  cancelTitle: '予約を取り消す',
  cancelHint: '予約したときに表示された取消しコードを入力してください。',
  cancel: '取り消す',
  wrongCode: '取消しコードが違います。',
  cancelled: '予約を取り消しました',
  tooLate: 'この予約の時間は始まっているため、取り消せません。',
  again: '最初から',
  link: '交付通知書が届いた方：カードの受け取りを予約する',
  errorTitle: '入力を確かめてください',
} as const;

export type PickupTextKey = keyof typeof PICKUP_TEXT;

/** The label of an answer in a situation's form (moving out asks the move's dates from the other side). */
export function fieldLabel(situation: Situation, name: AnswerName): UiMessage {
  if (situation === 'moving-out' && (name === 'moveInDate' || name === 'plannedMoveOutDate')) return MOVING_OUT_LABELS[name];
  if (situation === 'moving-abroad' && name === 'plannedMoveOutDate') return MOVING_OUT_LABELS[name];
  return FIELD_LABELS[name];
}

export function fieldHint(situation: Situation, name: AnswerName): UiMessage {
  if (situation === 'moving-out' && (name === 'moveInDate' || name === 'plannedMoveOutDate')) return MOVING_OUT_HINTS[name];
  if (situation === 'moving-abroad' && name === 'plannedMoveOutDate') return MOVING_ABROAD_HINTS[name];
  return FIELD_HINTS[name];
}

export type UiMessage =
  | (typeof FIELD_LABELS)[AnswerName]
  | (typeof FIELD_HINTS)[AnswerName]
  | (typeof MOVING_OUT_LABELS)[keyof typeof MOVING_OUT_LABELS]
  | (typeof MOVING_OUT_HINTS)[keyof typeof MOVING_OUT_HINTS]
  | (typeof MOVING_ABROAD_HINTS)[keyof typeof MOVING_ABROAD_HINTS]
  | (typeof UI_TEXT)[UiTextId]
  | (typeof PICKUP_TEXT)[PickupTextKey];

export const UI_MESSAGES: readonly UiMessage[] = [
  ...new Set<UiMessage>([
    ...Object.values(FIELD_LABELS),
    ...Object.values(FIELD_HINTS),
    ...Object.values(MOVING_OUT_LABELS),
    ...Object.values(MOVING_OUT_HINTS),
    ...Object.values(MOVING_ABROAD_HINTS),
    ...Object.values(UI_TEXT),
    ...Object.values(PICKUP_TEXT),
  ]),
];
