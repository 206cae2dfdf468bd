import type { paths } from '../api/schema';

/** An action the audit trail records, as the API names it (`resource.verb`). */
export type AuditAction = NonNullable<NonNullable<paths['/api/v1/audit']['get']['parameters']['query']>['action']>;

/**
 * Every audited action in the auditor's words, Japanese and English, in the order of the
 * filter's list. The compiler demands a row for each action the API names (src/app/audit-action.ts).
 */
export const AUDIT_ACTION_LABELS = {
  'resident.register': ['住民の登録', 'Resident registered'],
  'resident.arrival': ['転入者の登録', 'Arrival registered'],
  'resident.change-address': ['住所の変更', 'Address changed'],
  'resident.change-name': ['氏名の変更', 'Name changed'],
  'resident.move-out': ['転出', 'Moved out'],
  'resident.move-in': ['転入', 'Moved in'],
  'resident.record-death': ['死亡の記録', 'Death recorded'],
  'resident.period-of-stay': ['在留期間の更新', 'Period of stay renewed'],
  'resident.guardianship': ['成年後見の登録・終了', 'Guardianship recorded or ended'],
  'resident.change-number': ['個人番号の変更', 'Individual number changed'],
  'resident.reveal-number': ['個人番号の表示', 'Individual number revealed'],
  'resident.import': ['住民記録の取り込み', 'Residents imported'],
  'resident.export': ['住民記録の書き出し', 'Residents exported'],
  'card.apply': ['カードの申請', 'Card applied for'],
  'card.manufacture': ['カードの製造', 'Card manufactured'],
  'delivery.check-in': ['カードの到着（J-LISからの納品の受入れ）', 'Delivery of cards checked in'],
  'card.issue': ['カードの交付', 'Card issued'],
  'card.suspend': ['カードの一時停止', 'Card suspended'],
  'card.resume': ['一時停止の解除', 'Card resumed'],
  'card.pin-verify': ['暗証番号の照合', 'PIN checked'],
  'card.pin-reset': ['暗証番号の再設定', 'PIN reset'],
  'card.certificate': ['電子証明書の発行・更新', 'Certificate issued or renewed'],
  'card.front-note': ['追記欄への記載', 'Front note written'],
  'card.continuation': ['継続利用の手続', 'Continuation'],
  'card.extension': ['有効期間の延長', 'Validity extended'],
  'card.reissue': ['カードの再交付', 'Card reissued'],
  'card.return': ['カードの返納', 'Card returned'],
  'card.expire': ['カードの失効', 'Card expired'],
  'card.expire-certificates': ['電子証明書の失効', 'Certificates expired'],
  'card.abolish': ['カードの廃止', 'Card abolished'],
  'card.rebuild': ['カード記録の再構築', 'Card record rebuilt'],
  'card.export': ['カード記録の書き出し', 'Cards exported'],
  'proxy.enquiry': ['代理人への照会', 'Proxy enquiry'],
  'approval.request': ['承認の申請', 'Approval requested'],
  'approval.approve': ['承認', 'Approved'],
  'approval.refuse': ['却下', 'Refused'],
  'session.sign-in': ['サインイン', 'Sign-in'],
  'session.sign-out': ['サインアウト', 'Sign-out'],
  'staff.add': ['職員の追加', 'Staff added'],
  'staff.reset': ['パスワードのリセット', 'Password reset'],
  'staff.change-role': ['役割の変更', 'Role changed'],
  'staff.disable': ['アカウントの停止', 'Account disabled'],
  'staff.enable': ['アカウントの再開', 'Account enabled'],
  'staff.end-sessions': ['サインインの終了', 'Sessions ended'],
  'staff.issue-setup-code': ['セットアップコードの発行', 'Setup code issued'],
  'staff.setup': ['初回のパスワード設定', 'First password set'],
  'staff.change-password': ['パスワードの変更', 'Password changed'],
  'appointment.book': ['受取予約（予約・変更）', 'Pickup booked or moved'],
  'appointment.cancel': ['受取予約の取消し', 'Pickup appointment cancelled'],
  'appointment.no-show': ['受取予約の不来庁', 'Pickup appointment missed'],
  'key.rewrap': ['暗号鍵の切り替え', 'Keys rotated'],
  'demo.generate': ['デモデータの作成', 'Demo data made'],
  'municipality.add': ['市区町村の追加', 'Municipality added'],
} as const satisfies Record<AuditAction, readonly [string, string]>;

export const AUDIT_ACTIONS = Object.keys(AUDIT_ACTION_LABELS) as AuditAction[];

/** An action's words in the language, or the action itself when this build does not know it. */
export function auditActionLabel(action: string, lang: 'ja' | 'en'): string {
  const label = (AUDIT_ACTION_LABELS as Record<string, readonly [string, string]>)[action];
  return label ? label[lang === 'ja' ? 0 : 1] : action;
}
