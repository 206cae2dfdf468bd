import { useState } from 'react';
import { Link, Navigate, useNavigate } from 'react-router';
import { Notice } from '../components/bits';
import { ErrorSummary, TextInput, type FieldProblem } from '../components/form';
import { Page } from '../components/layout';
import { useI18n } from '../i18n/i18n';
import { homeOf } from './access';
import { useMunicipalityChoice } from './municipality-choice';
import { useSession } from './session';

export function SignInPage() {
  const { t, error } = useI18n();
  const { user, permissions, signIn, expired } = useSession();
  const navigate = useNavigate();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const choice = useMunicipalityChoice();
  if (user) return <Navigate to={homeOf(user, permissions) ?? '/'} replace />;
  return (
    <Page title={t('signIn.title')}>
      {expired ? <Notice tone="warning">{t('signIn.expired')}</Notice> : null}
      <form
        noValidate
        onSubmit={async (event) => {
          event.preventDefault();
          const missing: FieldProblem[] = [
            ...(username ? [] : [{ field: 'username', message: t('form.required', { label: t('signIn.username') }) }]),
            ...(password ? [] : [{ field: 'password', message: t('form.required', { label: t('signIn.password') }) }]),
          ];
          setProblems(missing);
          if (missing.length) return;
          const result = await signIn(username.trim(), password, choice.municipality);
          if (result.ok) {
            choice.remember();
            navigate(homeOf(result.data.user, result.data.permissions) ?? '/');
          } else setProblems([{ field: 'password', message: error(result.problem.code, result.problem.detail) }]);
        }}
      >
        <ErrorSummary problems={problems} />
        {choice.field}
        <TextInput name="username" label={t('signIn.username')} value={username} onChange={setUsername} autoComplete="username" width="medium" error={problems.find((p) => p.field === 'username')?.message} />
        <TextInput name="password" label={t('signIn.password')} type="password" value={password} onChange={setPassword} autoComplete="current-password" width="medium" error={problems.find((p) => p.field === 'password')?.message} />
        <button type="submit" className="button">
          {t('signIn.submit')}
        </button>
      </form>
      <p>
        <Link to="/setup">{t('signIn.firstTime')}</Link>
      </p>
    </Page>
  );
}
