import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ERRORS, MESSAGES, type MessageKey } from './messages';
import { count, dateLabel, japanTime, yen } from './format';

export type Lang = 'ja' | 'en';

/**
 * The city's names and figures that texts may name (`{municipality}`, `{moveInDays}`…), as the
 * server gives them (offices, policy): every text is filled with them, beside its own values.
 */
export type Facts = Readonly<Record<string, string | number>>;

interface I18n {
  readonly lang: Lang;
  setLang(lang: Lang): void;
  t(key: MessageKey, params?: Record<string, string | number>): string;
  date(iso: string | null | undefined): string;
  money(amount: number): string;
  /** A count with thousands separators. */
  count(value: number): string;
  /** An instant in Japan's time. */
  time(instant: string | null | undefined): string;
  /** The refusal of a code in the user's language, or the server's words when the code is new. */
  error(code: string, fallback: string): string;
  /** Sets the city's facts, in this language (the session does, once offices and policy are known). */
  setFacts(facts: Facts): void;
}

const Context = createContext<I18n | null>(null);
const STORAGE_KEY = 'madoguchi.lang';

/**
 * A text with its `{name}`s filled in. `{name|one|other}` is an English plural: `one` when the
 * value is 1, else `other` ("1 try left", "3 tries left").
 */
export function fill(text: string, params?: Record<string, string | number>): string {
  if (!params) return text;
  return text
    .replace(/\{(\w+)\|([^|{}]*)\|([^|{}]*)\}/g, (_, name: string, one: string, other: string) => (Number(params[name]) === 1 ? one : other))
    .replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/**
 * A text in Japanese whatever the app's language: for what is printed for residents (the
 * letters), whose words come from the server in Japanese.
 */
export function inJapanese(key: MessageKey, params?: Record<string, string | number>): string {
  return fill(MESSAGES[key][0], params);
}

/** Japanese by default, English on request; the choice is remembered and set as the page's `lang`. */
export function LanguageProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => (localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'ja'));
  const [facts, setFacts] = useState<Facts>({});
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((next: Lang) => {
    localStorage.setItem(STORAGE_KEY, next);
    setLangState(next);
  }, []);
  const value = useMemo<I18n>(() => {
    const index = lang === 'ja' ? 0 : 1;
    return {
      lang,
      setLang,
      // A key the server introduced after this build (an event type, say) shows as itself, not as a crash.
      t: (key, params) => fill((MESSAGES[key] as readonly [string, string] | undefined)?.[index] ?? key, { ...facts, ...params }),
      date: (iso) => (iso ? dateLabel(iso, lang) : '—'),
      money: (amount) => yen(amount, lang),
      count: (value) => count(value, lang),
      time: (instant) => (instant ? japanTime(instant, lang) : '—'),
      error: (code, fallback) => {
        const known = (ERRORS as Record<string, readonly [string, string]>)[code];
        return known ? fill(known[index], facts) : fallback;
      },
      setFacts,
    };
  }, [lang, setLang, facts]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(Context);
  if (!value) throw new Error('useI18n outside LanguageProvider');
  return value;
}
