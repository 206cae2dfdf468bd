import type { Slip } from './procedure';

export interface StoredSlip extends Slip {
  readonly at: string;
}

/**
 * Slips of this browser tab, so that the confirmation page survives a reload and can be printed
 * again; nothing of them leaves the tab (the procedure record on the server is the record).
 */
export function saveSlip(slip: Slip): string {
  const id = Math.random().toString(36).slice(2, 10);
  sessionStorage.setItem(`madoguchi.slip.${id}`, JSON.stringify({ ...slip, at: slip.at ?? new Date().toISOString() }));
  return id;
}

export function loadSlip(id: string): StoredSlip | undefined {
  const text = sessionStorage.getItem(`madoguchi.slip.${id}`);
  return text ? (JSON.parse(text) as StoredSlip) : undefined;
}
