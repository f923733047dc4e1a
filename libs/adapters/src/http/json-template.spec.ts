import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderJsonTemplate, renderText, templatePlaceholders } from './json-template';

describe('renderJsonTemplate', () => {
  const variables = { input: 'say "hi"\n', params: { temperature: 0.5, stop: ['\n'] }, empty: '' };

  it('replaces a whole-string placeholder by the JSON value, keeping its type', () => {
    const out = renderJsonTemplate(
      { t: '{{params.temperature}}', s: '{{ params.stop }}', p: '{{params}}', e: '{{empty}}' },
      variables,
    );
    assert.deepEqual(out, { t: 0.5, s: ['\n'], p: { temperature: 0.5, stop: ['\n'] }, e: '' });
  });

  it('interpolates placeholders inside longer strings as text, JSON-safe after serializing', () => {
    const out = renderJsonTemplate({ q: 'Q: {{input}} / {{params.stop}}' }, variables);
    assert.deepEqual(out, { q: 'Q: say "hi"\n / ["\\n"]' });
    assert.deepEqual(JSON.parse(JSON.stringify(out)), out);
  });

  it('drops object members and array items whose variable is absent', () => {
    const out = renderJsonTemplate(
      { a: '{{missing}}', b: ['{{missing}}', 1], c: 'x{{missing}}y' },
      variables,
    );
    assert.deepEqual(out, { b: [1], c: 'xy' });
  });

  it('does not re-expand placeholders that arrive inside a value', () => {
    assert.deepEqual(
      renderJsonTemplate('{{input}}', { input: '{{secret}}', secret: 's' }),
      '{{secret}}',
    );
    assert.equal(renderText('<{{input}}>', { input: '{{secret}}', secret: 's' }), '<{{secret}}>');
  });
});

describe('templatePlaceholders', () => {
  it('lists placeholders in nested values', () => {
    assert.deepEqual(templatePlaceholders({ a: ['{{input}}', { b: 'x {{params.n}}' }], c: 3 }), [
      'input',
      'params.n',
    ]);
  });
});
