import { PROCEDURES, Procedure, proxyMayCome, REISSUE_PROCEDURE, type ProxyAllowedProcedure } from '../rules/procedures.ts';

/**
 * The R-13 row each command of the records service carries out (a reissue's row follows its
 * reason). Who may come follows from the table: a command takes `proxyApprovalId` exactly when a
 * row of its lets a proxy come, and an approval can name only a row that some command carries
 * out and that lets a proxy come, so no supervisor approves a procedure nothing will accept.
 *
 * Not here, as they carry out no row a resident comes for: manufacture (J-LIS makes the card), a
 * PIN check (a step of other procedures), the period-of-stay update (immigration decides it; the
 * card follows by validity-extension), registration, the calendar's expiries and abolitions, and
 * the proxy's enquiry itself. Nor an arrival from elsewhere: its 転入届 row lets a proxy come, but
 * an approval names a registered resident, and the newcomer is not one until the arrival is done.
 */
export const COMMAND_PROCEDURES = {
  'card.apply': [Procedure.Application],
  'card.issue': [Procedure.Issuance],
  'card.suspend': [Procedure.Suspension],
  'card.resume': [Procedure.SuspensionRelease],
  'card.pin-reset': [Procedure.PinReset],
  'card.certificate': [Procedure.CertificateIssue],
  'card.front-note': [Procedure.FrontSideChange],
  'card.continuation': [Procedure.Continuation],
  'card.extension': [Procedure.ValidityExtension],
  'card.reissue': Object.values(REISSUE_PROCEDURE),
  'card.return': [Procedure.Return],
  'resident.move-in': [Procedure.MoveInNotification],
  'resident.move-out': [Procedure.MoveOutNotification],
  'resident.change-address': [Procedure.AddressChangeNotification],
  'resident.change-name': [Procedure.FamilyRegisterNotification],
  'resident.change-number': [Procedure.NumberChange],
} as const satisfies Record<string, readonly Procedure[]>;
export type CommandName = keyof typeof COMMAND_PROCEDURES;

type RowsOf<C extends CommandName> = (typeof COMMAND_PROCEDURES)[C][number];

/** The procedures a proxy approval names (docs/api.md: POST /approvals, `procedure`): carried out here, and R-13 lets a proxy come. */
export type ProxyProcedure = Extract<RowsOf<CommandName>, ProxyAllowedProcedure>;

const CARRIED_OUT = new Set<Procedure>(Object.values(COMMAND_PROCEDURES).flat());

/** The same, in the table's order: the closed list the API and the counter app offer. */
export const PROXY_PROCEDURES: readonly ProxyProcedure[] = PROCEDURES.filter(
  (procedure): procedure is ProxyProcedure => CARRIED_OUT.has(procedure) && proxyMayCome(procedure),
);

/** Whether the command takes a proxy, as a type: the command's body has `proxyApprovalId` exactly then. */
export type TakesProxy<C extends CommandName> = [Extract<RowsOf<C>, ProxyAllowedProcedure>] extends [never] ? false : true;

export function takesProxy(command: CommandName): boolean {
  return (COMMAND_PROCEDURES[command] as readonly Procedure[]).some(proxyMayCome);
}
