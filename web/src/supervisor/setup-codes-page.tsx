import { useCallback, useEffect, useState } from 'react';
import { answer, api } from '../api/client';
import type { Response } from '../api/types';
import { useSession } from '../auth/session';
import { Notice, TableScroll } from '../components/bits';
import { Page } from '../components/layout';
import { officeLabel } from '../components/office';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';

type Account = Response<'/api/v1/staff/awaiting-setup', 'get'>[number];
type Issued = Response<'/api/v1/staff/{id}/setup-code', 'post', 201>;

/**
 * Setup codes, for supervisors: the accounts of their office (and hotline operators) that await
 * their first password; a code is shown once, to hand to the person, and works once for 72 hours.
 */
export function SetupCodesPage() {
  const { t, error, time, lang } = useI18n();
  const { offices } = useSession();
  const [accounts, setAccounts] = useState<Account[]>();
  const [issued, setIssued] = useState<Issued>();
  const [problem, setProblem] = useState<string>();
  const load = useCallback(async () => {
    const result = await answer(api.GET('/api/v1/staff/awaiting-setup'));
    setAccounts(result.ok ? result.data : []);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  const issue = async (account: Account) => {
    const result = await answer(api.POST('/api/v1/staff/{id}/setup-code', { params: { path: { id: account.id } } }));
    if (result.ok) {
      setIssued(result.data);
      setProblem(undefined);
    } else {
      setIssued(undefined);
      setProblem(error(result.problem.code, result.problem.detail));
    }
    await load();
  };
  return (
    <Page title={t('setupCodes.title')} wide>
      <p>{t('setupCodes.intro')}</p>
      {issued ? (
        <Notice tone="success" title={t('setupCodes.code')}>
          <p>{t('setupCodes.issued', { username: issued.account.username })}</p>
          <p className="secret">{issued.code}</p>
          <p>{t('setupCodes.until', { time: time(issued.expiresAt) })}</p>
          <p>{t('setupCodes.howTo')}</p>
        </Notice>
      ) : null}
      {problem ? <Notice tone="warning">{problem}</Notice> : null}
      {accounts === undefined ? (
        <p>{t('common.loading')}</p>
      ) : accounts.length === 0 ? (
        <p>{t('setupCodes.none')}</p>
      ) : (
        <TableScroll label={t('setupCodes.list')}>
          <table className="table table--compact">
            <caption>{t('setupCodes.list')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('staff.username')}</th>
                <th scope="col">{t('staff.name')}</th>
                <th scope="col">{t('staff.role')}</th>
                <th scope="col">{t('staff.office')}</th>
                <th scope="col">{t('setupCodes.status')}</th>
                <th scope="col">{t('staff.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {accounts.map((account) => (
                <tr key={account.id}>
                  <th scope="row" className="mono">
                    {account.username}
                  </th>
                  <td>{account.name}</td>
                  <td>{t(`role.${account.role}` as MessageKey)}</td>
                  <td>{officeLabel(offices, account.officeId, lang)}</td>
                  <td>{account.setupCodeExpiresAt ? t('setupCodes.outstanding', { time: time(account.setupCodeExpiresAt) }) : t('setupCodes.notIssued')}</td>
                  <td>
                    <button type="button" className="button button--small" onClick={() => void issue(account)}>
                      {t(account.setupCodeExpiresAt ? 'setupCodes.issueAgain' : 'setupCodes.issue')}
                      <span className="visually-hidden"> {account.username}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </Page>
  );
}
