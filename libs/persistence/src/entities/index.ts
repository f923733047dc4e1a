import { Alert } from './alert.entity';
import { AlertEvent } from './alert-event.entity';
import { ApiKey } from './api-key.entity';
import { AuditEntry } from './audit-entry.entity';
import { BountyProgram, BountySubmission } from './bounty.entity';
import { ConsoleSession } from './console-session.entity';
import { Finding } from './finding.entity';
import { Baseline } from './baseline.entity';
import { InstanceResult } from './instance-result.entity';
import { Metric } from './metric.entity';
import { Model } from './model.entity';
import { ModelCard, ModelCardNotes } from './model-card.entity';
import { Notification } from './notification.entity';
import { Plan } from './plan.entity';
import { ResponseCacheEntry } from './response-cache-entry.entity';
import { ReviewLabel, ReviewTask } from './review.entity';
import { Run } from './run.entity';
import { RunComparison } from './run-comparison.entity';
import { Scenario } from './scenario.entity';
import { Slice } from './slice.entity';
import { StoredSecret } from './stored-secret.entity';
import { SliceItem } from './slice-item.entity';
import { Tenant } from './tenant.entity';

export * from './alert.entity';
export * from './alert-event.entity';
export * from './api-key.entity';
export * from './audit-entry.entity';
export * from './bounty.entity';
export * from './baseline.entity';
export * from './console-session.entity';
export * from './finding.entity';
export * from './instance-result.entity';
export * from './metric.entity';
export * from './model.entity';
export * from './model-card.entity';
export * from './notification.entity';
export * from './plan.entity';
export * from './response-cache-entry.entity';
export * from './review.entity';
export * from './run.entity';
export * from './run-comparison.entity';
export * from './scenario.entity';
export * from './slice.entity';
export * from './slice-item.entity';
export * from './stored-secret.entity';
export * from './tenant.entity';

export const ENTITIES = [
  Alert,
  AlertEvent,
  ApiKey,
  AuditEntry,
  Baseline,
  BountyProgram,
  BountySubmission,
  ConsoleSession,
  Finding,
  InstanceResult,
  Metric,
  Model,
  ModelCard,
  ModelCardNotes,
  Notification,
  Plan,
  ResponseCacheEntry,
  ReviewLabel,
  ReviewTask,
  Run,
  RunComparison,
  Scenario,
  Slice,
  SliceItem,
  StoredSecret,
  Tenant,
];
