import { Type } from 'typebox';
import { DELIVERY_ROW_CODES, MAX_DELIVERY_ROWS } from '../../app/deliveries.ts';
import { DateSchema } from '../../rules/schema.ts';
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

/** The answer of a delivery's check-in (app/deliveries.ts DeliveryReport). */
export const DeliveryReportSchema = Type.Object({
  deliveryId: Type.String({ description: 'The audit trail names the delivery by it' }),
  officeId: Type.String(),
  receivedOn: DateSchema,
  rows: Type.Integer({ description: 'Rows read (cards listed in the delivery)' }),
  accepted: Type.Integer({ description: 'Cards made ready by this request' }),
  unchanged: Type.Integer({ description: 'Cards already ready from this same delivery (a re-send): not an error, nothing changed' }),
  collectBy: DateSchema,
  rejected: Type.Array(
    Type.Object({
      line: Type.Integer({ description: 'The line of the CSV file (the header is line 1), or the position in `cards` from 1' }),
      cardId: Type.String(),
      code: Type.Enum(DELIVERY_ROW_CODES),
      message: Type.String(),
    }),
  ),
});
