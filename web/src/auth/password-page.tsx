import { useState } from 'react';
import { useNavigate } from 'react-router';
import { answer, api } from '../api/client';
import { Notice } from '../components/bits';
import { ErrorSummary, TextInput, type FieldProblem } from '../components/form';
import { Page } from '../components/layout';
import { useI18n } from '../i18n/i18n';
import { homeOf } from './access';
import { useSession } from './session';

export function PasswordPage() {
  const { t, error } = useI18n();
  const { user, permissions, passwordChanged } = useSession();
  const navigate = useNavigate();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  return (
    <Page title={t('password.title')}>
      {user?.mustChangePassword ? <Notice tone="warning">{t('password.oneTime')}</Notice> : null}
      <form
        noValidate
        onSubmit={async (event) => {
          event.preventDefault();
          const found: FieldProblem[] = [];
          if (!current) found.push({ field: 'current', message: t('form.required', { label: t('password.current') }) });
          if (next.length < 12) found.push({ field: 'next', message: t('password.tooShort') });
          else if (next !== again) found.push({ field: 'again', message: t('password.mismatch') });
          setProblems(found);
          if (found.length) return;
          const result = await answer(api.POST('/api/v1/session/password', { body: { currentPassword: current, newPassword: next } }));
          if (!result.ok) {
            setProblems([{ field: result.problem.code === 'AUTH.INVALID_CREDENTIALS' ? 'current' : 'next', message: error(result.problem.code, result.problem.detail) }]);
            return;
          }
          passwordChanged();
          navigate(homeOf({ ...user!, mustChangePassword: false }, permissions) ?? '/');
        }}
      >
        <ErrorSummary problems={problems} />
        <TextInput name="current" label={t('password.current')} type="password" value={current} onChange={setCurrent} autoComplete="current-password" width="medium" error={problems.find((p) => p.field === 'current')?.message} />
        <TextInput name="next" label={t('password.new')} hint={t('password.rule')} type="password" value={next} onChange={setNext} autoComplete="new-password" width="medium" error={problems.find((p) => p.field === 'next')?.message} />
        <TextInput name="again" label={t('password.again')} type="password" value={again} onChange={setAgain} autoComplete="new-password" width="medium" error={problems.find((p) => p.field === 'again')?.message} />
        <button type="submit" className="button">
          {t('password.submit')}
        </button>
      </form>
    </Page>
  );
}
