import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { answer, api } from '../api/client';
import type { Response } from '../api/types';
import { useSession } from '../auth/session';
import { officeLabel } from '../components/office';
import { Notice } from '../components/bits';
import { Page } from '../components/layout';
import { useI18n } from '../i18n/i18n';

type Day = Response<'/api/v1/appointments', 'get'>;

/** The business date in Japan: a training instance's date when the server names one, else today there. */
function japanToday(): string {
  return document.body.dataset.training ?? new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);
}

/** "9:00–9:30" of a slot written in Japan time (`2026-11-30T09:00:00+09:00`). */
function slotTime(start: string, end: string): string {
  const time = (moment: string) => `${Number(moment.slice(11, 13))}:${moment.slice(14, 16)}`;
  return `${time(start)}–${time(end)}`;
}

/**
 * 受取予約: the pickup appointments of the clerk's own office on a day (docs/pickup.md
 * "Appointments"), who comes when, links to the resident and to the hand-over of the card, and a
 * no-show button once an appointment's time has begun.
 */
export function AppointmentsPage() {
  const { t, error, lang } = useI18n();
  const { user, offices } = useSession();
  const [date, setDate] = useState(japanToday);
  const [day, setDay] = useState<Day>();
  const [message, setMessage] = useState<{ tone: 'success' | 'warning'; text: string }>();
  const officeId = user?.officeId ?? '';
  const load = useCallback(async () => {
    const result = await answer(api.GET('/api/v1/appointments', { params: { query: { officeId, date } } }));
    if (result.ok) setDay(result.data);
    else {
      setDay({ officeId, date, appointments: [] });
      setMessage({ tone: 'warning', text: error(result.problem.code, result.problem.detail) });
    }
  }, [officeId, date, error]);
  useEffect(() => {
    void load();
  }, [load]);
  const now = new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 19);
  /** The appointment whose no-show is being recorded: its button takes no second click meanwhile. */
  const [marking, setMarking] = useState<string>();
  const noShow = async (id: string) => {
    if (marking !== undefined) return;
    setMarking(id);
    try {
      const result = await answer(api.POST('/api/v1/appointments/{id}/no-show', { params: { path: { id } }, body: {} }));
      // The row says 来庁なし with the notice that says so, not only once the day is read again.
      if (result.ok) setDay((current) => current && { ...current, appointments: current.appointments.map((each) => (each.id === id ? { ...each, status: 'no-show' as const } : each)) });
      setMessage(result.ok ? { tone: 'success', text: t('appointments.markedNoShow') } : { tone: 'warning', text: error(result.problem.code, result.problem.detail) });
    } finally {
      setMarking(undefined);
    }
    await load();
  };
  return (
    <Page title={t('appointments.title')} wide>
      <p>{t('appointments.intro', { office: officeLabel(offices, officeId, lang) })}</p>
      <div className="field">
        <label htmlFor="appointments-date">{t('appointments.date')}</label>
        <input id="appointments-date" type="date" value={date} onChange={(event) => event.target.value && setDate(event.target.value)} />
      </div>
      {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
      {day === undefined ? (
        <p>{t('common.loading')}</p>
      ) : day.appointments.length === 0 ? (
        <p>{t('appointments.none')}</p>
      ) : (
        <table className="table">
          <caption>{t('appointments.caption', { date: day.date, count: String(day.appointments.length) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('appointments.time')}</th>
              <th scope="col">{t('appointments.resident')}</th>
              <th scope="col">{t('appointments.card')}</th>
              <th scope="col">{t('appointments.status')}</th>
            </tr>
          </thead>
          <tbody>
            {day.appointments.map((appointment) => {
              const name = `${appointment.resident.familyName} ${appointment.resident.givenName}`;
              return (
                <tr key={appointment.id}>
                  <td>{slotTime(appointment.slotStart, appointment.slotEnd)}</td>
                  <td>
                    <Link to={`/residents/${appointment.resident.id}`}>{name}</Link>
                    <br />
                    <span lang="ja">{`${appointment.resident.familyNameKana} ${appointment.resident.givenNameKana}`}</span>
                  </td>
                  <td>
                    {appointment.card.status === 'ready' ? (
                      <Link to={`/cards/${appointment.card.id}/issue`}>{t('appointments.handOver', { name })}</Link>
                    ) : (
                      t('appointments.cardStatus', { status: appointment.card.status })
                    )}
                  </td>
                  <td>
                    {appointment.status === 'no-show' ? (
                      t('appointments.noShow')
                    ) : appointment.slotStart.slice(0, 19) <= now ? (
                      <button type="button" className="button button--secondary" aria-disabled={marking === appointment.id || undefined} onClick={() => void noShow(appointment.id)}>
                        {t('appointments.markNoShow', { name })}
                      </button>
                    ) : (
                      t('appointments.booked')
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </Page>
  );
}
