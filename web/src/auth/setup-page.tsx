import { useState } from 'react';
import { Link, Navigate, useNavigate } from 'react-router';
import { ErrorSummary, TextInput, type FieldProblem } from '../components/form';
import { Page } from '../components/layout';
import { useI18n } from '../i18n/i18n';
import { homeOf } from './access';
import { useMunicipalityChoice } from './municipality-choice';
import { useSession } from './session';

/** The first sign-in of an account awaiting setup: username, the setup code a supervisor handed over, and a password of one's own. */
export function SetupPage() {
  const { t, error } = useI18n();
  const { user, permissions, completeSetup } = useSession();
  const navigate = useNavigate();
  const [username, setUsername] = useState('');
  const [code, setCode] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const choice = useMunicipalityChoice();
  if (user) return <Navigate to={homeOf(user, permissions) ?? '/'} replace />;
  return (
    <Page title={t('setup.title')}>
      <p>{t('setup.intro')}</p>
      <form
        noValidate
        onSubmit={async (event) => {
          event.preventDefault();
          const found: FieldProblem[] = [];
          if (!username.trim()) found.push({ field: 'username', message: t('form.required', { label: t('signIn.username') }) });
          if (!code.trim()) found.push({ field: 'setupCode', message: t('form.required', { label: t('setup.code') }) });
          if (next.length < 12) found.push({ field: 'next', message: t('password.tooShort') });
          else if (next !== again) found.push({ field: 'again', message: t('password.mismatch') });
          setProblems(found);
          if (found.length) return;
          const result = await completeSetup(username.trim(), code.trim(), next, choice.municipality);
          if (result.ok) {
            choice.remember();
            navigate(homeOf(result.data.user, result.data.permissions) ?? '/');
            return;
          }
          const { code: refusal, detail } = result.problem;
          setProblems([
            refusal === 'AUTH.WEAK_PASSWORD'
              ? { field: 'next', message: error(refusal, detail) }
              : { field: 'setupCode', message: refusal === 'AUTH.INVALID_CREDENTIALS' ? t('setup.wrong') : error(refusal, detail) },
          ]);
        }}
      >
        <ErrorSummary problems={problems} />
        {choice.field}
        <TextInput name="username" label={t('signIn.username')} value={username} onChange={setUsername} autoComplete="username" width="medium" error={problems.find((p) => p.field === 'username')?.message} />
        <TextInput name="setupCode" label={t('setup.code')} hint={t('setup.codeHint')} value={code} onChange={setCode} autoComplete="one-time-code" width="medium" error={problems.find((p) => p.field === 'setupCode')?.message} />
        <TextInput name="next" label={t('password.new')} hint={t('password.rule')} type="password" value={next} onChange={setNext} autoComplete="new-password" width="medium" error={problems.find((p) => p.field === 'next')?.message} />
        <TextInput name="again" label={t('password.again')} type="password" value={again} onChange={setAgain} autoComplete="new-password" width="medium" error={problems.find((p) => p.field === 'again')?.message} />
        <button type="submit" className="button">
          {t('setup.submit')}
        </button>
      </form>
      <p>
        <Link to="/signin">{t('signIn.title')}</Link>
      </p>
    </Page>
  );
}
