import type { MetricUnit } from '@lastmile/scenarios';

/** The parts of API responses the demo reads. */
export interface ApiResource {
  id: string;
  name: string;
}
export interface ApiModel extends ApiResource {
  version: string;
}
export interface ApiTenant extends ApiResource {
  slug: string;
}
export interface ApiSlice extends ApiResource {
  version: number;
  itemCount: number;
  contentHash: string;
}
export interface ApiRun {
  id: string;
  status: string;
  trigger: string;
  done: number;
  errors: number;
}
export interface ApiMetric {
  name: string;
  subgroup: string;
  value: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  n: number;
  /** rate (shown as a percent), count, score, db… (see MetricUnit). */
  unit?: MetricUnit;
}
export interface ApiAlert {
  id: string;
  type: string;
  dedupKey?: string;
  title: string;
  severity: string;
  evidence: Record<string, unknown>;
}
