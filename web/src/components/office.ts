import type { Offices } from '../api/types';

/** An office by its id, named as the clerk's language has it (the Japanese name always beside English). */
export function officeLabel(offices: Offices | undefined, id: string | null | undefined, lang: 'ja' | 'en'): string {
  if (!id) return '—';
  if (id === 'hotline') return offices?.hotline.name ?? id;
  const office = offices?.offices.find((entry) => entry.id === id);
  if (!office) return id;
  return lang === 'ja' ? office.name : `${office.nameEn}（${office.name}）`;
}

/** The staff member's own counter when it is one of the city's offices (not the hotline), else the city's first office. */
export function ownOrFirstOffice(offices: Offices | undefined, officeId: string | undefined): string {
  const counters = offices?.offices ?? [];
  return counters.some((office) => office.id === officeId) ? officeId! : (counters[0]?.id ?? '');
}
