import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { syntheticMultipleChoiceItems, syntheticQaItems } from './synthetic-items';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS =
  'January February March April May June July August September October November December'.split(
    ' ',
  );

/** Recomputes an answer from the question's own text, independently of the generators. */
function recompute(question: string): string {
  let m = /^What is (\d+) (plus|minus|multiplied by|divided by) (\d+)\?$/.exec(question);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[3])];
    return String({ plus: a + b, minus: a - b, 'multiplied by': a * b, 'divided by': a / b }[m[2]]);
  }
  m = /^How many (\w+) are in (\d+) (\w+)\?$/.exec(question);
  if (m) {
    const factor: Record<string, number> = {
      'kilometers>meters': 1000,
      'meters>centimeters': 100,
      'centimeters>millimeters': 10,
      'kilograms>grams': 1000,
      'liters>milliliters': 1000,
      'hours>minutes': 60,
      'minutes>seconds': 60,
      'days>hours': 24,
      'weeks>days': 7,
      'feet>inches': 12,
      'yards>feet': 3,
      'dozens>items': 12,
    };
    return String(Number(m[2]) * factor[`${m[3]}>${m[1]}`]);
  }
  const date = (d: string, mo: string, y: string) =>
    new Date(Date.UTC(Number(y), MONTHS.indexOf(mo), Number(d)));
  m = /^On which day of the week did (\d+) (\w+) (\d+) fall\?$/.exec(question);
  if (m) return WEEKDAYS[date(m[1], m[2], m[3]).getUTCDay()];
  m = /^How many days are there in (\w+) (\d+)\?$/.exec(question);
  if (m) return String(new Date(Date.UTC(Number(m[2]), MONTHS.indexOf(m[1]) + 1, 0)).getUTCDate());
  m = /^What date is (\d+) days after (\d+) (\w+) (\d+)\?$/.exec(question);
  if (m) {
    const later = new Date(date(m[2], m[3], m[4]).getTime() + Number(m[1]) * 86_400_000);
    return `${later.getUTCDate()} ${MONTHS[later.getUTCMonth()]} ${later.getUTCFullYear()}`;
  }
  m = /^Write the word "(\w+)" backwards/.exec(question);
  if (m) return [...m[1]].reverse().join('');
  m = /^How many times does the letter "(\w)" appear in the word "(\w+)"\?$/.exec(question);
  if (m) return String(m[2].split(m[1]).length - 1);
  m = /^How many letters are in the word "(\w+)"\?$/.exec(question);
  if (m) return String(m[1].length);
  m = /^Which of these words comes first in alphabetical order: (.+)\?$/.exec(question);
  if (m) return m[1].split(', ').sort()[0];
  throw new Error(`no recomputation for "${question}"`);
}

const digest = (value: unknown) =>
  createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);

describe('synthetic questions', () => {
  it('are 320 short-answer questions, 80 per topic, whose answers recompute from the text', () => {
    const items = syntheticQaItems();
    assert.equal(items.length, 320);
    assert.equal(new Set(items.map((i) => i.id)).size, 320);
    for (const topic of ['arithmetic', 'units', 'calendar', 'strings'])
      assert.equal(items.filter((i) => i.attributes.topic === topic).length, 80);
    for (const item of items) {
      assert.equal(item.attributes.source, 'synthetic');
      assert.equal(item.references![0], recompute(item.input!), item.input!);
    }
    // Leap years are asked about: February 2024 has 29 days, February 2023 28.
    const february = items.filter(
      (i) => /February \d+\?$/.test(i.input!) && i.attributes.task === 'days_in_month',
    );
    assert.ok(
      february.some((i) => i.references![0] === '29') &&
        february.some((i) => i.references![0] === '28'),
    );
  });

  it('are 320 four-choice questions with one right choice, letters spread over A–D', () => {
    const items = syntheticMultipleChoiceItems();
    assert.equal(items.length, 320);
    const letters = new Map<string, number>();
    for (const item of items) {
      const choices = item.choices!;
      assert.equal(new Set(choices).size, 4, item.input!);
      const right = choices[item.label!.charCodeAt(0) - 65];
      assert.equal(right, recompute(item.input!), item.input!);
      letters.set(item.label!, (letters.get(item.label!) ?? 0) + 1);
    }
    for (const letter of 'ABCD')
      assert.ok(letters.get(letter)! >= 50, `${letter}: ${letters.get(letter)}`);
  });

  it('are generated the same at every load (pinned digests of the generators output)', () => {
    assert.deepEqual(syntheticQaItems(), syntheticQaItems());
    assert.deepEqual(
      [digest(syntheticQaItems()), digest(syntheticMultipleChoiceItems())],
      ['797dba6eb5dd1d3b', '7aa8005039881ece'],
    );
  });
});
