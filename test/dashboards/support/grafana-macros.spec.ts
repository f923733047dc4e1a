import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  ALL,
  expandGrafanaSql,
  formatInterval,
  parseIntervalSeconds,
  rfc3339Nano,
  type ExpansionContext,
  type TemplateVariable,
} from './grafana-macros';

const from = new Date('2026-01-01T00:00:00Z'); // 1767225600
const to = new Date('2026-01-02T06:30:00.250Z'); // 1767335400.25

function variable(name: string, current: string | string[], more: Partial<TemplateVariable> = {}) {
  return {
    name,
    current,
    multi: false,
    includeAll: false,
    options: [
      { text: 'Acme', value: 'a1' },
      { text: "O'Brien", value: "o'b" },
    ],
    ...more,
  };
}

const context = (variables: TemplateVariable[] = [], intervalMs = 3_600_000): ExpansionContext => ({
  from,
  to,
  intervalMs,
  variables,
});

describe('Grafana PostgreSQL macros', () => {
  it('expands $__timeFilter, $__timeFrom and $__timeTo to RFC 3339 UTC literals', () => {
    assert.equal(
      expandGrafanaSql(
        'WHERE $__timeFilter(m.at) AND x < $__timeTo() AND y > $__timeFrom()',
        context(),
      ),
      "WHERE m.at BETWEEN '2026-01-01T00:00:00Z' AND '2026-01-02T06:30:00.25Z'" +
        " AND x < '2026-01-02T06:30:00.25Z' AND y > '2026-01-01T00:00:00Z'",
    );
  });

  it('groups by the panel interval: $__interval is written 1h by the browser, 3600 s by the macro', () => {
    assert.equal(
      expandGrafanaSql('SELECT $__timeGroupAlias(at, $__interval), count(*)', context()),
      'SELECT floor(extract(epoch from at)/3600)*3600 AS "time", count(*)',
    );
    assert.equal(
      expandGrafanaSql("ORDER BY $__timeGroup(at, '5m')", context()),
      'ORDER BY floor(extract(epoch from at)/300)*300',
    );
  });

  it('aliases $__timeGroup followed directly by a comma, as Grafana does for old dashboards', () => {
    assert.equal(
      expandGrafanaSql('SELECT $__timeGroup(at, 90s), v', context()),
      'SELECT floor(extract(epoch from at)/90)*90 AS "time", v',
    );
  });

  it('expands the global macros and epoch filters', () => {
    assert.equal(
      expandGrafanaSql(
        '$__interval_ms $__unixEpochFrom() $__unixEpochTo() $__unixEpochFilter(t)',
        context(),
      ),
      '3600000 1767225600 1767335400 t >= 1767225600 AND t <= 1767335400',
    );
  });

  it('fails on unknown macros and on macros missing their arguments', () => {
    assert.throws(
      () => expandGrafanaSql('$__timeFliter(at)', context()),
      /unknown macro "__timeFliter"/,
    );
    assert.throws(
      () => expandGrafanaSql('$__timeGroup(at)', context()),
      /needs time column and interval/,
    );
    assert.throws(
      () => expandGrafanaSql('$__timeGroup(at, 1M)', context()),
      /error parsing interval 1M/,
    );
  });
});

describe('Grafana template variables in SQL', () => {
  it('quotes every value of a multi-value variable, doubling single quotes', () => {
    const tenant = variable('tenant', ['a1', "o'b"], { multi: true });
    assert.equal(expandGrafanaSql('IN ($tenant)', context([tenant])), "IN ('a1','o''b')");
  });

  it('quotes a multi-value variable with one value, also when a repeated panel holds it', () => {
    assert.equal(
      expandGrafanaSql('IN ($t)', context([variable('t', ['a1'], { multi: true })])),
      "IN ('a1')",
    );
    assert.equal(
      expandGrafanaSql('IN ($t)', context([variable('t', 'a1', { multi: true })])),
      "IN ('a1')",
    );
  });

  it('expands "All" to every option, or to the custom all value unformatted', () => {
    const all = variable('t', ALL, { multi: true, includeAll: true });
    assert.equal(expandGrafanaSql('IN ($t)', context([all])), "IN ('a1','o''b')");
    const regex = variable('t', [ALL], { multi: true, includeAll: true, allValue: '.*' });
    assert.equal(expandGrafanaSql('~ $t', context([regex])), '~ .*');
  });

  it('inserts a single-value variable without quotes, escaping single quotes', () => {
    assert.equal(expandGrafanaSql("= '$t'", context([variable('t', "o'b")])), "= 'o''b'");
  });

  it('supports ${name}, ${name:format} and [[name]] and leaves unknown names alone', () => {
    const t = variable('t', ['a1', "o'b"], { multi: true });
    assert.equal(
      expandGrafanaSql('${t} ${t:csv} ${t:singlequote} ${t:text} [[t]] $other', context([t])),
      "'a1','o''b' a1,o'b 'a1','o\\'b' Acme + O'Brien 'a1','o''b' $other",
    );
  });

  it('matches whole names: $model_id is not $model followed by _id', () => {
    const model = variable('model', 'a1');
    assert.equal(expandGrafanaSql('$model_id = $model', context([model])), '$model_id = a1');
  });
});

describe('interval and time formats', () => {
  it('writes $__interval in the largest whole unit, like the browser', () => {
    assert.deepEqual([86_400_000, 5_400_000, 90_000, 30_000, 250, 0].map(formatInterval), [
      '1d',
      '1h',
      '1m',
      '30s',
      '250ms',
      'less than a millisecond',
    ]);
  });

  it('parses interval strings into seconds, quoted or not', () => {
    assert.deepEqual(
      ['100ms', '15s', "'5m'", '2h', '1d', '1w'].map(parseIntervalSeconds),
      [0.1, 15, 300, 7200, 86400, 604800],
    );
  });

  it('drops trailing zeros of the fraction like Go RFC3339Nano', () => {
    assert.equal(rfc3339Nano(new Date('2026-03-04T05:06:07.120Z')), '2026-03-04T05:06:07.12Z');
    assert.equal(rfc3339Nano(new Date('2026-03-04T05:06:07.000Z')), '2026-03-04T05:06:07Z');
  });
});
