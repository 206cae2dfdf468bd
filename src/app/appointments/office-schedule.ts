import { DomainErrorCode, refuse, success } from '../../domain/errors.ts';
import type { Office } from '../../domain/office.ts';
import type { Result } from '../app-errors.ts';
import type { AppContext } from '../context.ts';

/** The office of offices.json with this id, or OFFICE.UNKNOWN. */
export function officeOf(app: AppContext, officeId: string): Result<Office> {
  const office = app.offices.offices.find((candidate) => candidate.id === officeId);
  return office ? success(office) : refuse(DomainErrorCode.UnknownOffice, `there is no office "${officeId}"`);
}

/** What the public answers say of an office: its names and address, as the guide shows them. */
export function officeSummary(office: Office) {
  return { id: office.id, name: office.name, nameEn: office.nameEn, address: office.address, phone: office.phone };
}
export type OfficeSummary = ReturnType<typeof officeSummary>;
