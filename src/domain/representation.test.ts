import { describe, it } from 'vitest';
import type { PlainDate } from '../rules/plain-date.ts';
import { Presenter, Procedure } from '../rules/procedures.ts';
import { decideRepresentation, type LegalRepresentative, type Representation } from './representation.ts';
import { expectThat, on } from './testing/given.ts';

const d = (date: string) => date as PlainDate;

const PARENT: LegalRepresentative = { name: '江戸川 一郎', relationship: 'parent', identityDocuments: ['driving-licence'], authorityDocument: '戸籍謄本' };
const GUARDIAN: LegalRepresentative = { ...PARENT, relationship: 'guardian', authorityDocument: '登記事項証明書' };

/** A procedure on 2026-12-01 for a holder born on `birthDate`, decided as the counter asks it. */
function when(overrides: Partial<Representation> & { birthDate?: string; adultWard?: boolean } = {}) {
  const { birthDate = '2016-03-01', adultWard = false, ...rest } = overrides;
  const input: Representation = {
    procedure: Procedure.CertificateIssue,
    presenter: Presenter.Holder,
    holder: { birthDate: d(birthDate), adultWard },
    on: d('2026-12-01'),
    representative: undefined,
    withProxyApproval: false,
    ...rest,
  };
  const result = decideRepresentation(input, on('2026-12-01'));
  return { ...expectThat(result.ok ? { ok: true as const, value: [result.value] } : result), result };
}

describe('法定代理人 (R-18): who acts for a holder under 15 or an adult ward', () => {
  it('requires the representative for a child, computed from the birth date on the day (REPRESENTATIVE.REQUIRED)', () => {
    when().refused('REPRESENTATIVE.REQUIRED', { basis: 'under-15' });
    when({ representative: PARENT }).then(PARENT);
  });

  it('counts 15 by the end of the day (R-1): born 2011-12-02 acts alone on 2026-12-01, born 2011-12-03 does not', () => {
    when({ birthDate: '2011-12-02' }).then(null as never);
    when({ birthDate: '2011-12-03' }).refused('REPRESENTATIVE.REQUIRED');
  });

  it('requires the guardian for an adult ward, and refuses a parent named as one', () => {
    when({ birthDate: '1960-01-01', adultWard: true }).refused('REPRESENTATIVE.REQUIRED', { basis: 'adult-ward' });
    when({ birthDate: '1960-01-01', adultWard: true, representative: GUARDIAN }).then(GUARDIAN);
    when({ birthDate: '1960-01-01', adultWard: true, representative: PARENT }).refused('INPUT.INVALID');
  });

  it('refuses a voluntary proxy for a represented holder (PROXY.NOT_ALLOWED_FOR_REPRESENTED), even with a representative named', () => {
    when({ withProxyApproval: true, presenter: Presenter.ProxyAfterEnquiry }).refused('PROXY.NOT_ALLOWED_FOR_REPRESENTED');
    when({ withProxyApproval: true, presenter: Presenter.ProxyAfterEnquiry, representative: PARENT }).refused('PROXY.NOT_ALLOWED_FOR_REPRESENTED');
  });

  it('lets a household member bring a child’s card for continuation without the representative, and nobody else', () => {
    when({ procedure: Procedure.Continuation, presenter: Presenter.HouseholdMember }).then(null as never);
    when({ procedure: Procedure.Continuation, presenter: Presenter.Holder }).refused('REPRESENTATIVE.REQUIRED');
  });

  it('checks the representative’s identity as a holder’s (R-13), and refuses a representative for someone who has none', () => {
    when({ representative: { ...PARENT, identityDocuments: ['pension-book'] } }).refused('IDENTITY.INSUFFICIENT');
    when({ birthDate: '1990-05-10', representative: PARENT }).refused('INPUT.INVALID');
    when({ birthDate: '1990-05-10' }).then(null as never);
  });
});
