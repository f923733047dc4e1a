import { normalizeEnglishNumbers } from './english-number-normalizer';
import { normalizeEnglishSpelling } from './english-spelling';
import { B, D, S, pyRegex } from './python-text';
import { BRACKETED, PARENTHESIZED, removeSymbolsAndDiacritics } from './whisper-basic';

/**
 * Whisper's EnglishTextNormalizer, the one the Open ASR Leaderboard scores with, re-implemented
 * from openai/whisper@c0d2f624c09dc18e709e37c2ad90c039a4eb72a2 (release v20250625),
 * whisper/normalizers/english.py and basic.py (MIT, Copyright (c) 2022 OpenAI). The rules and
 * their order are Whisper's; the Python regular expressions are translated with Python's
 * Unicode `\b`, `\s` and `\d` (python-text.ts). Output equals Whisper's, spaces included.
 */

// Fillers (the pattern is applied before numbers, so "10mm" keeps its "mm").
const FILLERS = pyRegex(`${B}(hmm|mm|mhm|mmm|uh|um)${B}`);
const SPACE_BEFORE_APOSTROPHE = pyRegex(`${S}+'`);

// [pattern, replacement] in Whisper's order; `\b` is Python's.
const REPLACERS: readonly (readonly [RegExp, string])[] = (
  [
    // common contractions
    [`${B}won't${B}`, 'will not'],
    [`${B}can't${B}`, 'can not'],
    [`${B}let's${B}`, 'let us'],
    [`${B}ain't${B}`, 'aint'],
    [`${B}y'all${B}`, 'you all'],
    [`${B}wanna${B}`, 'want to'],
    [`${B}gotta${B}`, 'got to'],
    [`${B}gonna${B}`, 'going to'],
    [`${B}i'ma${B}`, 'i am going to'],
    [`${B}imma${B}`, 'i am going to'],
    [`${B}woulda${B}`, 'would have'],
    [`${B}coulda${B}`, 'could have'],
    [`${B}shoulda${B}`, 'should have'],
    [`${B}ma'am${B}`, 'madam'],
    // contractions in titles/prefixes
    [`${B}mr${B}`, 'mister '],
    [`${B}mrs${B}`, 'missus '],
    [`${B}st${B}`, 'saint '],
    [`${B}dr${B}`, 'doctor '],
    [`${B}prof${B}`, 'professor '],
    [`${B}capt${B}`, 'captain '],
    [`${B}gov${B}`, 'governor '],
    [`${B}ald${B}`, 'alderman '],
    [`${B}gen${B}`, 'general '],
    [`${B}sen${B}`, 'senator '],
    [`${B}rep${B}`, 'representative '],
    [`${B}pres${B}`, 'president '],
    [`${B}rev${B}`, 'reverend '],
    [`${B}hon${B}`, 'honorable '],
    [`${B}asst${B}`, 'assistant '],
    [`${B}assoc${B}`, 'associate '],
    [`${B}lt${B}`, 'lieutenant '],
    [`${B}col${B}`, 'colonel '],
    [`${B}jr${B}`, 'junior '],
    [`${B}sr${B}`, 'senior '],
    [`${B}esq${B}`, 'esquire '],
    // perfect tenses (Whisper: ideally any past participle)
    [`'d been${B}`, ' had been'],
    [`'s been${B}`, ' has been'],
    [`'d gone${B}`, ' had gone'],
    [`'s gone${B}`, ' has gone'],
    [`'d done${B}`, ' had done'],
    [`'s got${B}`, ' has got'],
    // general contractions
    [`n't${B}`, ' not'],
    [`'re${B}`, ' are'],
    [`'s${B}`, ' is'],
    [`'d${B}`, ' would'],
    [`'ll${B}`, ' will'],
    [`'t${B}`, ' not'],
    [`'ve${B}`, ' have'],
    [`'m${B}`, ' am'],
  ] as const
).map(([pattern, replacement]) => [pyRegex(pattern), replacement] as const);

const DIGIT_COMMA_DIGIT = pyRegex(`(${D}),(${D})`);
const PERIOD_NOT_BEFORE_DIGIT = pyRegex('\\.([^0-9]|$)');
const LONE_PREFIX_SYMBOL = pyRegex('[.$¢€£]([^0-9])');
const LONE_PERCENT = pyRegex('([^0-9])%');
const SPACE_RUN = pyRegex(`${S}+`);

export function whisperEnglishNormalize(text: string): string {
  let s = text.toLowerCase();
  s = s.replace(BRACKETED, ''); // [noise], <unk>
  s = s.replace(PARENTHESIZED, ''); // (laughs)
  s = s.replace(FILLERS, '');
  s = s.replace(SPACE_BEFORE_APOSTROPHE, "'");
  for (const [pattern, replacement] of REPLACERS) s = s.replace(pattern, replacement);
  s = s.replace(DIGIT_COMMA_DIGIT, '$1$2');
  s = s.replace(PERIOD_NOT_BEFORE_DIGIT, ' $1');
  s = removeSymbolsAndDiacritics(s, '.%$¢€£'); // keep the numeric symbols
  s = normalizeEnglishNumbers(s);
  s = normalizeEnglishSpelling(s);
  // remove prefix/suffix symbols that are not next to a number
  s = s.replace(LONE_PREFIX_SYMBOL, ' $1');
  s = s.replace(LONE_PERCENT, '$1 ');
  return s.replace(SPACE_RUN, ' ');
}
