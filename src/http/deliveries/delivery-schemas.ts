import { Type } from 'typebox';
import { MAX_DELIVERY_ROWS } from '../../app/deliveries.ts';
import { Body } from '../body-fields.ts';

/**
 * The requests of docs/api.md "Pickup" (delivery-routes.ts). The cells of each row are checked
 * row by row by the use case, so that a bad row is listed by its line and the rest is checked
 * in; the body's shape is checked here. Held to the use case's input by ../agreement.ts.
 */
export const DeliveryBody = Body({
  officeId: Type.String({ minLength: 1, maxLength: 64, description: 'The receiving office: the counter the cards were sent to' }),
  receivedOn: Type.String({ minLength: 1, maxLength: 32, description: 'The day the delivery arrived (YYYY-MM-DD): the cards are ready from it (readyOn, R-19)' }),
  cards: Type.Array(
    Type.Object(
      {
        cardId: Type.String({ maxLength: 64 }),
        issueDate: Type.String({ maxLength: 32, description: '発行日 (YYYY-MM-DD)' }),
      },
      { additionalProperties: false },
    ),
    { minItems: 1, maxItems: MAX_DELIVERY_ROWS },
  ),
});

/** For a `text/csv` body: the office and day are in the query. */
export const DeliveryQuery = Type.Object(
  {
    officeId: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'With a text/csv body: the receiving office' })),
    receivedOn: Type.Optional(Type.String({ minLength: 1, maxLength: 32, description: 'With a text/csv body: the day the delivery arrived' })),
  },
  { additionalProperties: false },
);
