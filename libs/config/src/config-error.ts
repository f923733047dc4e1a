/** A setting the services refuse; the CLI exits 2 with its message. */
export class ConfigError extends Error {}
