import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { answer, api } from '../api/client';
import type { Approval } from '../api/types';
import { useSession } from '../auth/session';
import { officeLabel } from '../components/office';
import { Notice, StatusTag, SummaryList } from '../components/bits';
import { ErrorSummary, fieldId, TextInput, type FieldProblem } from '../components/form';
import { Page } from '../components/layout';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { proxyProcedureLabel } from '../i18n/proxy-procedure';

/** Requests waiting for a supervisor (proxy procedures, number changes), with approve and refuse. */
export function ApprovalsPage() {
  const { t, error } = useI18n();
  const { user, permissions } = useSession();
  const [approvals, setApprovals] = useState<Approval[]>();
  const [message, setMessage] = useState<{ tone: 'success' | 'warning'; text: string }>();
  const load = useCallback(async () => {
    const result = await answer(api.GET('/api/v1/approvals', { params: { query: { status: 'pending' } } }));
    setApprovals(result.ok ? result.data : []);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  const decides = permissions.includes('approval.decide');
  return (
    <Page title={t('approvals.title')} wide>
      <p>{t(decides ? 'approvals.introSupervisor' : 'approvals.introClerk')}</p>
      {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
      {approvals === undefined ? <p>{t('common.loading')}</p> : approvals.length === 0 ? <p>{t('approvals.none')}</p> : null}
      {approvals?.map((approval) => (
        <ApprovalItem
          key={approval.id}
          approval={approval}
          // The server also refuses one's own request and another office's (APPROVAL.SELF_APPROVAL,
          // AUTH.OFFICE_NOT_ALLOWED); an approval names no allowed actions, so the page asks these itself.
          canDecide={decides && approval.requestedBy !== user?.id && approval.requestedOfficeId === user?.officeId}
          onDecided={async (approve, result) => {
            setMessage(result.ok ? { tone: 'success', text: t(approve ? 'approvals.approved' : 'approvals.refused') } : { tone: 'warning', text: error(result.code, result.detail) });
            await load();
          }}
        />
      ))}
    </Page>
  );
}

function ApprovalItem({ approval, canDecide, onDecided }: { approval: Approval; canDecide: boolean; onDecided: (approve: boolean, result: { ok: boolean; code: string; detail: string }) => Promise<void> }) {
  const { t, time, lang } = useI18n();
  const { offices } = useSession();
  const [note, setNote] = useState('');
  // A refusal is asked twice: the reason first, then the refusal confirmed with it.
  const [refusing, setRefusing] = useState(false);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const proxy = approval.payload.proxy as { name?: string; relationship?: string; authorityDocument?: string; identityDocuments?: string[] } | undefined;
  const noteField = `note-${approval.id}`;
  const decide = async (approve: boolean) => {
    if (!approve && !note.trim()) {
      setProblems([{ field: noteField, message: t('approvals.reasonRequired') }]);
      return;
    }
    const path = approve ? '/api/v1/approvals/{id}/approve' : '/api/v1/approvals/{id}/refuse';
    const result = await answer(api.POST(path, { params: { path: { id: approval.id } }, body: note.trim() ? { note: note.trim() } : {} }));
    await onDecided(approve, result.ok ? { ok: true, code: '', detail: '' } : { ok: false, code: result.problem.code, detail: result.problem.detail });
  };
  const who = approval.resident ? `${approval.resident.name}（${approval.resident.kana}）` : t('approvals.openResident');
  return (
    <article className="card-panel" aria-labelledby={`approval-${approval.id}`}>
      <h2 id={`approval-${approval.id}`}>
        {t(approval.kind === 'proxy' ? 'approvals.proxy' : 'approvals.numberChange')}：{approval.resident?.name ?? ''} <StatusTag status={approval.status} kind="approval" />
      </h2>
      <SummaryList
        rows={[
          [t('approvals.resident'), <Link to={`/residents/${approval.residentId}`}>{who}</Link>],
          [t('approvals.requested'), `${time(approval.requestedAt)}（${t('approvals.japanTime')}）・${officeLabel(offices, approval.requestedOfficeId, lang)}`],
          ...(approval.kind === 'proxy'
            ? ([
                [t('field.proxyProcedure'), proxyProcedureLabel(t, approval.procedure)],
                [t('field.proxyName'), `${proxy?.name ?? ''}（${proxy?.relationship ?? ''}）`],
                [t('field.authorityDocument'), proxy?.authorityDocument ?? '—'],
                [t('field.proxyDocuments'), (proxy?.identityDocuments ?? []).map((kind) => t(`document.${kind}` as MessageKey)).join('、')],
                [t('field.enquiredOn'), String(approval.payload.enquiredOn ?? '')],
              ] as const)
            : ([
                [t('field.numberChangeReason'), String(approval.payload.reason ?? '')],
                ...(approval.payload.proxyApprovalId ? ([[t('procedure.presence'), t('presence.proxy')]] as const) : []),
              ] as const)),
        ]}
      />
      {canDecide ? (
        <>
          <ErrorSummary problems={problems} />
          <TextInput
            name={noteField}
            label={refusing ? t('approvals.reason') : t('approvals.note')}
            hint={refusing ? t('approvals.reasonHint') : undefined}
            value={note}
            onChange={setNote}
            width="long"
            error={problems.find((problem) => problem.field === noteField)?.message}
          />
          {refusing ? (
            <div className="actions">
              <button type="button" className="button button--warning" onClick={() => void decide(false)}>
                {t('approvals.confirmRefusal')}
              </button>
              <button
                type="button"
                className="button button--secondary"
                onClick={() => {
                  setRefusing(false);
                  setProblems([]);
                }}
              >
                {t('common.cancel')}
              </button>
            </div>
          ) : (
            <div className="actions">
              <button type="button" className="button" onClick={() => void decide(true)}>
                {t('approvals.approve')}
              </button>
              <button
                type="button"
                className="button button--secondary"
                onClick={() => {
                  setRefusing(true);
                  document.getElementById(fieldId(noteField))?.focus();
                }}
              >
                {t('approvals.refuse')}
              </button>
            </div>
          )}
        </>
      ) : (
        <p className="secondary">{t('approvals.cannotDecide')}</p>
      )}
    </article>
  );
}
