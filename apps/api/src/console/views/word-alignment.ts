import { alignTokens, normalizeTranscript, splitWords } from '@lastmile/metrics';
import { html, type SafeHtml } from './html';

const OPS = { C: 'correct', S: 'substitution', D: 'deletion', I: 'insertion' } as const;

/** Reference over what was heard, aligned word by word (sclite costs), errors marked S, D, I. */
export function wordAlignment(reference: string, hypothesis: string): SafeHtml {
  const ref = splitWords(normalizeTranscript(reference));
  const hyp = splitWords(normalizeTranscript(hypothesis));
  const { ops } = alignTokens(ref, hyp, { costs: 'sclite' });
  return html`<div class="alignment" aria-label="reference above, recognized below">
    ${ops.map((step) => {
      const top = step.ref ?? '*'.repeat((step.hyp ?? '').length || 1);
      const bottom = step.hyp ?? '*'.repeat((step.ref ?? '').length || 1);
      return html`<span class="w op-${step.op}" title="${OPS[step.op]}"
        ><b>${top}</b><i>${bottom}</i></span
      >`;
    })}
  </div>`;
}
