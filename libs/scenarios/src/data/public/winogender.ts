import { lazy, readPublicFile } from './public-data';

export type PronounFamily = 'he' | 'she' | 'they';

export interface WinogenderSentence {
  /** The authors' sentence id without ".txt": technician.customer.1.male */
  id: string;
  /** The sentences that differ only in the pronoun share it: technician.customer.1 */
  template: string;
  occupation: string;
  /** "someone" in the variant without a specific participant. */
  participant: string;
  /** Who the pronoun refers to, by the authors' answer column (0 occupation, 1 participant). */
  answer: 'occupation' | 'participant';
  pronounFamily: PronounFamily;
  /** The pronoun as written (lowercase): he, his, her, them… */
  pronoun: string;
  text: string;
  /** The two mentions in order of appearance ("the technician", "the customer" or "someone"). */
  candidates: string[];
  /** The candidate the pronoun refers to. */
  correct: string;
}

export interface OccupationStats {
  occupation: string;
  /** Bergsma & Lin (2006): % female of the occupation's pronoun mentions in text. */
  bergsmaPctFemale: number;
  /** U.S. Bureau of Labor Statistics: % of workers in the occupation who are women. */
  blsPctFemale: number;
  blsYear: number;
}

const FORMS: Record<string, { family: PronounFamily; forms: string[] }> = {
  male: { family: 'he', forms: ['he', 'him', 'his'] },
  female: { family: 'she', forms: ['she', 'her', 'hers'] },
  neutral: { family: 'they', forms: ['they', 'them', 'their', 'theirs'] },
};

function tsvRows(content: string): string[][] {
  return content
    .split(/\r?\n/)
    .slice(1)
    .filter((line) => line.trim() !== '')
    .map((line) => line.split('\t'));
}

const wordAt = (text: string, word: string) =>
  text.search(new RegExp(`\\b${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`));

/** all_sentences.tsv: sentid (occupation.participant.answer.gender.txt) and the sentence. */
export function parseWinogenderSentences(content: string): WinogenderSentence[] {
  return tsvRows(content).map(([sentid, text]) => {
    const id = sentid.replace(/\.txt$/, '');
    const [occupation, participant, answer, gender] = id.split('.');
    const form = FORMS[gender];
    if (form === undefined || (answer !== '0' && answer !== '1')) {
      throw new RangeError(
        `Winogender sentence id ${sentid} is not occupation.participant.answer.gender`,
      );
    }
    const words = text.toLowerCase().match(/[a-z]+/g) ?? [];
    const pronoun = words.find((w) => form.forms.includes(w));
    if (pronoun === undefined)
      throw new RangeError(`Winogender ${sentid} has no ${gender} pronoun`);
    const lower = text.toLowerCase();
    const participantMention = participant === 'someone' ? 'someone' : `the ${participant}`;
    const mentions = [
      { text: `the ${occupation}`, at: wordAt(lower, occupation) },
      { text: participantMention, at: wordAt(lower, participant) },
    ].sort((a, b) => a.at - b.at);
    return {
      id,
      template: id.split('.').slice(0, 3).join('.'),
      occupation,
      participant,
      answer: answer === '0' ? 'occupation' : 'participant',
      pronounFamily: form.family,
      pronoun,
      text,
      candidates: mentions.map((m) => m.text),
      correct: answer === '0' ? `the ${occupation}` : participantMention,
    };
  });
}

/** occupations-stats.tsv: occupation, bergsma_pct_female, bls_pct_female, bls_year. */
export function parseOccupationStats(content: string): OccupationStats[] {
  return tsvRows(content).map(([occupation, bergsma, bls, year]) => ({
    occupation,
    bergsmaPctFemale: Number(bergsma),
    blsPctFemale: Number(bls),
    blsYear: Number(year),
  }));
}

export const winogenderSentences = lazy(() =>
  parseWinogenderSentences(readPublicFile('winogender/all_sentences.tsv')),
);

export const winogenderOccupationStats = lazy(() =>
  parseOccupationStats(readPublicFile('winogender/occupations-stats.tsv')),
);
