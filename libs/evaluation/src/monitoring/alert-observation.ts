import type { AlertKeyParts, AlertSeverity } from '@lastmile/monitoring';

/** One run's word on one dedup key: a finding (with its evidence) or a clean test. */
export interface AlertObservation {
  parts: AlertKeyParts;
  dedupKey: string;
  finding: { severity: AlertSeverity; title: string; evidence: Record<string, unknown> } | null;
}
