import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { identityIsSufficient, NON_PHOTO_DOCUMENTS, PHOTO_DOCUMENTS, type IdentityDocument } from '../../../src/rules/identity-document-rules.ts';
import { checkPinFormat } from '../../../src/rules/pin-rules.ts';
import { isKana, normalizePostalCode } from '../../../src/rules/resident-formats.ts';
import { answer, api, type Problem } from '../api/client';
import type { Approval, Offices, Policy } from '../api/types';
import { useSession } from '../auth/session';
import { Notice, SummaryList } from '../components/bits';
import { Checkbox, Checkboxes, ErrorSummary, Radios, SelectInput, TextInput, type FieldProblem } from '../components/form';
import { Page } from '../components/layout';
import { isRealDate, todayInJapan } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { proxyProcedureLabel } from '../i18n/proxy-procedure';
import { list, str, type FieldSpec, type Presence, type PreviewLine, type ProcedureContext, type ProcedureSpec, type Values } from './procedure';
import { day, rulesPolicy } from './rules';
import { saveSlip } from './slip-store';
import { RepresentativeFieldset, representativeLines, representativeProblems } from './representative-fieldset';
import type { CardView, ResidentDetail } from '../api/types';

function initialValues(spec: ProcedureSpec, context: ProcedureContext): Values {
  return Object.fromEntries(
    spec.fields.map((field) => [field.name, field.initial?.(context) ?? (field.kind === 'checkbox' ? false : field.kind === 'documents' ? [] : '')]),
  );
}

function shown(field: FieldSpec, value: Values[string], context: ProcedureContext): string {
  if (field.kind === 'pin' || field.kind === 'signature-pin') return value ? '●●●●' : '—';
  if (field.kind === 'checkbox') return context.t(value ? 'common.yes' : 'common.no');
  if (field.kind === 'date') return context.date(String(value));
  if (field.kind === 'documents') return (value as string[]).map((kind) => context.t(`document.${kind}` as MessageKey)).join('、') || '—';
  if ((field.kind === 'select' || field.kind === 'radios') && field.options) {
    return field.options(context).find((option) => option.value === value)?.label ?? String(value);
  }
  return String(value || '—');
}

/** The identity documents a counter accepts, those with a photo first (the rules' own list). */
const DOCUMENT_KINDS: readonly IdentityDocument[] = [...PHOTO_DOCUMENTS, ...NON_PHOTO_DOCUMENTS];

/** Whether the documents prove identity on the procedure's day as the server will count them; unknown (true) before the day is a real date. */
function identityProven(field: FieldSpec, values: Values, context: ProcedureContext): boolean {
  const on = field.identityOn ? day(field.identityOn(values, context)) : undefined;
  return on === undefined || identityIsSufficient(list(values, field.name) as IdentityDocument[], on, rulesPolicy(context.policy));
}

/**
 * The procedure record just written for the resident by this clerk: the newest of the resident's
 * history, when it is theirs (the slip's reference and time); none when another act came after it.
 */
async function justRecorded(residentId: string, staffId: string) {
  const history = await answer(api.GET('/api/v1/residents/{id}/procedures', { params: { path: { id: residentId } } }));
  const newest = history.ok ? history.data.at(-1) : undefined;
  return newest?.staffId === staffId ? newest : undefined;
}

type Props = { spec: ProcedureSpec; resident?: ResidentDetail | undefined; card?: CardView | undefined };

/** A counter procedure as a guided form: verify, fill in, review with its consequences, confirm. Drawn once the city's offices and policy are known. */
export function ProcedurePage(props: Props) {
  const { t } = useI18n();
  const { user, offices, policy } = useSession();
  if (!user || !offices || !policy) return <Page title={t('common.loading')}>{null}</Page>;
  return <ProcedureForm {...props} offices={offices} policy={policy} />;
}

function ProcedureForm({ spec, resident, card, offices, policy }: Props & { offices: Offices; policy: Policy }) {
  const i18n = useI18n();
  const { t, error: errorText } = i18n;
  const { user, permissions } = useSession();
  const navigate = useNavigate();
  const context: ProcedureContext = useMemo(
    () => ({ resident, card, user: user!, permissions, offices, policy, today: todayInJapan(), lang: i18n.lang, t: i18n.t, date: i18n.date, money: i18n.money, error: i18n.error }),
    [resident, card, user, permissions, offices, policy, i18n],
  );
  const [values, setValues] = useState<Values>(() => initialValues(spec, context));
  const [verified, setVerified] = useState<string[]>([]);
  const [presence, setPresence] = useState<Presence>('holder');
  const [proxyApprovalId, setProxyApprovalId] = useState('');
  const [approvals, setApprovals] = useState<Approval[]>([]);
  const [step, setStep] = useState<'edit' | 'review' | 'sending'>('edit');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [preview, setPreview] = useState<readonly PreviewLine[]>([]);
  /** The server could not be reached on confirming: nothing was recorded, and the review stays to send again. */
  const [unreachable, setUnreachable] = useState(false);
  /** The PIN the chip has just locked, whose reset the form then offers. */
  const [lockedPin, setLockedPin] = useState<string>();
  /** A review's checks are being answered: another is not started, and an answer for what the form no longer holds is dropped. */
  const [checking, setChecking] = useState(false);
  const entered = { values, verified, presence, proxyApprovalId };
  const latest = useRef(entered);
  latest.current = entered;

  useEffect(() => {
    if (!spec.presence || presence !== 'proxy' || !resident) return;
    void answer(api.GET('/api/v1/approvals', { params: { query: { status: 'approved', residentId: resident.id } } })).then((result) => {
      if (result.ok) setApprovals(result.data.filter((approval) => approval.kind === 'proxy'));
    });
  }, [spec.presence, presence, resident]);

  if (!spec.offered(context)) {
    return (
      <Page title={t(spec.title)}>
        <Notice tone="warning">{t('procedure.notOffered')}</Notice>
      </Page>
    );
  }

  const visibleFields = spec.fields.filter((field) => field.visible?.(values, context) ?? true);
  const set = (name: string) => (value: Values[string]) => setValues((current) => ({ ...current, [name]: value }));
  const errorOf = (name: string) => problems.find((problem) => problem.field === name)?.message;

  const check = (): FieldProblem[] => {
    const found: FieldProblem[] = [];
    for (const item of spec.verify ?? []) {
      if (!verified.includes(item)) found.push({ field: 'verify', message: t('procedure.verifyMissing', { item: t(item) }) });
    }
    if (spec.presence && presence === 'proxy' && !proxyApprovalId) found.push({ field: 'proxyApprovalId', message: t('procedure.proxyNeeded') });
    for (const field of visibleFields) {
      const value = values[field.name];
      const label = t(field.label);
      if (field.required && (value === '' || (Array.isArray(value) && value.length === 0))) {
        found.push({ field: field.name, message: field.kind === 'documents' ? t('form.chooseDocuments') : t('form.required', { label }) });
      } else if (field.kind === 'date' && value && !isRealDate(String(value))) {
        found.push({ field: field.name, message: t('form.date', { label }) });
      } else if (field.kind === 'pin' && field.pinKind && value && !checkPinFormat(field.pinKind, String(value)).valid) {
        found.push({ field: field.name, message: t('form.pin4', { label }) });
      } else if (field.kind === 'postal-code' && value && normalizePostalCode(String(value)) === undefined) {
        found.push({ field: field.name, message: t('form.postalCode', { label }) });
      } else if (field.kind === 'kana' && value && !isKana(String(value))) {
        found.push({ field: field.name, message: t('form.kana', { label }) });
      } else if (field.kind === 'documents' && !identityProven(field, values, context)) {
        found.push({ field: field.name, message: errorText('IDENTITY.INSUFFICIENT', '') });
      }
    }
    return [...found, ...representativeProblems(spec.representative, { ...values, presence }, context), ...(spec.validate?.(values, context) ?? [])];
  };

  const review = async () => {
    if (checking) return;
    const asked = latest.current;
    // What the clerk changed while the server checked was not checked: the answer is dropped and the form stays to review again.
    const stillAsked = () => Object.entries(asked).every(([name, value]) => latest.current[name as keyof typeof asked] === value);
    setChecking(true);
    try {
      const found = [...check(), ...((await spec.checks?.(values, context)) ?? [])];
      if (!stillAsked()) return;
      setProblems(found);
      if (found.length > 0) return;
      const lines = spec.preview ? await spec.preview(values, context) : [];
      if (!stillAsked()) return;
      setPreview(lines);
      setStep('review');
    } finally {
      setChecking(false);
    }
  };

  const fromProblem = (problem: Problem): FieldProblem[] => {
    const left = problem.remainingAttempts;
    // a wrong PIN says how many tries are left before the chip locks it.
    const message =
      problem.code === 'PIN.MISMATCH' && typeof left === 'number' ? t('pin.wrongTriesLeft', { left }) : errorText(problem.code, problem.detail);
    const mapped = spec.fieldOfCode?.[problem.code];
    if (problem.code === 'INPUT.INVALID' && problem.errors?.length) {
      return problem.errors.map((error) => {
        const field = error.pointer.split('/')[1] ?? '';
        const known = spec.fields.find((spec) => spec.name === field);
        return { field: known ? field : '', message: known ? t('form.checkField', { label: t(known.label) }) + `（${error.message}）` : error.message };
      });
    }
    return [{ field: mapped ?? '', message }];
  };

  const send = async () => {
    setStep('sending');
    const body = spec.presence ? { ...values, presence, ...(presence === 'proxy' && { proxyApprovalId }) } : values;
    const result = await spec.submit(body, context);
    if (!result.ok && result.problem.code === 'NETWORK') {
      setUnreachable(true);
      setStep('review');
      return;
    }
    setUnreachable(false);
    if (!result.ok) {
      setLockedPin(result.problem.code === 'PIN.LOCKED' && typeof result.problem.kind === 'string' ? result.problem.kind : undefined);
      setProblems(fromProblem(result.problem));
      setStep('edit');
      return;
    }
    const slip = await spec.slip(result.data, values, context);
    const presenceLine: [string, string] = [t('procedure.presence'), t(`presence.${presence}` as MessageKey)];
    const lines = [...slip.lines, ...(spec.presence ? [presenceLine] : []), ...representativeLines(spec.representative, body, context)];
    const recorded = slip.residentId && !slip.reference ? await justRecorded(slip.residentId, user!.id) : undefined;
    const id = saveSlip({ ...slip, lines, clerk: user!.name, ...(recorded && { reference: recorded.id, at: recorded.occurredAt }) });
    navigate(`/slips/${id}`);
  };

  const field = (spec: FieldSpec) => {
    const common = { name: spec.name, label: t(spec.label), hint: spec.hint ? t(spec.hint) : undefined, error: errorOf(spec.name) };
    const value = values[spec.name];
    switch (spec.kind) {
      case 'select':
        return <SelectInput key={spec.name} {...common} value={str(values, spec.name)} onChange={set(spec.name)} options={spec.options?.(context) ?? []} />;
      case 'radios':
        return <Radios key={spec.name} {...common} value={str(values, spec.name)} onChange={set(spec.name)} options={spec.options?.(context) ?? []} />;
      case 'checkbox':
        return <Checkbox key={spec.name} {...common} checked={value === true} onChange={set(spec.name)} />;
      case 'documents':
        return (
          <Checkboxes
            key={spec.name}
            {...common}
            hint={t('document.rule')}
            values={list(values, spec.name)}
            onChange={set(spec.name)}
            options={DOCUMENT_KINDS.map((kind) => ({ value: kind, label: t(`document.${kind}` as MessageKey) }))}
          />
        );
      case 'date':
        return <TextInput key={spec.name} {...common} type="date" width="medium" value={str(values, spec.name)} onChange={set(spec.name)} />;
      case 'pin':
        return <TextInput key={spec.name} {...common} type="password" width="short" inputMode="numeric" autoComplete="off" value={str(values, spec.name)} onChange={set(spec.name)} />;
      case 'signature-pin':
        return <TextInput key={spec.name} {...common} type="password" width="medium" autoComplete="off" value={str(values, spec.name)} onChange={set(spec.name)} />;
      case 'tel':
        return <TextInput key={spec.name} {...common} type="tel" width="medium" inputMode="tel" value={str(values, spec.name)} onChange={set(spec.name)} />;
      case 'postal-code':
        return <TextInput key={spec.name} {...common} width="short" inputMode="numeric" autoComplete="postal-code" value={str(values, spec.name)} onChange={set(spec.name)} />;
      default:
        return <TextInput key={spec.name} {...common} value={str(values, spec.name)} onChange={set(spec.name)} lang={spec.kind === 'kana' ? 'ja' : undefined} />;
    }
  };

  const whom = resident ? `${resident.familyName} ${resident.givenName}（${resident.familyNameKana} ${resident.givenNameKana}）` : undefined;

  return (
    <Page title={t(spec.title)}>
      {whom ? <p className="lead">{t('procedure.for', { name: whom })}</p> : null}
      {spec.intro ? <p>{t(spec.intro)}</p> : null}
      {step === 'edit' ? (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void review();
          }}
        >
          <ErrorSummary problems={problems} />
          {lockedPin && card?.allowedActions.includes('reset-pin') && resident ? (
            <Notice tone="warning" title={t('pin.lockedTitle')}>
              <p>{t('pin.lockedBody')}</p>
              <Link className="button button--secondary" to={`/cards/${card.id}/pin-reset?resident=${resident.id}&kind=${lockedPin}`}>
                {t('pin.resetNow')}
              </Link>
            </Notice>
          ) : null}
          {spec.verify?.length ? (
            <Checkboxes
              name="verify"
              label={t('procedure.verifyFirst')}
              error={problems.some((problem) => problem.field === 'verify') ? t('procedure.verifyAll') : undefined}
              values={verified}
              onChange={setVerified}
              options={spec.verify.map((item) => ({ value: item, label: t(item) }))}
            />
          ) : null}
          {spec.presence ? (
            <>
              <Radios
                name="presence"
                label={t('procedure.presence')}
                value={presence}
                onChange={(value) => setPresence(value as Presence)}
                options={[
                  { value: 'holder', label: t('presence.holder') },
                  { value: 'household-member', label: t('presence.household-member'), hint: t('presence.householdHint') },
                  { value: 'proxy', label: t('presence.proxy'), hint: t('presence.proxyHint') },
                ]}
              />
              {presence === 'proxy' ? (
                approvals.length > 0 ? (
                  <SelectInput
                    name="proxyApprovalId"
                    label={t('procedure.proxyApproval')}
                    error={errorOf('proxyApprovalId')}
                    value={proxyApprovalId}
                    onChange={setProxyApprovalId}
                    options={[
                      { value: '', label: t('procedure.choose') },
                      ...approvals.map((approval) => ({
                        value: approval.id,
                        label: `${proxyProcedureLabel(t, approval.procedure)}: ${String((approval.payload.proxy as { name?: string } | undefined)?.name ?? '')}（${approval.decidedAt?.slice(0, 10) ?? ''}）`,
                      })),
                    ]}
                  />
                ) : (
                  <Notice tone="warning">{t('procedure.noProxyApproval')}</Notice>
                )
              ) : null}
            </>
          ) : null}
          {visibleFields.map(field)}
          <RepresentativeFieldset need={spec.representative} values={{ ...values, presence }} context={context} onChange={(name, value) => set(name)(value)} errorOf={errorOf} />
          <div className="actions">
            <button type="submit" className="button" aria-disabled={checking || undefined}>
              {checking ? t('procedure.checking') : t('procedure.next')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => navigate(-1)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <section aria-labelledby="review-title">
          <ErrorSummary title={t('procedure.unreachableTitle')} problems={unreachable ? [{ field: '', message: t('procedure.unreachable') }] : []} />
          <h2 id="review-title">{t('procedure.review')}</h2>
          <SummaryList
            rows={[...visibleFields.map((field) => [t(field.label), shown(field, values[field.name]!, context)] as const), ...representativeLines(spec.representative, { ...values, presence }, context)]}
          />
          {preview.length ? (
            <>
              <h3>{t('procedure.decided')}</h3>
              <SummaryList rows={preview.map((line) => [line.label, line.emphasis ? <strong>{line.value}</strong> : line.value] as const)} />
            </>
          ) : null}
          {(spec.warnings?.(values, context) ?? []).map((warning) => (
            <Notice key={warning} tone="warning">
              {warning}
            </Notice>
          ))}
          <div className="actions">
            <button type="button" className="button" disabled={step === 'sending'} onClick={() => void send()}>
              {step === 'sending' ? t('procedure.sending') : t('procedure.confirm')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setStep('edit')}>
              {t('procedure.back')}
            </button>
          </div>
        </section>
      )}
    </Page>
  );
}
