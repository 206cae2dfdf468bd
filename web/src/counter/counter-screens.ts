/**
 * The counter's screens, loaded as one chunk when a clerk first opens one: the sign-in page and
 * the other roles' screens never download them (main.tsx).
 */
export { CardProcedureRoute, RegisterRoute, ResidentProcedureRoute } from './procedure-route';
export { ResidentPage } from './resident-page';
export { SearchPage } from './search-page';
export { SlipPage } from './slip-page';
export { AppointmentsPage } from './appointments-page';
export { DeliveryPage } from './delivery-page';
