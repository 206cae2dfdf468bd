import type { Who, World } from './world.ts';

/** Checks the cards in as delivered to honcho on `receivedOn`, made on `issueDate`; throws unless every one was accepted. */
export async function deliver(world: World, cardIds: readonly string[], receivedOn: string, issueDate = receivedOn, who: Who = 'clerk'): Promise<void> {
  const answer = await world.call(who, 'POST', '/api/v1/deliveries', { officeId: 'honcho', receivedOn, cards: cardIds.map((cardId) => ({ cardId, issueDate })) });
  if (answer.status !== 200 || answer.body.accepted !== cardIds.length) throw new Error(`delivery: ${JSON.stringify(answer.body)}`);
}
