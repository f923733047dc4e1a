/** Folds a name or title for comparison: no accents, lowercase, letters and digits only. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Whether two surnames name the same person: equal after folding, or one is a part of the
 * other, so "Márquez" matches "García Márquez" and "Berg" matches "van der Berg".
 */
export function surnamesMatch(a: string, b: string): boolean {
  const fa = foldText(a);
  const fb = foldText(b);
  if (fa === '' || fb === '') return false;
  if (fa === fb) return true;
  const partsA = fa.split(' ');
  const partsB = fb.split(' ');
  return partsA.every((p) => partsB.includes(p)) || partsB.every((p) => partsA.includes(p));
}
