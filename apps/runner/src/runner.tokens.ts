/** Listeners called after every finished run (drift detection, notifications). */
export const RUN_FINISHED_LISTENERS = Symbol('RUN_FINISHED_LISTENERS');
