import { alignTokens, normalizeTranscript, splitWords } from '@lastmile/metrics';
import { escapeHtml } from './html';

/**
 * Reference vs response aligned word by word (sclite costs), errors marked S, D, I. Texts are
 * normalized with the default rules unless `normalized` says they already were (a named
 * normalizer's output, as scored).
 */
export function wordAlignment(reference: string, hypothesis: string, normalized = false): string {
  const prepare = (text: string) => splitWords(normalized ? text : normalizeTranscript(text));
  const ref = prepare(reference);
  const hyp = prepare(hypothesis);
  const { ops } = alignTokens(ref, hyp, { costs: 'sclite' });
  const cells = ops.map((step) => {
    const top = step.ref ?? '*'.repeat((step.hyp ?? '').length || 1);
    const bottom = step.hyp ?? '*'.repeat((step.ref ?? '').length || 1);
    return `<span class="w op-${step.op}" title="${{ C: 'correct', S: 'substitution', D: 'deletion', I: 'insertion' }[step.op]}"><b>${escapeHtml(top)}</b><i>${escapeHtml(bottom)}</i></span>`;
  });
  return `<div class="alignment">${cells.join('')}</div>`;
}
