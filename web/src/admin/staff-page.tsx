import { useCallback, useEffect, useRef, useState } from 'react';
import { answer, api, type Answer } from '../api/client';
import type { Response } from '../api/types';
import { useSession } from '../auth/session';
import { Notice, StatusTag, SummaryList, TableScroll } from '../components/bits';
import { ErrorSummary, Radios, SelectInput, TextInput, type FieldProblem } from '../components/form';
import { Page } from '../components/layout';
import { officeLabel, ownOrFirstOffice } from '../components/office';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';

type Account = Response<'/api/v1/staff', 'get'>[number];
type Role = Account['role'];
const ROLES = ['clerk', 'supervisor', 'hotline', 'auditor', 'admin'] as const satisfies readonly Role[];

/** What an act on an account tells the administrator: a sentence, and a one-time password shown once. */
interface Outcome {
  readonly tone: 'success' | 'warning';
  readonly text: string;
  readonly oneTimePassword?: string | undefined;
}

function OutcomeNotice({ outcome }: { outcome: Outcome }) {
  const { t } = useI18n();
  return (
    <Notice tone={outcome.tone}>
      <p>{outcome.text}</p>
      {outcome.oneTimePassword ? (
        <>
          <p>{t('staff.oneTimePassword')}</p>
          <p className="secret">{outcome.oneTimePassword}</p>
        </>
      ) : null}
    </Notice>
  );
}

/** Who issues the setup code of an account awaiting setup, in a sentence. */
function useAwaitsSetup() {
  const { t, lang } = useI18n();
  const { offices } = useSession();
  return (account: Pick<Account, 'username' | 'role' | 'officeId'>) =>
    account.role === 'hotline' ? t('staff.awaitsSetupHotline', { username: account.username }) : t('staff.awaitsSetup', { username: account.username, office: officeLabel(offices, account.officeId, lang) });
}

/**
 * Staff accounts for administrators: the list, a new account, and what is done to one account
 * (reset, disable and enable, end its sessions, a new role). An administrator never chooses a
 * password: an account that reads resident data awaits a setup code from a supervisor.
 */
export function StaffPage() {
  const { t, lang, time } = useI18n();
  const { offices } = useSession();
  const [staff, setStaff] = useState<Account[]>();
  const [selectedId, setSelectedId] = useState<string>();
  const load = useCallback(async () => {
    const result = await answer(api.GET('/api/v1/staff'));
    if (result.ok) setStaff(result.data);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  const selected = staff?.find((member) => member.id === selectedId);
  return (
    <Page title={t('staff.title')} wide>
      <p>{t('staff.intro')}</p>
      <TableScroll label={t('staff.list')}>
        <table className="table table--compact">
          <caption>{t('staff.list')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('staff.username')}</th>
              <th scope="col">{t('staff.name')}</th>
              <th scope="col">{t('staff.role')}</th>
              <th scope="col">{t('staff.office')}</th>
              <th scope="col">{t('staff.state')}</th>
              <th scope="col">{t('staff.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {staff?.map((member) => (
              <tr key={member.id}>
                <th scope="row" className="mono">
                  {member.username}
                </th>
                <td>{member.name}</td>
                <td>{t(`role.${member.role}` as MessageKey)}</td>
                <td>{officeLabel(offices, member.officeId, lang)}</td>
                <td>
                  <StatusTag status={member.state} kind="staff" />
                  {member.setupCodeExpiresAt ? <span className="hint hint--inline"> {t('staff.codeUntil', { time: time(member.setupCodeExpiresAt) })}</span> : null}
                </td>
                <td>
                  <button type="button" className="button button--secondary button--small" aria-pressed={member.id === selectedId} onClick={() => setSelectedId(member.id)}>
                    {t('staff.manage')}
                    <span className="visually-hidden"> {member.username}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {selected ? <AccountPanel key={selected.id} account={selected} onChanged={load} /> : null}
      <AddAccount onAdded={load} />
    </Page>
  );
}

function AccountPanel({ account, onChanged }: { account: Account; onChanged: () => Promise<void> }) {
  const { t, error, lang, time } = useI18n();
  const { user, offices } = useSession();
  const awaitsSetup = useAwaitsSetup();
  const heading = useRef<HTMLHeadingElement>(null);
  const [outcome, setOutcome] = useState<Outcome>();
  const [role, setRole] = useState<Role>(account.role);
  const [picked, setOfficeId] = useState('');
  // Until one is picked: the account's own counter, or (for a hotline account) the city's first office, once the offices are known.
  const officeId = picked || ownOrFirstOffice(offices, account.officeId);
  const self = account.id === user?.id;
  useEffect(() => heading.current?.focus(), []);
  const path = { params: { path: { id: account.id } } };
  /** Runs an act, then says what came of it (and, awaiting setup, who issues the code). */
  const act = async <T extends Account & { oneTimePassword?: string }>(call: Promise<Answer<T>>, done: (value: T) => string) => {
    const result = await call;
    if (!result.ok) {
      setOutcome({ tone: 'warning', text: error(result.problem.code, result.problem.detail) });
      return;
    }
    const text = result.data.state === 'awaiting-setup' ? `${done(result.data)} ${awaitsSetup(result.data)}` : done(result.data);
    setOutcome({ tone: 'success', text, oneTimePassword: result.data.oneTimePassword });
    await onChanged();
  };
  const username = account.username;
  return (
    <section className="card-panel" aria-labelledby="account-panel-title">
      <h2 id="account-panel-title" tabIndex={-1} ref={heading}>
        {t('staff.selected', { username })}
      </h2>
      <SummaryList
        rows={[
          [t('staff.name'), account.name],
          [t('staff.role'), t(`role.${account.role}` as MessageKey)],
          [t('staff.office'), officeLabel(offices, account.officeId, lang)],
          [
            t('staff.state'),
            <>
              <StatusTag status={account.state} kind="staff" />
              {account.setupCodeExpiresAt ? <span className="hint hint--inline"> {t('staff.codeUntil', { time: time(account.setupCodeExpiresAt) })}</span> : null}
            </>,
          ],
        ]}
      />
      {outcome ? <OutcomeNotice outcome={outcome} /> : null}
      {self ? <p className="secondary">{t('staff.yourself')}</p> : null}
      <div className="actions">
        {self ? null : (
          <button type="button" className="button button--secondary" onClick={() => void act(answer(api.POST('/api/v1/staff/{id}/reset', path)), () => t('staff.resetDone', { username }))}>
            {t('staff.reset')}
          </button>
        )}
        <button
          type="button"
          className="button button--secondary"
          onClick={() => void act(answer(api.POST('/api/v1/staff/{id}/end-sessions', path)), (value) => t('staff.endSessionsDone', { username, count: value.endedSessions }))}
        >
          {t('staff.endSessions')}
        </button>
        {self ? null : account.state === 'disabled' ? (
          <button type="button" className="button button--secondary" onClick={() => void act(answer(api.POST('/api/v1/staff/{id}/enable', path)), () => t('staff.enableDone', { username }))}>
            {t('staff.enable')}
          </button>
        ) : (
          <button type="button" className="button button--warning" onClick={() => void act(answer(api.POST('/api/v1/staff/{id}/disable', path)), () => t('staff.disableDone', { username }))}>
            {t('staff.disable')}
          </button>
        )}
      </div>
      {self ? null : <p className="hint">{t('staff.resetHint')}</p>}
      {self ? null : (
        <form
          noValidate
          aria-labelledby="change-role-title"
          onSubmit={(event) => {
            event.preventDefault();
            const body = { role, officeId: role === 'hotline' ? 'hotline' : officeId };
            void act(answer(api.POST('/api/v1/staff/{id}/role', { ...path, body })), () => t('staff.roleChanged', { username }));
          }}
        >
          <h3 id="change-role-title">{t('staff.changeRole')}</h3>
          <p className="hint">{t('staff.changeRoleHint')}</p>
          <Radios name="newRole" label={t('staff.role')} value={role} onChange={(value) => setRole(value as Role)} options={ROLES.map((value) => ({ value, label: t(`role.${value}`) }))} />
          {role !== 'hotline' ? (
            <SelectInput name="newOffice" label={t('staff.office')} value={officeId} onChange={setOfficeId} options={(offices?.offices ?? []).map((office) => ({ value: office.id, label: lang === 'ja' ? office.name : office.nameEn }))} />
          ) : null}
          <button type="submit" className="button">
            {t('staff.changeRoleSubmit')}
          </button>
        </form>
      )}
    </section>
  );
}

function AddAccount({ onAdded }: { onAdded: () => Promise<void> }) {
  const { t, error, lang } = useI18n();
  const { user, offices } = useSession();
  const awaitsSetup = useAwaitsSetup();
  const [username, setUsername] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('clerk');
  const [picked, setOfficeId] = useState('');
  // Until one is picked: the administrator's own office, where most accounts are added for, once the offices are known.
  const officeId = picked || ownOrFirstOffice(offices, user?.officeId);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [outcome, setOutcome] = useState<Outcome>();
  return (
    <>
      <h2>{t('staff.add')}</h2>
      {outcome ? <OutcomeNotice outcome={outcome} /> : null}
      <form
        noValidate
        onSubmit={async (event) => {
          event.preventDefault();
          const found: FieldProblem[] = [];
          if (!/^[a-z0-9][a-z0-9._-]{1,63}$/.test(username)) found.push({ field: 'username', message: t('staff.usernameRule') });
          if (!name.trim()) found.push({ field: 'name', message: t('form.required', { label: t('staff.name') }) });
          setProblems(found);
          if (found.length) return;
          const result = await answer(api.POST('/api/v1/staff', { body: { username, name: name.trim(), role, officeId: role === 'hotline' ? 'hotline' : officeId } }));
          if (!result.ok) {
            setProblems([{ field: result.problem.code === 'STAFF.DUPLICATE' ? 'username' : 'officeId', message: error(result.problem.code, result.problem.detail) }]);
            return;
          }
          const added = result.data;
          const text = added.state === 'awaiting-setup' ? `${t('staff.added', { username: added.username })} ${awaitsSetup(added)}` : t('staff.added', { username: added.username });
          setOutcome({ tone: 'success', text, oneTimePassword: added.oneTimePassword });
          setUsername('');
          setName('');
          await onAdded();
        }}
      >
        <ErrorSummary problems={problems} />
        <TextInput name="username" label={t('staff.username')} hint={t('staff.usernameRule')} value={username} onChange={setUsername} width="medium" error={problems.find((p) => p.field === 'username')?.message} />
        <TextInput name="name" label={t('staff.name')} value={name} onChange={setName} width="medium" error={problems.find((p) => p.field === 'name')?.message} />
        <Radios name="role" label={t('staff.role')} value={role} onChange={(value) => setRole(value as Role)} options={ROLES.map((value) => ({ value, label: t(`role.${value}`) }))} />
        {role !== 'hotline' ? (
          <SelectInput
            name="officeId"
            label={t('staff.office')}
            value={officeId}
            onChange={setOfficeId}
            options={(offices?.offices ?? []).map((office) => ({ value: office.id, label: lang === 'ja' ? office.name : office.nameEn }))}
            error={problems.find((p) => p.field === 'officeId')?.message}
          />
        ) : null}
        <button type="submit" className="button">
          {t('staff.submit')}
        </button>
      </form>
    </>
  );
}
