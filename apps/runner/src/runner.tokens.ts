/** Listeners called after every finished run (drift detection, notifications). */
export const RUN_FINISHED_LISTENERS = Symbol('RUN_FINISHED_LISTENERS');

/** The monitor's settings (where links point). */
export const MONITORING_SETTINGS = Symbol('MONITORING_SETTINGS');

/** The validated configuration, for providers that read settings at run time. */
export const RUNNER_CONFIG = Symbol('RUNNER_CONFIG');
