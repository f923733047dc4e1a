import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { safeNext } from '../pages/sign-in.controller';
import { formatMetricChange, formatMetricValue, formatP } from './format';
import { html } from './html';
import { intervalChart } from './interval-chart';

describe('console views', () => {
  it('escapes every interpolated value unless it is markup from html itself', () => {
    const name = `<script>alert("x")</script> & 'y'`;
    assert.equal(
      html`<b title="${name}">${name}</b>${html`<i>ok</i>`}`.value,
      '<b title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;</b><i>ok</i>',
    );
    assert.equal(html`${[1, null, false, undefined, 'a']}`.value, '1a');
  });

  it("drops a template's indentation but never a value's whitespace", () => {
    const value = 'two  spaces\n  and a line';
    // An indented template, as the pages' are (written out: prettier would re-indent a literal).
    const strings = Object.assign(['<p>\n        ', '\n      </p>'], {
      raw: ['<p>\n        ', '\n      </p>'],
    }) as unknown as TemplateStringsArray;
    assert.equal(html(strings, value).value, `<p>\n${value}\n</p>`);
  });

  it('formats rates as percents and other units in their own unit (the report’s formatter)', () => {
    assert.equal(formatMetricValue(0.0787), '7.9%');
    assert.equal(formatMetricValue(0.0787, 'rate'), '7.9%');
    assert.equal(formatMetricValue(1.1667, 'count'), '1.17');
    assert.equal(formatMetricValue(75.123, 'db'), '75.1 dB');
    assert.equal(
      formatMetricValue(0.5, 'no-such-unit'),
      '50.0%',
      'an unknown unit reads as a rate',
    );
    assert.equal(formatMetricValue(null), '—');
    assert.equal(formatMetricValue(Number.NaN), '—');
    assert.equal(formatMetricChange(-0.364), '-36.4 pp');
    assert.equal(formatMetricChange(0), '0.0 pp', 'no change is neither better nor worse');
    assert.equal(formatMetricChange(2.5, 'count'), '+2.50');
    assert.equal(formatP(0.000488), '4.9e-4');
    assert.equal(formatP(0.0329), '0.0329');
  });

  it('redirects a sign-in within the console only', () => {
    assert.equal(safeNext('/console/alerts/abc?x=1'), '/console/alerts/abc?x=1');
    assert.equal(safeNext('/console'), '/console');
    assert.equal(safeNext('/console?status=open'), '/console?status=open');
    for (const next of [
      'https://evil.example',
      '//evil.example/console',
      '/console//evil',
      '/console\\x',
      '/v1/keys',
      '/consoles',
      42,
    ])
      assert.equal(safeNext(next), '/console', String(next));
  });

  it('draws baseline and now with their intervals on one axis, labelled for screen readers', () => {
    const svg = intervalChart('wer: baseline vs now per group', [
      {
        label: 'accent=<x>',
        baseline: { value: 0.1, interval: [0.05, 0.15] },
        current: { value: 0.5, interval: [0.4, 0.6] },
        flagged: true,
      },
    ]);
    assert.match(
      svg,
      /aria-label="wer: baseline vs now per group\. accent=&lt;x&gt;: baseline 10\.0% \[5\.0%, 15\.0%\], now 50\.0% \[40\.0%, 60\.0%\]"/,
    );
    assert.equal((svg.match(/<circle /g) ?? []).length, 2);
    assert.equal((svg.match(/<line class="ci /g) ?? []).length, 2);
    assert.doesNotMatch(svg, /<x>/);
  });
});
