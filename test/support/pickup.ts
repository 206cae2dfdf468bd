import { residentBody, type Who, type World } from './world.ts';

/** A resident with a card applied for on 2026-09-01, to be collected at the office of `who` (honcho for the clerk). */
export async function appliedCard(
  world: World,
  overrides: Record<string, unknown> = {},
  who: Who = 'clerk',
  application: Record<string, unknown> = {},
): Promise<{ residentId: string; cardId: string }> {
  const resident = await world.call(who, 'POST', '/api/v1/residents', residentBody(overrides));
  if (resident.status !== 201) throw new Error(`registration: ${JSON.stringify(resident.body)}`);
  const card = await world.call(who, 'POST', `/api/v1/residents/${resident.body.id}/card-applications`, {
    applicationDate: '2026-09-01',
    photoTakenOn: '2026-08-20',
    withSignatureCertificate: true,
    withUserCertificate: true,
    ...application,
  });
  if (card.status !== 201) throw new Error(`application: ${JSON.stringify(card.body)}`);
  return { residentId: resident.body.id, cardId: card.body.id };
}

/** Checks the cards in as delivered to honcho on `receivedOn`, made on `issueDate`; throws unless every one was accepted. */
export async function deliver(world: World, cardIds: readonly string[], receivedOn: string, issueDate = receivedOn, who: Who = 'clerk'): Promise<void> {
  const answer = await world.call(who, 'POST', '/api/v1/deliveries', { officeId: 'honcho', receivedOn, cards: cardIds.map((cardId) => ({ cardId, issueDate })) });
  if (answer.status !== 200 || answer.body.accepted !== cardIds.length) throw new Error(`delivery: ${JSON.stringify(answer.body)}`);
}
