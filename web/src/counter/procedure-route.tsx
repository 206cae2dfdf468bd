import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { answer, api } from '../api/client';
import type { CardView } from '../api/types';
import { Page } from '../components/layout';
import { useI18n } from '../i18n/i18n';
import { ProcedurePage } from './procedure-page';
import { ARRIVAL, REGISTER } from './register-specs';
import { useResident } from './resident-page';
import { CARD_PROCEDURES, RESIDENT_PROCEDURES } from './specs';

function Missing() {
  const { t } = useI18n();
  return (
    <Page title={t('procedure.unknown')}>
      <Link to="/residents">{t('nav.search')}</Link>
    </Page>
  );
}

export function RegisterRoute({ arrival }: { arrival?: boolean }) {
  return <ProcedurePage spec={arrival ? ARRIVAL : REGISTER} />;
}

/** /residents/:id/:procedure — a procedure of a resident record. */
export function ResidentProcedureRoute() {
  const { id, procedure } = useParams();
  const { t } = useI18n();
  const { resident } = useResident(id);
  const spec = RESIDENT_PROCEDURES.find((entry) => entry.id === procedure);
  if (!spec) return <Missing />;
  if (resident === undefined) return <Page title={t('common.loading')}>{null}</Page>;
  if (resident === null) return <Missing />;
  // A form of its own for each procedure and version: one procedure's answers never carry into the next one's.
  return <ProcedurePage key={`${spec.id}:${resident.version}`} spec={spec} resident={resident} />;
}

/** /cards/:id/:procedure — a procedure of a card, with its holder. */
export function CardProcedureRoute() {
  const { id, procedure } = useParams();
  const { t } = useI18n();
  const [card, setCard] = useState<CardView | null>();
  useEffect(() => {
    if (id) void answer(api.GET('/api/v1/cards/{id}', { params: { path: { id } } })).then((result) => setCard(result.ok ? result.data : null));
  }, [id]);
  const { resident } = useResident(card?.residentId);
  const spec = CARD_PROCEDURES.find((entry) => entry.id === procedure);
  if (!spec) return <Missing />;
  if (card === undefined || (card && resident === undefined)) return <Page title={t('common.loading')}>{null}</Page>;
  if (card === null || !resident) return <Missing />;
  return <ProcedurePage key={`${spec.id}:${card.version}`} spec={spec} resident={resident} card={card} />;
}
