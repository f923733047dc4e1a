/** Grafana uid of the Customer slice dashboard (dashboards/src/customer-slice.dashboard.ts). */
export const CUSTOMER_SLICE_DASHBOARD_UID = 'lastmile-customer-slice';

const trimSlash = (url: string) => url.replace(/\/+$/, '');

/** `${LASTMILE_PUBLIC_URL}/v1/runs/:id/report` (relative when no public URL is configured). */
export function runReportLink(publicUrl: string, runId: string): string {
  return `${trimSlash(publicUrl)}/v1/runs/${runId}/report`;
}

/** One slice item's recording through the API (tenant-checked there). */
export function itemAudioLink(
  publicUrl: string,
  target: { tenantId: string; sliceId: string; itemId: string },
): string {
  const item = encodeURIComponent(target.itemId);
  return `${trimSlash(publicUrl)}/v1/tenants/${target.tenantId}/slices/${target.sliceId}/items/${item}/audio`;
}

export function alertLink(publicUrl: string, alertId: string): string {
  return `${trimSlash(publicUrl)}/v1/alerts/${alertId}`;
}

/** The incident's console page, where a notification's reader lands (signs in first if need be). */
export function consoleAlertLink(publicUrl: string, alertId: string): string {
  return `${trimSlash(publicUrl)}/console/alerts/${alertId}`;
}

/** The slice's dashboard with its variables set: tenant, slice and metric. */
export function dashboardLink(
  grafanaUrl: string,
  target: { sliceId: string; tenantId?: string | null; metric?: string },
): string {
  const query = new URLSearchParams();
  if (target.tenantId) query.set('var-tenant', target.tenantId);
  query.set('var-slice', target.sliceId);
  if (target.metric) query.set('var-metric', target.metric);
  return `${trimSlash(grafanaUrl)}/d/${CUSTOMER_SLICE_DASHBOARD_UID}?${query.toString()}`;
}
