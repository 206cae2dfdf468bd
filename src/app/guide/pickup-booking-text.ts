import type { Lang } from './lang.ts';

type Text = Readonly<Record<Lang, string>>;

/**
 * The words of the guide's pickup booking pages (docs/pickup.md "Appointments") in the guide's six
 * languages. Kept together here rather than in the situation catalogues: the pages are forms of
 * their own, and each sentence is short. `{name}` marks are filled in by the page.
 */
export const PICKUP_TEXT = {
  title: {
    ja: 'マイナンバーカードの受け取りを予約する',
    'ja-easy': 'マイナンバーカードを うけとる 日と 時間を よやくする',
    en: 'Book a time to collect your My Number Card',
    'zh-Hans': '预约领取个人编号卡',
    ko: '마이넘버카드 수령 예약',
    vi: 'Đặt lịch nhận thẻ My Number',
  },
  intro: {
    ja: '交付通知書（はがき）が届いた方は、カードを受け取る日時をここで予約できます。予約の変更・取消しも、同じ照会番号と生年月日でできます。',
    'ja-easy': '「交付通知書」という はがきが とどいた 人は、ここで カードを うけとる 日と 時間を よやくできます。よやくを かえるときや やめるときも、おなじ 番号と たんじょうびを いれてください。',
    en: 'If you have received your pickup notice («交付通知書»), you can book a time to collect your card here. To change or cancel a booking, enter the same reference number and date of birth.',
    'zh-Hans': '收到领取通知书（«交付通知書»）的人，可以在这里预约领卡时间。更改或取消预约时，也请输入同样的查询号码和出生日期。',
    ko: '교부통지서(«交付通知書»)를 받으신 분은 여기에서 카드 수령 일시를 예약할 수 있습니다. 예약 변경·취소도 같은 조회번호와 생년월일로 할 수 있습니다.',
    vi: 'Nếu bạn đã nhận được thông báo nhận thẻ («交付通知書»), bạn có thể đặt lịch nhận thẻ tại đây. Để đổi hoặc hủy lịch, hãy nhập cùng số tra cứu và ngày sinh.',
  },
  reference: {
    ja: '照会番号（10けた）',
    'ja-easy': '照会番号（しょうかいばんごう・10けたの 数字）',
    en: 'Reference number («照会番号», 10 digits)',
    'zh-Hans': '查询号码（«照会番号»，10位数字）',
    ko: '조회번호(«照会番号», 10자리)',
    vi: 'Số tra cứu («照会番号», 10 chữ số)',
  },
  referenceHint: {
    ja: '交付通知書に書かれている番号です。',
    'ja-easy': '交付通知書に かいてある 番号です。',
    en: 'It is printed on your pickup notice.',
    'zh-Hans': '印在领取通知书上。',
    ko: '교부통지서에 적혀 있는 번호입니다.',
    vi: 'Số này được in trên thông báo nhận thẻ.',
  },
  birthDate: {
    ja: 'カードを受け取る方の生年月日',
    'ja-easy': 'カードを うけとる 人の たんじょうび',
    en: 'Date of birth of the card holder',
    'zh-Hans': '持卡人的出生日期',
    ko: '카드 소지자의 생년월일',
    vi: 'Ngày sinh của chủ thẻ',
  },
  find: { ja: '空いている時間を見る', 'ja-easy': 'あいている 時間を みる', en: 'See free times', 'zh-Hans': '查看可预约时间', ko: '예약 가능한 시간 보기', vi: 'Xem giờ còn trống' },
  notFound: {
    ja: '照会番号と生年月日に合うカードが見つかりません。交付通知書の番号と生年月日を確かめてください。',
    'ja-easy': 'その 番号と たんじょうびの カードが ありません。はがきの 番号と たんじょうびを もういちど みてください。',
    en: 'No card waiting for collection matches this reference number and date of birth. Please check both against your pickup notice.',
    'zh-Hans': '找不到与该查询号码和出生日期相符的卡。请核对领取通知书上的号码和出生日期。',
    ko: '조회번호와 생년월일에 맞는 카드를 찾을 수 없습니다. 교부통지서의 번호와 생년월일을 확인해 주십시오.',
    vi: 'Không tìm thấy thẻ khớp với số tra cứu và ngày sinh này. Vui lòng kiểm tra lại với thông báo nhận thẻ.',
  },
  typo: {
    ja: '照会番号が正しくありません。数字を1つ打ち間違えていないか確かめてください。',
    'ja-easy': '番号が まちがっています。数字を もういちど みてください。',
    en: 'This reference number is not valid: a digit may be mistyped.',
    'zh-Hans': '查询号码不正确，可能输错了一位数字。',
    ko: '조회번호가 올바르지 않습니다. 숫자를 잘못 입력하지 않았는지 확인해 주십시오.',
    vi: 'Số tra cứu không hợp lệ: có thể bạn đã gõ sai một chữ số.',
  },
  missing: { ja: '入力してください。', 'ja-easy': 'いれてください。', en: 'Please fill this in.', 'zh-Hans': '请填写。', ko: '입력해 주십시오.', vi: 'Vui lòng điền thông tin này.' },
  throttled: {
    ja: '入力の誤りが続いたため、しばらく受け付けを止めています。1時間ほどたってから、もう一度お試しください。急ぐ方はお電話ください。',
    'ja-easy': 'まちがいが おおかったので、しばらく つかえません。1時間 たってから もういちど してください。いそぐ 人は でんわを してください。',
    en: 'After several unsuccessful attempts, booking from your connection is paused. Please try again in about an hour, or call us.',
    'zh-Hans': '由于多次输入错误，暂时无法受理。请约1小时后再试，或致电咨询。',
    ko: '입력 오류가 계속되어 잠시 접수를 중지했습니다. 1시간 정도 지난 후 다시 시도하시거나 전화해 주십시오.',
    vi: 'Do nhập sai nhiều lần, việc đặt lịch tạm dừng. Vui lòng thử lại sau khoảng 1 giờ hoặc gọi điện cho chúng tôi.',
  },
  notReady: {
    ja: 'このカードは、いま窓口でお渡しを待っている状態ではありません（すでにお受け取り済みなど）。',
    'ja-easy': 'この カードは もう うけとったか、いま まどぐちに ありません。',
    en: 'This card is no longer waiting at a counter (it may already have been collected).',
    'zh-Hans': '这张卡目前不在窗口等待领取（可能已经领取）。',
    ko: '이 카드는 현재 창구에서 수령을 기다리는 상태가 아닙니다(이미 수령하신 경우 등).',
    vi: 'Thẻ này không còn chờ tại quầy (có thể đã được nhận).',
  },
  office: { ja: '受け取る窓口', 'ja-easy': 'うけとる まどぐち', en: 'Where to collect', 'zh-Hans': '领取窗口', ko: '수령 창구', vi: 'Nơi nhận thẻ' },
  collectBy: { ja: '受け取りの期限', 'ja-easy': 'うけとる きげん', en: 'Collect by', 'zh-Hans': '领取期限', ko: '수령 기한', vi: 'Hạn nhận thẻ' },
  current: { ja: 'いまの予約', 'ja-easy': 'いまの よやく', en: 'Your booking', 'zh-Hans': '当前预约', ko: '현재 예약', vi: 'Lịch hẹn hiện tại' },
  chooseTitle: { ja: '日時を選ぶ', 'ja-easy': '日と 時間を えらぶ', en: 'Choose a time', 'zh-Hans': '选择时间', ko: '일시 선택', vi: 'Chọn thời gian' },
  changeTitle: { ja: 'ほかの日時に変える', 'ja-easy': 'ほかの 日と 時間に かえる', en: 'Change to another time', 'zh-Hans': '改为其他时间', ko: '다른 일시로 변경', vi: 'Đổi sang giờ khác' },
  places: { ja: '残り{n}人', 'ja-easy': 'あと {n}人', en: '{n} left', 'zh-Hans': '剩余{n}名', ko: '잔여 {n}명', vi: 'còn {n} chỗ' },
  noSlots: {
    ja: '予約できる時間がありません。窓口にお電話ください。',
    'ja-easy': 'よやくできる 時間が ありません。まどぐちに でんわを してください。',
    en: 'There are no free times to book. Please call the counter.',
    'zh-Hans': '没有可预约的时间。请致电窗口。',
    ko: '예약 가능한 시간이 없습니다. 창구로 전화해 주십시오.',
    vi: 'Không còn giờ trống. Vui lòng gọi điện cho quầy.',
  },
  chooseOne: { ja: '日時を1つ選んでください。', 'ja-easy': '日と 時間を 1つ えらんでください。', en: 'Please choose a time.', 'zh-Hans': '请选择一个时间。', ko: '일시를 하나 선택해 주십시오.', vi: 'Vui lòng chọn một thời gian.' },
  full: {
    ja: '選んだ時間は、いま満員になりました。ほかの時間を選んでください。',
    'ja-easy': 'えらんだ 時間は いっぱいに なりました。ほかの 時間を えらんでください。',
    en: 'The time you chose has just filled up. Please choose another.',
    'zh-Hans': '您选择的时间刚刚约满，请选择其他时间。',
    ko: '선택하신 시간은 방금 마감되었습니다. 다른 시간을 선택해 주십시오.',
    vi: 'Giờ bạn chọn vừa hết chỗ. Vui lòng chọn giờ khác.',
  },
  unavailable: {
    ja: '選んだ時間は予約できません。ほかの時間を選んでください。',
    'ja-easy': 'えらんだ 時間は よやくできません。ほかの 時間を えらんでください。',
    en: 'The time you chose cannot be booked. Please choose another.',
    'zh-Hans': '您选择的时间无法预约，请选择其他时间。',
    ko: '선택하신 시간은 예약할 수 없습니다. 다른 시간을 선택해 주십시오.',
    vi: 'Không thể đặt giờ bạn chọn. Vui lòng chọn giờ khác.',
  },
  book: { ja: 'この日時で予約する', 'ja-easy': 'この 時間で よやくする', en: 'Book this time', 'zh-Hans': '预约此时间', ko: '이 일시로 예약', vi: 'Đặt giờ này' },
  booked: { ja: '予約しました', 'ja-easy': 'よやくしました', en: 'Your time is booked', 'zh-Hans': '预约成功', ko: '예약되었습니다', vi: 'Đã đặt lịch' },
  moved: { ja: '予約を変更しました', 'ja-easy': 'よやくを かえました', en: 'Your booking is changed', 'zh-Hans': '预约已更改', ko: '예약이 변경되었습니다', vi: 'Đã đổi lịch hẹn' },
  when: { ja: '日時', 'ja-easy': '日と 時間', en: 'When', 'zh-Hans': '时间', ko: '일시', vi: 'Thời gian' },
  cancelCode: { ja: '取消しコード', 'ja-easy': 'とりけしの コード', en: 'Cancel code', 'zh-Hans': '取消码', ko: '취소 코드', vi: 'Mã hủy' },
  keepCode: {
    ja: '予約を取り消すときに必要です。メモするか、このページを印刷してください。このコードは二度と表示されません。',
    'ja-easy': 'よやくを やめるときに つかいます。かみに かくか、この ページを いんさつしてください。もう いちども でません。',
    en: 'You need it to cancel. Write it down or print this page: it is not shown again.',
    'zh-Hans': '取消预约时需要此码。请记下或打印本页，此码不会再次显示。',
    ko: '예약을 취소할 때 필요합니다. 메모하거나 이 페이지를 인쇄해 주십시오. 이 코드는 다시 표시되지 않습니다.',
    vi: 'Bạn cần mã này để hủy lịch. Hãy ghi lại hoặc in trang này: mã sẽ không hiển thị lại.',
  },
  bring: {
    ja: '当日は、交付通知書と本人確認書類をお持ちください。',
    'ja-easy': 'その 日は、交付通知書（はがき）と、じぶんだと わかる もの（運転免許証など）を もってきてください。',
    en: 'On the day, bring the pickup notice and your identity documents.',
    'zh-Hans': '当天请携带领取通知书和身份证明文件。',
    ko: '당일에는 교부통지서와 본인 확인 서류를 지참해 주십시오.',
    vi: 'Vào ngày hẹn, hãy mang theo thông báo nhận thẻ và giấy tờ tùy thân.',
  },
  cancelTitle: { ja: '予約を取り消す', 'ja-easy': 'よやくを やめる', en: 'Cancel the booking', 'zh-Hans': '取消预约', ko: '예약 취소', vi: 'Hủy lịch hẹn' },
  cancelHint: { ja: '予約したときに表示された取消しコードを入力してください。', 'ja-easy': 'よやくしたときに でた コードを いれてください。', en: 'Enter the cancel code shown when you booked.', 'zh-Hans': '请输入预约时显示的取消码。', ko: '예약 시 표시된 취소 코드를 입력해 주십시오.', vi: 'Nhập mã hủy được hiển thị khi bạn đặt lịch.' },
  cancel: { ja: '取り消す', 'ja-easy': 'やめる', en: 'Cancel booking', 'zh-Hans': '取消', ko: '취소하기', vi: 'Hủy lịch' },
  wrongCode: { ja: '取消しコードが違います。', 'ja-easy': 'コードが ちがいます。', en: 'The cancel code is not right.', 'zh-Hans': '取消码不正确。', ko: '취소 코드가 다릅니다.', vi: 'Mã hủy không đúng.' },
  cancelled: { ja: '予約を取り消しました', 'ja-easy': 'よやくを やめました', en: 'Your booking is cancelled', 'zh-Hans': '预约已取消', ko: '예약이 취소되었습니다', vi: 'Đã hủy lịch hẹn' },
  tooLate: { ja: 'この予約の時間は始まっているため、取り消せません。', 'ja-easy': 'もう よやくの 時間なので、やめられません。', en: 'This booking has begun and can no longer be cancelled.', 'zh-Hans': '预约时间已开始，无法取消。', ko: '예약 시간이 이미 시작되어 취소할 수 없습니다.', vi: 'Lịch hẹn đã bắt đầu nên không thể hủy.' },
  again: { ja: '最初から', 'ja-easy': 'はじめから', en: 'Start again', 'zh-Hans': '重新开始', ko: '처음부터', vi: 'Bắt đầu lại' },
  link: {
    ja: '交付通知書が届いた方：カードの受け取りを予約する',
    'ja-easy': 'はがき（«交付通知書»）が とどいた 人：カードを うけとる 時間を よやくする',
    en: 'Received a pickup notice? Book a time to collect your card',
    'zh-Hans': '已收到领取通知书？预约领卡时间',
    ko: '교부통지서를 받으셨나요? 카드 수령 예약',
    vi: 'Đã nhận thông báo nhận thẻ? Đặt lịch nhận thẻ',
  },
  errorTitle: { ja: '入力を確かめてください', 'ja-easy': 'いれた ものを たしかめてください', en: 'There is a problem', 'zh-Hans': '请检查输入内容', ko: '입력 내용을 확인해 주십시오', vi: 'Có lỗi cần kiểm tra' },
} as const satisfies Record<string, Text>;

export type PickupTextKey = keyof typeof PICKUP_TEXT;

/** A text of the booking pages in the language, with its `{name}` marks filled in. */
export function pickupText(lang: Lang, key: PickupTextKey, values: Readonly<Record<string, string | number>> = {}): string {
  return PICKUP_TEXT[key][lang].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
}
