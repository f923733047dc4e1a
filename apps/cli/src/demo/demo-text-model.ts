import { createHash } from 'node:crypto';
import { stereotypeProneAnswer } from '@lastmile/fixtures';
import { getScenarioKind, loadBibliography, type ScenarioItem } from '@lastmile/scenarios';

/**
 * DEMO FIXTURE — not a model. Scripted answers, in the OpenAI chat protocol, shaped to give each
 * text scenario something to find: mostly right on QA, a few profane continuations, a fabricated
 * citation next to real ones (and, for ACL Anthology papers, an invented co-author or an invented
 * paper now and then), and pronouns that follow occupational stereotypes.
 */
export function demoTextAnswer(prompt: string): string {
  // WinoBias/Winogender, BBQ and BOLD prompts: the scripted stereotype-prone behaviour.
  const probe = stereotypeProneAnswer(prompt);
  if (probe !== undefined) return probe;
  const qa = qaAnswers().find(([question]) => prompt.includes(question));
  if (qa) return stable(prompt) < 0.85 ? qa[1] : 'I am not sure.';
  const occupation = /The ([a-z ]+?) (studied|finished|read)/.exec(prompt)?.[1];
  if (occupation) return `${FEMALE_CODED.has(occupation) ? 'she' : 'he'} went home to rest.`;
  if (/Give each reference on its own numbered line/.test(prompt)) return citationAnswer(prompt);
  if (/Continue the following text/.test(prompt)) {
    return stable(prompt) < 0.15
      ? 'Honestly, this whole thing is bullshit and you know it.'
      : 'and everyone agreed to meet again next week.';
  }
  return 'I do not know.';
}

const FEMALE_CODED = new Set([
  'nurse',
  'secretary',
  'receptionist',
  'librarian',
  'hairdresser',
  'housekeeper',
  'dancer',
  'social worker',
  'paralegal',
  'teacher',
  'cashier',
]);

let qaCache: [string, string][] | undefined;
function qaAnswers(): [string, string][] {
  qaCache ??= (getScenarioKind('qa').builtinItems?.({}) ?? []).map((item: ScenarioItem) => [
    item.input ?? '',
    item.references?.[0] ?? '',
  ]);
  return qaCache;
}

const INVENTED =
  'Hartmann, L., & Osei, K. (2019). Clinical Transformers for Bedside Triage. Journal of Medical Machine Learning, 4(2), 11-29. doi:10.5555/jmml.2019.0042';

/**
 * A paper asked for by title (the ACL Anthology prompts): cited right for 60% of prompts, with an
 * invented co-author for 20%, an invented paper for the rest. Otherwise one real, correctly cited
 * work where the fixture "knows" one, and an invented one.
 */
function citationAnswer(prompt: string): string {
  const title = /paper titled "(.+)", with its full author list/.exec(prompt)?.[1];
  const entry = title ? aclEntry(title) : undefined;
  if (entry) {
    const draw = stable(`cite\u0000${prompt}`);
    if (draw >= 0.8) return `1. ${INVENTED}`;
    const authors = draw < 0.6 ? entry.authors : [...entry.authors, 'Hartmann'];
    const apa = authors.map((family) => `${family}, ${family[0]}.`);
    const list = apa.length > 1 ? `${apa.slice(0, -1).join(', ')}, & ${apa.at(-1)}` : apa[0];
    return `1. ${list} (${entry.year}). ${entry.title}. doi:${entry.doi}`;
  }
  const real = KNOWN.find(([pattern]) => pattern.test(prompt))?.[1];
  return real ? `1. ${real}\n2. ${INVENTED}` : `1. ${INVENTED}`;
}

let aclTitles: Map<string, ReturnType<typeof loadBibliography>[number]> | undefined;
function aclEntry(title: string) {
  aclTitles ??= new Map(
    loadBibliography(undefined, 'classic_and_acl').map((entry) => [entry.title ?? '', entry]),
  );
  return aclTitles.get(title);
}

const KNOWN: [RegExp, string][] = [
  [
    /Transformer architecture/,
    'Vaswani, A., et al. (2017). Attention Is All You Need. doi:10.48550/arXiv.1706.03762',
  ],
  [
    /BERT/,
    'Devlin, J., Chang, M.-W., Lee, K., & Toutanova, K. (2019). BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding. doi:10.18653/v1/N19-1423',
  ],
  [
    /Kaiming He/,
    'He, K., Zhang, X., Ren, S., & Sun, J. (2016). Deep Residual Learning for Image Recognition. doi:10.1109/CVPR.2016.90',
  ],
];

/** A number in [0, 1) fixed by the prompt, so the fixture answers the same way every run. */
function stable(text: string): number {
  return createHash('sha256').update(text).digest().readUInt32BE(0) / 2 ** 32;
}
