/**
 * The forms of a resident record's identifiers and readings, with no schema: the records
 * service's schemas and checks take them from here, and the counter app checks what a clerk
 * typed with the same before it sends it.
 */

/** 住民票コード: 11 digits. */
export const RESIDENT_CODE_PATTERN = '^[0-9]{11}$';
/** Nationality: an ISO 3166-1 alpha-2 code in capitals (JP for a national). */
export const NATIONALITY_PATTERN = '^[A-Z]{2}$';
/** A phone number as the record keeps it and the hotline matches a caller by: digits and hyphens. */
export const PHONE_PATTERN = '^[0-9-]{6,20}$';

/** 郵便番号 as the record keeps it: 3 digits, a hyphen, 4 digits. */
export const POSTAL_CODE_PATTERN = '^[0-9]{3}-[0-9]{4}$';

/**
 * The longest text each field of a resident's registration takes, for every boundary that
 * registers one (the API's body, the registry import): a name as a 住民票 writes it, a reading
 * (フリガナ) a little longer, and an individual number with room for full-width digits and
 * separators, which R-11 then reads.
 */
export const RESIDENT_TEXT_MAX = {
  individualNumber: 40,
  familyName: 50,
  givenName: 50,
  familyNameKana: 100,
  givenNameKana: 100,
  address: 200,
  householdId: 64,
  residenceCardNumber: 20,
  postalCode: 10,
} as const;

const RESIDENT_CODE = new RegExp(RESIDENT_CODE_PATTERN);
const NATIONALITY = new RegExp(NATIONALITY_PATTERN);
const PHONE = new RegExp(PHONE_PATTERN);
const KANA = /^[\u30A0-\u30FF\u3040-\u309F\s\u3000・ー]+$/u;

export function isResidentCode(text: string): boolean {
  return RESIDENT_CODE.test(text);
}

/** Whether the text is a nationality code; the caller gives it in capitals, as the record keeps it. */
export function isNationalityCode(text: string): boolean {
  return NATIONALITY.test(text);
}

export function isPhoneNumber(text: string): boolean {
  return PHONE.test(text);
}

/** Whether a reading (フリガナ) is written in kana only: ひらがな, カタカナ or half-width ｶﾅ (read through NFKC). */
export function isKana(text: string): boolean {
  return KANA.test(text.normalize('NFKC'));
}

/** Full-width digits and the hyphens and dashes a clerk or a spreadsheet may type (－ ‐ − ‑ –), as ASCII. */
function asciiPostal(text: string): string {
  return text.replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0)).replace(/[－‐‑−–ー]/g, '-');
}

/**
 * A postal code (郵便番号) in the record's form `NNN-NNNN`, from `NNN-NNNN`, 7 digits without the
 * hyphen, or either in full-width digits; undefined for anything else.
 */
export function normalizePostalCode(text: string): string | undefined {
  const match = /^(\d{3})-?(\d{4})$/.exec(asciiPostal(text.trim()));
  return match ? `${match[1]}-${match[2]}` : undefined;
}

/**
 * A postal code written at the start of an address (`〒132-0021 東京都…`, with or without the
 * space or the hyphen, full-width digits too): the code in the record's form and the address
 * without it; undefined when the address does not begin with 〒 and a postal code.
 */
export function leadingPostalCode(address: string): { readonly postalCode: string; readonly address: string } | undefined {
  const match = /^〒[\s\u3000]*([0-9０-９]{3})[-－‐‑−–ー]?([0-9０-９]{4})(?![0-9０-９])[\s\u3000]*/.exec(address);
  return match ? { postalCode: `${asciiPostal(match[1]!)}-${asciiPostal(match[2]!)}`, address: address.slice(match[0].length) } : undefined;
}
