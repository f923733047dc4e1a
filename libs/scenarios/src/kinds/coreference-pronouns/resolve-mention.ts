const head = (mention: string) =>
  mention
    .replace(/^(the|a|an)\s+/i, '')
    .trim()
    .toLowerCase();

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Which candidate mention a response names: the one whose head ("developer", "someone") its
 * first non-blank line contains; with several, the one it opens with ("The nurse, not the
 * patient"); otherwise none (null), which counts as wrong and as an invalid response.
 */
export function resolveMention(response: string, candidates: readonly string[]): number | null {
  const line = (response.split(/\r?\n/).find((l) => l.trim() !== '') ?? '').toLowerCase();
  const positions = candidates.map((c) => line.search(new RegExp(`\\b${escape(head(c))}\\b`)));
  const named = positions.flatMap((at, index) => (at >= 0 ? [{ at, index }] : []));
  if (named.length === 1) return named[0].index;
  if (named.length === 0) return null;
  const opening = line.replace(/^[^a-z]*(?:(?:the|a|an)\s+)?/, '');
  const first = named.find(({ index }) => opening.startsWith(head(candidates[index])));
  return first?.index ?? null;
}
