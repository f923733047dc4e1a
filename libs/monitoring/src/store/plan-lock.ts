import type { Queryable } from './queryable';

/**
 * Serializes every change to one plan's alerts and baselines (a finishing run, an API ack or
 * resolve, a pin) for the rest of the transaction: no lost updates, no double transitions.
 */
export async function lockPlanMonitoring(manager: Queryable, planId: string): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext('lastmile:monitoring:' || $1))`, [
    planId,
  ]);
}
