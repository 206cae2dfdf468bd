import type { Offices } from '../api/types';

/** An office by its id, named as the clerk's language has it (the Japanese name always beside English). */
export function officeLabel(offices: Offices | undefined, id: string | null | undefined, lang: 'ja' | 'en'): string {
  if (!id) return '—';
  if (id === 'hotline') return offices?.hotline.name ?? id;
  const office = offices?.offices.find((entry) => entry.id === id);
  if (!office) return id;
  return lang === 'ja' ? office.name : `${office.nameEn}（${office.name}）`;
}
