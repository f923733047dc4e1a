import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { consoleAlertLink, dashboardLink, runReportLink } from './alert-links';

describe('alert links', () => {
  it('points at the run report under the public URL', () => {
    assert.equal(
      runReportLink('https://lastmile.example/', 'r1'),
      'https://lastmile.example/v1/runs/r1/report',
    );
    assert.equal(runReportLink('', 'r1'), '/v1/runs/r1/report');
  });

  it('lands a notification on the incident in the console', () => {
    assert.equal(
      consoleAlertLink('https://lastmile.example/', 'a1'),
      'https://lastmile.example/console/alerts/a1',
    );
    assert.equal(consoleAlertLink('', 'a1'), '/console/alerts/a1');
  });

  it('opens the Customer slice dashboard on the slice, tenant and metric', () => {
    assert.equal(
      dashboardLink('http://grafana:3000', {
        sliceId: 's1',
        tenantId: 't1',
        metric: 'wer_gap:accent',
      }),
      'http://grafana:3000/d/lastmile-customer-slice?var-tenant=t1&var-slice=s1&var-metric=wer_gap%3Aaccent',
    );
    assert.equal(
      dashboardLink('http://g', { sliceId: 's1' }),
      'http://g/d/lastmile-customer-slice?var-slice=s1',
    );
  });
});
