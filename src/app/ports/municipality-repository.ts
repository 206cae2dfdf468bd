/**
 * A municipality a deployment serves besides the one its offices file names (docs/scale.md
 * "Several municipalities"): its offices file and policy as JSON text, checked when added and
 * again whenever a process opens it.
 */
export interface RegisteredMunicipality {
  readonly code: string;
  readonly name: string;
  readonly officesJson: string;
  /** The policy file's JSON, or undefined for the deployment's policy. */
  readonly policyJson: string | undefined;
  /** The host name (lower case) its residents' pages are served under, or undefined. */
  readonly publicHost: string | undefined;
  readonly addedAt: string;
}

/**
 * The deployment's list of municipalities. `add` writes the scope's own municipality (so that the
 * row commits with that municipality's audit entry, in one transaction of one municipality);
 * `list` reads every municipality's row, for a process opening them all.
 */
export interface MunicipalityRepository {
  list(): Promise<RegisteredMunicipality[]>;
  /** The scope's own row, or undefined. */
  get(): Promise<RegisteredMunicipality | undefined>;
  add(municipality: Omit<RegisteredMunicipality, 'code'>): Promise<void>;
}
