import { CronExpressionParser } from 'cron-parser';

/** Fire times looked at: enough to see a daily or weekly pattern's shortest gap. */
const LOOK_AHEAD_FIRES = 1000;
const LOOK_AHEAD_MS = 8 * 24 * 3600 * 1000;

/** Whether a cron expression has a seconds field (six or more fields). */
export function hasSecondsField(cron: string): boolean {
  return cron.trim().split(/\s+/).length >= 6;
}

/** The shortest gap, in seconds, between consecutive fire times over the next eight days. */
export function shortestIntervalSeconds(cron: string, timezone: string, from = new Date()): number {
  const expression = CronExpressionParser.parse(cron, { tz: timezone, currentDate: from });
  let previous = expression.next().getTime();
  let shortest = Infinity;
  for (let i = 0; i < LOOK_AHEAD_FIRES && expression.hasNext(); i++) {
    const next = expression.next().getTime();
    shortest = Math.min(shortest, (next - previous) / 1000);
    if (next - from.getTime() > LOOK_AHEAD_MS) break;
    previous = next;
  }
  return shortest;
}

/** Why a customer may not set this schedule, or null. */
export function customerScheduleRefusal(
  cron: string,
  timezone: string,
  minSeconds: number,
): string | null {
  if (hasSecondsField(cron))
    return 'schedules with a seconds field are not available to customer keys';
  const shortest = shortestIntervalSeconds(cron, timezone);
  return shortest < minSeconds
    ? `fires every ${shortest} s at the shortest; customer plans may run at most every ${minSeconds} s (LASTMILE_MIN_SCHEDULE_SECONDS)`
    : null;
}
