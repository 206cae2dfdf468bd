import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { answer, api } from '../api/client';
import type { CardView, Procedure, ResidentDetail, Response } from '../api/types';
import { useSession } from '../auth/session';
import { procedureKindLabel } from '../i18n/procedure-kind';
import { DateText, Notice, StatusTag, SummaryList } from '../components/bits';
import { ErrorSummary, TextInput } from '../components/form';
import { Page } from '../components/layout';
import { officeLabel } from '../components/office';
import { todayInJapan } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import type { ProcedureContext } from './procedure';
import { saveSlip } from './slip-store';
import { CARD_PROCEDURES, RESIDENT_PROCEDURES } from './specs';
import { representativeOfRecord } from './representative-fieldset';

/** Loads a resident with their cards and household, again whenever asked. */
export function useResident(id: string | undefined) {
  const [resident, setResident] = useState<ResidentDetail | null>();
  const load = useCallback(async () => {
    if (!id) return;
    const result = await answer(api.GET('/api/v1/residents/{id}', { params: { path: { id } } }));
    setResident(result.ok ? result.data : null);
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);
  return { resident, reload: load };
}

/** What the procedures are offered by; undefined until the session, its offices and policy are known. */
function useProcedureContext(resident: ResidentDetail | undefined, card: CardView | undefined): ProcedureContext | undefined {
  const i18n = useI18n();
  const { user, permissions, offices, policy } = useSession();
  if (!user || !offices || !policy) return undefined;
  return { resident, card, user, permissions, offices, policy, today: todayInJapan(), lang: i18n.lang, t: i18n.t, date: i18n.date, money: i18n.money, error: i18n.error };
}

export function ResidentPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const { resident } = useResident(id);
  const context = useProcedureContext(resident ?? undefined, undefined);
  if (resident === undefined || (resident && !context)) return <Page title={t('common.loading')}>{null}</Page>;
  if (resident === null || !context)
    return (
      <Page title={t('resident.notFound')}>
        <Link to="/residents">{t('nav.search')}</Link>
      </Page>
    );
  const name = `${resident.familyName} ${resident.givenName}`;
  const offered = RESIDENT_PROCEDURES.filter((spec) => spec.offered(context));
  return (
    <Page title={name} wide>
      <p className="lead" lang="ja">
        {resident.familyNameKana} {resident.givenNameKana}
      </p>
      {resident.registration !== 'registered' ? <Notice tone="warning">{t(`registration.${resident.registration}` as MessageKey)}</Notice> : null}
      <div className="columns">
        <section aria-labelledby="person-title" className="column">
          <h2 id="person-title">{t('resident.person')}</h2>
          <SummaryList
            rows={[
              [t('field.birthDate'), <DateText value={resident.birthDate} />],
              [t('field.sex'), t(`sex.${resident.sex}` as MessageKey)],
              [t('field.address'), resident.postalCode ? `〒${resident.postalCode} ${resident.address}` : resident.address],
              [t('field.phone'), resident.phone ?? '—'],
              [t('field.residency'), `${t(`residency.${resident.residency}` as MessageKey)}（${resident.nationality}）`],
              ...(resident.periodOfStayEnd ? ([[t('field.periodOfStayEnd'), <DateText value={resident.periodOfStayEnd} />]] as const) : []),
              ...(resident.residenceCardNumber ? ([[t('field.residenceCardNumber'), resident.residenceCardNumber]] as const) : []),
              ...(resident.adultWard ? ([[t('field.adultWard'), t('adultWard.yes')]] as const) : []),
              [t('field.residentCode'), resident.residentCode],
              [t('field.individualNumber'), <NumberReveal residentId={resident.id} masked={resident.individualNumber} />],
              ...(resident.moveInDate ? ([[t('field.moveInDate'), <DateText value={resident.moveInDate} />]] as const) : []),
            ]}
          />
          <h2>{t('resident.household')}</h2>
          {resident.household.length ? (
            <ul>
              {resident.household.map((member) => (
                <li key={member.id}>
                  <Link to={`/residents/${member.id}`}>{`${member.familyName} ${member.givenName}`}</Link>（<DateText value={member.birthDate} />）
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('resident.alone')}</p>
          )}
          <p>
            <Link to={`/residents/new?household=${resident.householdId}`}>{t('resident.addToHousehold')}</Link>
          </p>
        </section>
        <section aria-labelledby="procedures-title" className="column">
          <h2 id="procedures-title">{t('resident.procedures')}</h2>
          <ul className="action-list">
            {offered.map((spec) => (
              <li key={spec.id}>
                <Link className="action-link" to={`/residents/${resident.id}/${spec.id}`}>
                  {t(spec.title)}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      </div>
      <section aria-labelledby="cards-title">
        <h2 id="cards-title">{t('resident.cards')}</h2>
        {resident.cards.length === 0 ? <p>{t('resident.noCards')}</p> : null}
        {[...resident.cards].reverse().map((card) => (
          <CardPanel key={card.id} card={card} resident={resident} />
        ))}
      </section>
      <ProcedureHistory resident={resident} />
    </Page>
  );
}

function NumberReveal({ residentId, masked }: { residentId: string; masked: string }) {
  const { t, error } = useI18n();
  const [open, setOpen] = useState(false);
  const [purpose, setPurpose] = useState('');
  const [number, setNumber] = useState<string>();
  const [problem, setProblem] = useState<string>();
  useEffect(() => {
    if (!number) return;
    const timer = setTimeout(() => setNumber(undefined), 60_000);
    return () => clearTimeout(timer);
  }, [number]);
  if (number) return <span role="status">{number}</span>;
  return (
    <>
      <span>{masked}</span>{' '}
      {open ? (
        <form
          className="inline-form"
          noValidate
          onSubmit={async (event) => {
            event.preventDefault();
            if (!purpose.trim()) {
              setProblem(t('form.required', { label: t('reveal.purpose') }));
              return;
            }
            const result = await answer(api.POST('/api/v1/residents/{id}/individual-number/reveal', { params: { path: { id: residentId } }, body: { purpose: purpose.trim() } }));
            if (result.ok) setNumber(result.data.individualNumber);
            else setProblem(error(result.problem.code, result.problem.detail));
          }}
        >
          <ErrorSummary problems={problem ? [{ field: 'purpose', message: problem }] : []} />
          <TextInput name="purpose" label={t('reveal.purpose')} hint={t('reveal.hint')} value={purpose} onChange={setPurpose} width="medium" error={problem} />
          <button type="submit" className="button button--small">
            {t('reveal.show')}
          </button>
        </form>
      ) : (
        <button type="button" className="button button--secondary button--small" onClick={() => setOpen(true)}>
          {t('reveal.open')}
        </button>
      )}
    </>
  );
}

const isHeld = (card: CardView) => card.status === 'active' || card.status === 'suspended';

function CardPanel({ card, resident }: { card: CardView; resident: ResidentDetail }) {
  const { t, lang, date } = useI18n();
  const { offices } = useSession();
  const context = useProcedureContext(resident, card);
  const offered = context ? CARD_PROCEDURES.filter((spec) => spec.offered(context)) : [];
  // A card no longer in the holder's use (expired, abolished, returned) has no suspension to lift
  // and no PIN to enter: its last states are history, not something to act on.
  const pins = isHeld(card) ? card.pins : null;
  // R-16: an old card stays usable until its successor is handed over, and is taken back then.
  const successor = isHeld(card) ? resident.cards.find((other) => other.previousCardId === card.id && (other.status === 'applied' || other.status === 'ready')) : undefined;
  const predecessor = card.status === 'applied' || card.status === 'ready' ? resident.cards.find((other) => other.id === card.previousCardId && isHeld(other)) : undefined;
  return (
    <article className="card-panel" aria-labelledby={`card-${card.id}`}>
      <h3 id={`card-${card.id}`}>
        {t('card.title')} <StatusTag status={card.status} />
        <span className="secondary"> {t(`applicationReason.${card.applicationReason}` as MessageKey)}</span>
      </h3>
      {successor ? (
        <Notice title={t('card.handOverPending')}>{t('card.handOverPendingBody', { status: t(`cardStatus.${successor.status}` as MessageKey) })}</Notice>
      ) : null}
      {predecessor ? <Notice title={t('card.takesBack')}>{t('card.takesBackBody', { status: t(`cardStatus.${predecessor.status}` as MessageKey) })}</Notice> : null}
      {card.scheduledAbolition && (isHeld(card) || card.status === 'applied' || card.status === 'ready') ? (
        <Notice tone="warning" title={t('card.scheduledAbolition')}>
          {t('card.scheduledAbolitionBody', { date: date(card.scheduledAbolition.on) })}
        </Notice>
      ) : null}
      {card.continuation ? (
        <Notice tone="warning" title={t('card.continuationPending')}>
          {t('card.continuationBy', { date: '' })}
          <DateText value={card.continuation.deadline} />
        </Notice>
      ) : null}
      {card.suspension && card.status === 'suspended' ? (
        <Notice tone="warning" title={t('card.suspended')}>
          {t(`reason.${card.suspension.reason}` as MessageKey)}・<DateText value={card.suspension.since} />・{t(`channel.${card.suspension.channel}` as MessageKey)}
        </Notice>
      ) : null}
      <div className="columns">
        <div className="column">
          <SummaryList
            rows={[
              [t('field.applicationDate'), <DateText value={card.applicationDate} />],
              [t('field.issueDate'), <DateText value={card.issueDate} />],
              [t('field.expiryDate'), <DateText value={card.expiryDate} />],
              [t('field.handedOverOn'), <DateText value={card.handedOverOn} />],
              [t('slip.pickupOffice'), officeLabel(offices, card.pickupOfficeId, lang)],
              ...(card.pickup
                ? ([
                    [t('field.readyOn'), <DateText value={card.pickup.readyOn} />],
                    [t('field.referenceNumber'), card.pickup.referenceNumber ? <span className="mono" data-field="referenceNumber">{card.pickup.referenceNumber}</span> : '—'],
                    ...(card.status === 'ready' ? ([[t('field.collectBy'), <DateText value={card.pickup.collectBy} />]] as const) : []),
                  ] as const)
                : []),
              ...(card.endedOn ? ([[t('card.ended'), <><DateText value={card.endedOn} />{card.endReason ? `（${t(`endReason.${card.endReason}` as MessageKey)}）` : null}</>]] as const) : []),
            ]}
          />
        </div>
        <div className="column">
          <h4>{t('card.notes', { used: card.frontNotes.length, capacity: card.notesCapacity })}</h4>
          {card.frontNotes.length ? (
            <ol>
              {card.frontNotes.map((note, index) => (
                <li key={index}>
                  <DateText value={note.date} />：{note.text}
                </li>
              ))}
            </ol>
          ) : (
            <p>{t('card.noNotes')}</p>
          )}
          <h4>{t('card.certificates')}</h4>
          <ul className="plain-list">
            {(['signature', 'user'] as const).map((kind) => (
              <li key={kind}>
                {t(`certificate.${kind}`)}：<StatusTag status={card.certificates[kind].status} kind="certificate" />
                {card.certificates[kind].expiresOn ? (
                  <>
                    {' '}
                    {t('card.until')} <DateText value={card.certificates[kind].expiresOn} />
                  </>
                ) : null}
              </li>
            ))}
          </ul>
          {pins ? (
            <>
              <h4>{t('card.pins')}</h4>
              <table className="table table--compact">
                <caption className="visually-hidden">{t('card.pins')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('field.pinKind')}</th>
                    <th scope="col">{t('card.pinState')}</th>
                  </tr>
                </thead>
                <tbody>
                  {(['residentRegistry', 'user', 'cardInfo', 'signature'] as const).map((kind) => (
                    <tr key={kind}>
                      <th scope="row">{t(`pinField.${kind}`)}</th>
                      <td>{!pins[kind].set ? t('card.pinNotSet') : pins[kind].locked ? <strong>{t('card.pinLocked')}</strong> : t('card.pinOk', { left: pins[kind].remainingAttempts })}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          ) : null}
        </div>
      </div>
      {offered.length ? (
        <>
          <h4>{t('card.procedures')}</h4>
          <ul className="action-list">
            {offered.map((spec) => (
              <li key={spec.id}>
                <Link className="action-link" to={`/cards/${card.id}/${spec.id}?resident=${resident.id}`}>
                  {t(spec.title)}
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <CardHistory cardId={card.id} />
    </article>
  );
}

function CardHistory({ cardId }: { cardId: string }) {
  const { t, time } = useI18n();
  const [events, setEvents] = useState<Response<'/api/v1/cards/{id}/history', 'get'>>();
  return (
    <details
      className="details"
      onToggle={(event) => {
        if ((event.target as HTMLDetailsElement).open && !events) {
          void answer(api.GET('/api/v1/cards/{id}/history', { params: { path: { id: cardId } } })).then((result) => result.ok && setEvents(result.data));
        }
      }}
    >
      <summary>{t('card.history')}</summary>
      {events ? (
        <ol>
          {events.map((event) => (
            <li key={event.version}>
              {t(`event.${event.type}` as MessageKey)}（{time(event.recordedAt)}）
            </li>
          ))}
        </ol>
      ) : (
        <p>{t('common.loading')}</p>
      )}
    </details>
  );
}

function ProcedureHistory({ resident }: { resident: ResidentDetail }) {
  const { t, money, lang } = useI18n();
  const { offices } = useSession();
  const navigate = useNavigate();
  const residentId = resident.id;
  const [procedures, setProcedures] = useState<Procedure[]>();
  /** The slip of a recorded procedure again, from what its record holds: what, where, who, when, the fee and its reference. */
  const reprint = (record: Procedure) => {
    const title = procedureKindLabel(t, record.kind);
    const id = saveSlip({
      title,
      residentId,
      lines: [
        [t('slip.procedure'), record.proxy ? `${title}（${t('presence.proxy')}）` : title],
        [t('slip.office'), officeLabel(offices, record.officeId, lang)],
        [t('slip.resident'), `${resident.familyName} ${resident.givenName}（${resident.familyNameKana} ${resident.givenNameKana}）`],
      ],
      next: [],
      ...(record.fee !== null && { fee: record.fee, receiptNumber: record.receiptNumber }),
      clerk: record.staffName ?? '—',
      at: record.occurredAt,
      reference: record.id,
      reprint: true,
    });
    navigate(`/slips/${id}`);
  };
  useEffect(() => {
    void answer(api.GET('/api/v1/residents/{id}/procedures', { params: { path: { id: residentId } } })).then((result) => result.ok && setProcedures(result.data));
  }, [residentId]);
  if (!procedures?.length) return null;
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">{t('resident.history')}</h2>
      <table className="table table--compact">
        <caption className="visually-hidden">{t('resident.history')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('slip.date')}</th>
            <th scope="col">{t('slip.procedure')}</th>
            <th scope="col">{t('slip.office')}</th>
            <th scope="col">{t('slip.fee')}</th>
            <th scope="col">{t('slip.receiptNumber')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('slip.heading')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {[...procedures].reverse().map((record) => (
            <tr key={record.id}>
              <td>
                <DateText value={record.businessDate} />
              </td>
              <td>
                {procedureKindLabel(t, record.kind)}
                {record.proxy ? `（${t('presence.proxy')}）` : ''}
                {representativeOfRecord(record.details, t)}
              </td>
              <td>{officeLabel(offices, record.officeId, lang)}</td>
              <td>{record.fee ? money(record.fee) : '—'}</td>
              <td>{record.receiptNumber ?? '—'}</td>
              <td>
                <button type="button" className="button button--secondary button--small" onClick={() => reprint(record)}>
                  {t('slip.reprint')}
                  <span className="visually-hidden">{`：${procedureKindLabel(t, record.kind)}（${record.businessDate}）`}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
