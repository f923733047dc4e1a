import { createRng } from '@lastmile/metrics';
import type { SeededApiData } from './seed-api-data';

export interface Endpoint {
  name: string;
  path: () => string;
}

export function endpoints(data: SeededApiData, alertsCursor: string | null): Endpoint[] {
  const random = createRng(42);
  const pick = <T>(values: T[]) => values[Math.floor(random() * values.length)];
  const list: Endpoint[] = [
    { name: 'GET /v1/runs/:id/metrics', path: () => `/v1/runs/${pick(data.runIds)}/metrics` },
  ];
  if (alertsCursor !== null) {
    list.push({ name: 'GET /v1/alerts', path: () => '/v1/alerts' });
    list.push({ name: 'GET /v1/alerts?status=open', path: () => '/v1/alerts?status=open' });
    list.push({
      name: 'GET /v1/alerts?plan=…',
      path: () => `/v1/alerts?plan=${pick(data.planIds)}`,
    });
    list.push({
      name: 'GET /v1/alerts?cursor=(page 11)',
      path: () => `/v1/alerts?cursor=${alertsCursor}`,
    });
  }
  return list;
}

/** The cursor of the 11th page of 50 (keyset pagination deep in the list), or null without an alerts API. */
export async function deepAlertsCursor(baseUrl: string, apiKey: string): Promise<string | null> {
  let cursor = '';
  for (let page = 0; page < 10; page++) {
    const response = await fetch(`${baseUrl}/v1/alerts${cursor ? `?cursor=${cursor}` : ''}`, {
      headers: { authorization: `Bearer ${apiKey}` },
    });
    if (response.status === 404) return null;
    const body = (await response.json()) as { nextCursor: string | null };
    if (!body.nextCursor) throw new Error('GET /v1/alerts ended before page 11');
    cursor = body.nextCursor;
  }
  return cursor;
}
