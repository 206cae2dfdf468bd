import { describe, expect, it } from 'vitest';
import { MESSAGE_KEYS } from '../catalogue/catalogue.ts';
import { CATALOGUES } from '../catalogue/catalogues.ts';
import { isJapanese, LANGS } from '../lang.ts';
import { BANNED, GLOSSARY } from './glossary.ts';

const TRANSLATED = LANGS.filter((lang) => !isJapanese(lang));

describe.each(TRANSLATED)('the %s texts and the glossary', (lang) => {
  const catalogue: Readonly<Record<string, string>> = CATALOGUES[lang];

  it('say every glossary term with its official rendering wherever the Japanese original has it', () => {
    const missing: string[] = [];
    for (const key of MESSAGE_KEYS) {
      for (const entry of GLOSSARY) {
        const term = entry.terms[lang];
        if (term === undefined || !(entry.unless === undefined ? key : key.replaceAll(entry.unless, '')).includes(entry.ja)) continue;
        // A term the text keeps in Japanese («…») alone is not enough: it must be said in the language too.
        if (!catalogue[key]!.toLowerCase().includes(term.toLowerCase())) missing.push(`${entry.ja} → ${term}: ${catalogue[key]}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('use no banned calque or template artefact', () => {
    const found: string[] = [];
    for (const key of MESSAGE_KEYS) {
      for (const banned of BANNED[lang] ?? []) if (banned.pattern.test(catalogue[key]!)) found.push(`${String(banned.pattern)} (write ${banned.instead}): ${catalogue[key]}`);
    }
    expect(found).toEqual([]);
  });
});
