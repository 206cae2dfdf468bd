import { useCallback, useEffect, useState } from 'react';
import { answer, api } from '../api/client';
import type { Response } from '../api/types';
import { useSession } from '../auth/session';
import { Notice } from '../components/bits';
import { ErrorSummary, Radios, SelectInput, TextInput, type FieldProblem } from '../components/form';
import { Page } from '../components/layout';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';

type Staff = Response<'/api/v1/staff', 'get'>;
const ROLES = ['clerk', 'supervisor', 'hotline', 'auditor', 'admin'] as const;

/** Staff accounts for administrators: the list, and a new account with a one-time password. */
export function StaffPage() {
  const { t, error, lang } = useI18n();
  const { offices } = useSession();
  const [staff, setStaff] = useState<Staff>();
  const [username, setUsername] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<(typeof ROLES)[number]>('clerk');
  const [officeId, setOfficeId] = useState('honcho');
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [added, setAdded] = useState<string>();
  const load = useCallback(async () => {
    const result = await answer(api.GET('/api/v1/staff'));
    if (result.ok) setStaff(result.data);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <Page title={t('staff.title')} wide>
      {added ? <Notice tone="success">{t('staff.added', { username: added })}</Notice> : null}
      <table className="table table--compact">
        <caption>{t('staff.list')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('staff.username')}</th>
            <th scope="col">{t('staff.name')}</th>
            <th scope="col">{t('staff.role')}</th>
            <th scope="col">{t('staff.office')}</th>
          </tr>
        </thead>
        <tbody>
          {staff?.map((member) => (
            <tr key={member.id}>
              <td className="mono">{member.username}</td>
              <td>{member.name}</td>
              <td>{t(`role.${member.role}` as MessageKey)}</td>
              <td>{member.officeId}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t('staff.add')}</h2>
      <form
        noValidate
        onSubmit={async (event) => {
          event.preventDefault();
          const found: FieldProblem[] = [];
          if (!/^[a-z0-9][a-z0-9._-]{1,63}$/.test(username)) found.push({ field: 'username', message: t('staff.usernameRule') });
          if (!name.trim()) found.push({ field: 'name', message: t('form.required', { label: t('staff.name') }) });
          if (password.length < 12) found.push({ field: 'password', message: t('password.tooShort') });
          setProblems(found);
          if (found.length) return;
          const result = await answer(api.POST('/api/v1/staff', { body: { username, name: name.trim(), role, officeId: role === 'hotline' ? 'hotline' : officeId, password } }));
          if (!result.ok) {
            setProblems([{ field: result.problem.code === 'STAFF.DUPLICATE' ? 'username' : 'password', message: error(result.problem.code, result.problem.detail) }]);
            return;
          }
          setAdded(username);
          setUsername('');
          setName('');
          setPassword('');
          await load();
        }}
      >
        <ErrorSummary problems={problems} />
        <TextInput name="username" label={t('staff.username')} hint={t('staff.usernameRule')} value={username} onChange={setUsername} width="medium" error={problems.find((p) => p.field === 'username')?.message} />
        <TextInput name="name" label={t('staff.name')} value={name} onChange={setName} width="medium" error={problems.find((p) => p.field === 'name')?.message} />
        <Radios name="role" label={t('staff.role')} value={role} onChange={(value) => setRole(value as (typeof ROLES)[number])} options={ROLES.map((value) => ({ value, label: t(`role.${value}`) }))} />
        {role !== 'hotline' ? (
          <SelectInput name="officeId" label={t('staff.office')} value={officeId} onChange={setOfficeId} options={(offices?.offices ?? []).map((office) => ({ value: office.id, label: lang === 'ja' ? office.name : office.nameEn }))} />
        ) : null}
        <TextInput name="password" label={t('staff.password')} hint={t('staff.passwordHint')} type="password" value={password} onChange={setPassword} autoComplete="new-password" width="medium" error={problems.find((p) => p.field === 'password')?.message} />
        <button type="submit" className="button">
          {t('staff.submit')}
        </button>
      </form>
    </Page>
  );
}
