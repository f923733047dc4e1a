import type { Scenario } from '@lastmile/persistence';
import { findScenarioKind, metricUnit, type MetricUnit } from '@lastmile/scenarios';

/**
 * Each metric's unit as the scenario's kind declares it, so clients (the console, Grafana) show a
 * count as a count and only rates as percents. Empty when the kind or its config is unknown.
 */
export function metricUnits(
  scenario: Pick<Scenario, 'kind' | 'config'> | null,
): Map<string, MetricUnit> {
  const kind = scenario ? findScenarioKind(scenario.kind) : undefined;
  const config = kind?.configSchema.safeParse(scenario!.config);
  if (!kind || !config?.success) return new Map();
  return new Map(kind.metrics(config.data).map((m) => [m.name, metricUnit(m)]));
}
