/** A setting or a configuration file the operator must fix; shown as one line, never as a trace. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}
