import type { NotifiedEvent } from '../alerts/alert-transition';

/** What every channel is told about one alert event; channels differ only in format. */
export interface AlertMessage {
  event: NotifiedEvent;
  /** When the event happened (ISO 8601). */
  at: string;
  note: string | null;
  alert: {
    id: string;
    dedupKey: string;
    type: string;
    status: string;
    severity: 'info' | 'warning' | 'critical';
    title: string;
    planId: string;
    modelId: string;
    tenantId: string | null;
    sliceId: string | null;
    subgroup: string;
    metric: string;
    seenCount: number;
    openedAt: string;
    lastRunId: string | null;
  };
  evidence: Record<string, unknown>;
  links: {
    /** The incident in the API (JSON). */
    alert: string;
    /** The incident's console page: where people follow a notification to. */
    console?: string;
    report: string | null;
    dashboard: string | null;
  };
}

const VERBS: Record<NotifiedEvent, string> = {
  opened: 'Opened',
  escalated: 'Escalated',
  reopened: 'Reopened',
  acknowledged: 'Acknowledged',
  resolved: 'Resolved',
};

/** `[CRITICAL] Opened: wer worse on calls / accent=scottish: 0.12 → 0.2` */
export function messageSummary(message: AlertMessage): string {
  return `[${message.alert.severity.toUpperCase()}] ${VERBS[message.event]}: ${message.alert.title}`;
}
