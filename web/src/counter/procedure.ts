import type { Answer } from '../api/client';
import type { PinKind } from '../../../src/rules/pin-rules.ts';
import { normalizePostalCode } from '../../../src/rules/resident-formats.ts';
import type { CardView, Offices, Permission, Policy, ResidentDetail, SessionUser } from '../api/types';
import type { Lang } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import type { RepresentedProcedure } from './representative-fieldset';

export type Value = string | boolean | string[];
export type Values = Record<string, Value>;

/** Who is at the counter for the holder: the holder, a member of the household, or a proxy with an approval. */
export type Presence = 'holder' | 'household-member' | 'proxy';
export const PRESENCES: readonly Presence[] = ['holder', 'household-member', 'proxy'];

/**
 * What a procedure knows when it is drawn: the resident and the card (each naming what the clerk
 * may do with it), the clerk and their permissions, the city's offices and policy, and the day.
 */
export interface ProcedureContext {
  readonly resident: ResidentDetail | undefined;
  readonly card: CardView | undefined;
  readonly user: SessionUser;
  readonly permissions: readonly Permission[];
  readonly offices: Offices;
  readonly policy: Policy;
  readonly today: string;
  readonly lang: Lang;
  t(key: MessageKey, params?: Record<string, string | number>): string;
  date(iso: string | null | undefined): string;
  money(amount: number): string;
  error(code: string, fallback: string): string;
}

export type FieldKind = 'text' | 'kana' | 'date' | 'select' | 'radios' | 'checkbox' | 'documents' | 'pin' | 'signature-pin' | 'tel' | 'postal-code';

export interface FieldSpec {
  readonly name: string;
  readonly kind: FieldKind;
  readonly label: MessageKey;
  readonly hint?: MessageKey;
  readonly required?: boolean;
  readonly options?: (context: ProcedureContext) => readonly { value: string; label: string }[];
  readonly visible?: (values: Values, context: ProcedureContext) => boolean;
  readonly initial?: (context: ProcedureContext) => Value;
  /** For a field of kind `pin`: the PIN it takes, whose format is checked before sending. */
  readonly pinKind?: PinKind;
  /**
   * For a field of kind `documents`: the day of the procedure on which the documents must prove
   * identity (one with a photo, or two without, of those that count that day), checked before
   * sending as the server will; absent where the server counts none (a proxy's documents).
   */
  readonly identityOn?: (values: Values, context: ProcedureContext) => string;
}

/** A line of what the procedure will decide, computed by the rules before the clerk confirms. */
export interface PreviewLine {
  readonly label: string;
  readonly value: string;
  readonly emphasis?: boolean;
}

/** What the confirmation page and the printed slip say. */
export interface Slip {
  readonly title: string;
  readonly lines: readonly (readonly [string, string])[];
  /** What the resident must do next, and by when. */
  readonly next: readonly string[];
  readonly fee?: number;
  readonly receiptNumber?: string | null;
  readonly link?: { readonly to: string; readonly label: string };
  /** The resident the procedure was for: every slip leads back to them. */
  readonly residentId?: string;
  /**
   * The slip's reference: the id of the procedure record (the resident's history lists it), or of
   * the request when a procedure records none (an approval asked for, an enquiry noted).
   */
  readonly reference?: string;
  /** When it was recorded (an instant, shown in Japan time). */
  readonly at?: string;
  /** The staff member who did it, by name. */
  readonly clerk?: string;
  /** A slip printed again from the history, not on the day's confirmation. */
  readonly reprint?: boolean;
}

/**
 * One counter procedure as a guided form: what to verify first, who is present, the
 * fields, the consequences and computed deadlines shown before confirming, the API call, and
 * the slip. The page (ProcedurePage) draws every procedure from such a spec.
 */
export interface ProcedureSpec {
  readonly id: string;
  readonly scope: 'resident' | 'card' | 'none';
  readonly title: MessageKey;
  readonly intro?: MessageKey;
  /** Whether the procedure is offered for this resident or card to this clerk: as the server's views and session name it. */
  readonly offered: (context: ProcedureContext) => boolean;
  /** What the clerk checks before anything else, each ticked off. */
  readonly verify?: readonly MessageKey[];
  /**
   * Ask who is at the counter: the holder, a household member, or a proxy with an approval — for a
   * procedure whose command takes `proxyApprovalId`. The page passes the answer to `submit` as the
   * value `presence`, and the chosen approval as `proxyApprovalId` when a proxy came.
   */
  readonly presence?: boolean;
  readonly fields: readonly FieldSpec[];
  readonly warnings?: (values: Values, context: ProcedureContext) => readonly string[];
  readonly preview?: (values: Values, context: ProcedureContext) => Promise<readonly PreviewLine[]>;
  readonly validate?: (values: Values, context: ProcedureContext) => readonly { field: string; message: string }[];
  /**
   * What the server is bound to refuse that the rules API answers (checks.ts), asked when the
   * clerk moves to the review: a request it would refuse never reaches the confirm button.
   */
  readonly checks?: (values: Values, context: ProcedureContext) => Promise<readonly { field: string; message: string }[]>;
  readonly submit: (values: Values, context: ProcedureContext) => Promise<Answer<unknown>>;
  /** The slip of the answer; a slip that names a deadline asks the rules for it first. */
  readonly slip: (data: unknown, values: Values, context: ProcedureContext) => Slip | Promise<Slip>;
  /** The procedures a holder under 15 or an adult ward does through the 法定代理人: the page asks for them when needed. */
  readonly representative?: RepresentedProcedure;
  /** The field a refusal concerns, so its message is shown next to that field. */
  readonly fieldOfCode?: Readonly<Record<string, string>>;
}

export const str = (values: Values, name: string): string => {
  const value = values[name];
  return typeof value === 'string' ? value : '';
};
export const bool = (values: Values, name: string): boolean => values[name] === true;
export const list = (values: Values, name: string): string[] => {
  const value = values[name];
  return Array.isArray(value) ? value : [];
};
/** The field only when filled: optional fields are left out of the body. */
export const optional = (values: Values, name: string): string | undefined => str(values, name) || undefined;
/** A postal code field when filled, in the record's form NNN-NNNN when it reads as one (the server reads it the same way and names it otherwise). */
export const postalCode = (values: Values, name = 'postalCode'): { postalCode?: string } => {
  const typed = str(values, name).trim();
  return typed ? { postalCode: normalizePostalCode(typed) ?? typed } : {};
};
/** An address as a slip prints it: 〒 and its postal code first, when one was given. */
export const addressLine = (values: Values): string => {
  const code = postalCode(values).postalCode;
  return code ? `〒${code} ${str(values, 'address')}` : str(values, 'address');
};
/** Who is at the counter, as the page passed it to `submit` (the holder when the procedure does not ask). */
export const presenceOf = (values: Values): Presence => PRESENCES.find((presence) => presence === values.presence) ?? 'holder';
