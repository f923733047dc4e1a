import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  SampleAttributeError,
  sampleAttributeError,
  sampleKey,
  sampleSchema,
  stratifiedSample,
} from './stratified-sample';

const item = (id: string, group: string, unit = id) => ({
  id,
  attributes: { group, unit } as Record<string, string>,
});
const items = [
  ...Array.from({ length: 10 }, (_, i) => item(`a${i}`, 'a')),
  ...Array.from({ length: 3 }, (_, i) => item(`b${i}`, 'b')),
  { id: 'loose', attributes: {} },
];

describe('stratifiedSample', () => {
  it('takes perGroup items from each value of the attribute, a small group whole', () => {
    const sample = stratifiedSample(items, { perGroup: 4, by: 'group', seed: 7 });
    const count = (g: string) => sample.filter((i) => i.attributes.group === g).length;
    assert.deepEqual(
      [count('a'), count('b'), sample.filter((i) => i.id === 'loose').length],
      [4, 3, 1],
    );
  });

  it('selects the same items for the same definition, in the data order', () => {
    const spec = { perGroup: 4, by: 'group', seed: 7 };
    const first = stratifiedSample(items, spec).map((i) => i.id);
    assert.deepEqual(
      stratifiedSample([...items].reverse(), spec).map((i) => i.id),
      [...first].reverse(),
    );
    const order = items.map((i) => i.id);
    assert.deepEqual(
      [...first].sort((x, y) => order.indexOf(x) - order.indexOf(y)),
      first,
    );
    assert.notDeepEqual(
      stratifiedSample(items, { ...spec, seed: 8 }).map((i) => i.id),
      first,
    );
  });

  it("keeps a stratum's choice when other strata's items change", () => {
    const spec = { perGroup: 4, by: 'group', seed: 3 };
    const onlyA = (list: typeof items) =>
      stratifiedSample(list, spec)
        .filter((i) => i.attributes.group === 'a')
        .map((i) => i.id);
    assert.deepEqual(onlyA(items), onlyA(items.filter((i) => i.attributes.group !== 'b')));
  });

  it('takes exactly perGroup items, splitting at most one unit per stratum', () => {
    const paired = Array.from({ length: 12 }, (_, i) => item(`p${i}`, 'x', `pair${i >> 1}`));
    const spec = { perGroup: 5, by: 'group', seed: 1 };
    const sample = stratifiedSample(paired, spec, (i) => i.attributes.unit);
    assert.equal(sample.length, 5);
    const perUnit = new Map<string, number>();
    for (const i of sample)
      perUnit.set(i.attributes.unit, (perUnit.get(i.attributes.unit) ?? 0) + 1);
    assert.deepEqual([...perUnit.values()].sort(), [1, 2, 2]);
    const again = stratifiedSample([...paired].reverse(), spec, (i) => i.attributes.unit);
    assert.deepEqual(
      again.map((i) => i.id).sort(),
      sample.map((i) => i.id).sort(),
      'the split unit and its kept item are the same in every run',
    );
  });

  it('takes whole units only with wholeUnits, up to one unit size − 1 more', () => {
    const paired = Array.from({ length: 12 }, (_, i) => item(`p${i}`, 'x', `pair${i >> 1}`));
    const sample = stratifiedSample(
      paired,
      { perGroup: 5, by: 'group', seed: 1, wholeUnits: true },
      (i) => i.attributes.unit,
    );
    assert.equal(sample.length, 6);
    assert.equal(new Set(sample.map((i) => i.attributes.unit)).size, 3);
    const exact = stratifiedSample(
      paired,
      { perGroup: 5, by: 'group', seed: 1 },
      (i) => i.attributes.unit,
    );
    const whole = new Set(sample.map((i) => i.id));
    assert.ok(
      exact.every((i) => whole.has(i.id)),
      'both modes take the units in the same order',
    );
  });

  it('refuses a `by` that no item carries, naming the attributes they do carry', () => {
    assert.throws(
      () => stratifiedSample(items, { perGroup: 2, by: 'colour', seed: 0 }),
      (error: unknown) =>
        error instanceof SampleAttributeError &&
        error.attribute === 'colour' &&
        /no item carries attribute "colour" \(the items carry: group, unit\)/.test(error.message),
    );
    assert.equal(sampleAttributeError(items, { perGroup: 2, by: 'group', seed: 0 }), null);
    assert.equal(sampleAttributeError(items, 'full'), null);
  });

  it("returns everything for 'full' and names each definition canonically", () => {
    assert.equal(stratifiedSample(items, 'full').length, items.length);
    assert.equal(sampleKey('full'), 'full');
    const spec = sampleSchema.parse({ by: 'category', perGroup: 50 });
    assert.equal(sampleKey(spec), 'by=category;perGroup=50;seed=0');
    assert.equal(
      sampleKey(sampleSchema.parse({ by: 'quad', perGroup: 8, seed: 2, wholeUnits: true })),
      'by=quad;perGroup=8;seed=2;wholeUnits',
    );
    assert.equal(sampleSchema.safeParse({ by: 'x', perGroup: 0 }).success, false);
  });
});
