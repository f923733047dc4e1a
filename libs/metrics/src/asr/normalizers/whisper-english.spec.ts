import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { whisperBasicNormalize } from './whisper-basic';
import { whisperEnglishNormalize } from './whisper-english';

// Every expected value below is the output of Whisper's own Python normalizers at
// openai/whisper@c0d2f624 (v20250625), run on the input as written: the cases exercise each
// rule of english.py / basic.py, and the outputs are Whisper's, spaces included.
function expectAll(normalize: (text: string) => string, cases: [string, string][]): void {
  for (const [input, expected] of cases) {
    assert.equal(normalize(input), expected, `input ${JSON.stringify(input)}`);
  }
}

describe('Whisper EnglishTextNormalizer rules', () => {
  it('spoken cardinals become digits, with "and" after a multiplier dropped', () => {
    expectAll(whisperEnglishNormalize, [
      ['one hundred and forty', '140'],
      ['blood pressure is one hundred and forty over ninety', 'blood pressure is 140 over 90'],
      ['Blood pressure is 140/90.', 'blood pressure is 140 90'],
      ['two thousand and five', '2005'],
      ['nineteen eighty four', '1984'],
      ['twenty twenty three', '2023'],
      ['one thousand two hundred thirty four', '1234'],
      ['a hundred people', 'a 100 people'],
      ['ninety nine bottles', '99 bottles'],
      ['eleven', '11'],
      ['zero', '0'],
      ['oh', '0'],
      ['one', 'one'],
      ['ones', 'ones'],
      ['twos and threes', '2s and 3s'],
      ['five hundred thousand', '500000'],
      ['seven million three hundred thousand', '7300000'],
      ['three billion dollars', '$3000000000'],
      ['one two three four', '1234'],
      ['sixty five', '65'],
      ['the year two thousand', 'the year 2000'],
      ['twelve hundred', '1200'],
      ['fifteen thousand and one', '15001'],
    ]);
  });
  it('ordinals keep their suffix; Whisper knows "nineth" but not "ninth"', () => {
    expectAll(whisperEnglishNormalize, [
      ['the first time', 'the 1st time'],
      ['second place', '2nd place'],
      ['the third', 'the 3rd'],
      ['twenty second of may', '22nd of may'],
      ['fifth avenue', '5th avenue'],
      ['the twelfth night', 'the 12th night'],
      ['the ninth symphony', 'the ninth symphony'],
      ['nineth', '9th'],
      ['hundredth', '100th'],
      ['the thousandth visitor', 'the 1000th visitor'],
      ['the fortieth anniversary', 'the 40th anniversary'],
      ['the 1960s', 'the 1960s'],
      ['the sixties', 'the 60s'],
      ['1st 2nd 3rd 4th', '1st 2nd 3rd 4th'],
      ['21 st', '21 saint'],
    ]);
  });
  it('decimals, "point", "oh", "double"/"triple" digit strings and "and a half"', () => {
    expectAll(whisperEnglishNormalize, [
      ['she turned thirty', 'she turned 30'],
      ['three point one four', '3.14'],
      ['zero point five', '0.5'],
      ['point five', '.5'],
      ['one point oh', 'one.0'],
      ['room one oh one', 'room 101'],
      ['call nine one one', 'call 911'],
      ['double seven', '77'],
      ['triple zero', '000'],
      ['james bond double oh seven', 'james bond 007'],
      ['version two point oh point one', 'version 2.0 one'],
      ['192.168.0.1', '192.168.0 one'],
      ['two and a half', '2.5'],
      ['and a half', ''],
      ['ten and a half thousand', '10500'],
      ['a cup and a half', 'a cup and a half'],
    ]);
  });
  it('currencies and percents attach to the number; signs apply only before a number', () => {
    expectAll(whisperEnglishNormalize, [
      ['twenty dollars', '$20'],
      ['$20', '$20'],
      ['£5 notes', '£5 notes'],
      ['five pounds', '£5'],
      ['ten euros and fifty cents', '€10.50'],
      ['fifty cents', '¢50'],
      ['one dollar', ' one'],
      ['$1', ' one'],
      ['$1.50', ' one.50'],
      ['€3.50', '€3.50'],
      ['it costs $0.99', 'it costs ¢99'],
      ['$ 5', ' 5'],
      ['fifty percent', '50%'],
      ['50%', '50%'],
      ['12.5 per cent', '12.5%'],
      ['per cent', 'per cent'],
      ['percent', 'percent'],
      ['the price is $1,000,000', 'the price is $1000000'],
      ['1,234 patients', '1234 patients'],
      ['dollars', 'dollars'],
      ['minus five degrees', '-5 degrees'],
      ['plus or minus', 'plus or minus'],
      ['negative two', '-2'],
    ]);
  });
  it('contractions, titles and abbreviations are expanded', () => {
    expectAll(whisperEnglishNormalize, [
      ["I won't go", 'i will not go'],
      ["we can't", 'we can not'],
      ["let's go", 'let us go'],
      ["ain't it", 'aint it'],
      ["y'all", 'you all'],
      ['I wanna go', 'i want to go'],
      ['you gotta see', 'you got to see'],
      ['gonna be fine', 'going to be fine'],
      ["i'ma leave", 'i am going to leave'],
      ['imma leave', 'i am going to leave'],
      ['woulda coulda shoulda', 'would have could have should have'],
      ["yes ma'am", 'yes madam'],
      ['Mr. Smith', 'mister smith'],
      ['Mrs Jones', 'missus jones'],
      ['St. Louis', 'saint louis'],
      ['Dr. House', 'doctor house'],
      ['Prof. X', 'professor x'],
      ['Capt. Hook', 'captain hook'],
      ['Gov. Brown', 'governor brown'],
      ['Gen. Lee', 'general lee'],
      ['Sen. Paul', 'senator paul'],
      ['Rep. Kim', 'representative kim'],
      ['Pres. Obama', 'president obama'],
      ['Rev. King', 'reverend king'],
      ['Hon. Judge', 'honorable judge'],
      ['Asst. manager', 'assistant manager'],
      ['Lt. Dan', 'lieutenant dan'],
      ['Col. Sanders', 'colonel sanders'],
      ['John Jr.', 'john junior'],
      ['John Sr.', 'john senior'],
      ['Esq.', 'esquire'],
      ["he'd been there", 'he had been there'],
      ["she's been ill", 'she has been ill'],
      ["I'd gone", 'i had gone'],
      ["it's gone", 'it has gone'],
      ["we'd done it", 'we had done it'],
      ["he's got it", 'he has got it'],
      ["isn't it", 'is not it'],
      ["you're right", 'you are right'],
      ["it's fine", 'it is fine'],
      ["I'd like", 'i would like'],
      ["we'll see", 'we will see'],
      ["I've seen", 'i have seen'],
      ["I'm here", 'i am here'],
      ["don 't", 'do not'],
      ["rock 'n' roll", 'rock n roll'],
      ["the patient's chart", 'the patient is chart'],
      ["o'clock", '0 clock'],
    ]);
  });
  it('fillers and bracketed or parenthesized spans are removed; number/letter boundaries split', () => {
    expectAll(whisperEnglishNormalize, [
      ['uh I think um yes', 'i think yes'],
      ['hmm mm mhm mmm', ''],
      ['[noise] hello <unk> world', 'hello world'],
      ['hello (laughs) there', 'hello there'],
      ['uhm', 'uhm'],
      ['umbrella', 'umbrella'],
      ['10mm', '10 mm'],
      ['10km', '10 km'],
      ['RC232', 'rc 232'],
      ['b747', 'b 747'],
    ]);
  });
  it("British spellings become American (Whisper's english.json)", () => {
    expectAll(whisperEnglishNormalize, [
      ['the colour of the organisation', 'the color of the organization'],
      ['I apologise', 'i apologize'],
      ['favourite centre', 'favorite center'],
      ['travelling', 'traveling'],
      ['behaviour analysed', 'behavior analyzed'],
      ['grey', 'gray'],
      ['programme', 'program'],
      ['cancelation', 'cancellation'],
      ['mobilisation', 'mobilization'],
      ['aluminium', 'aluminum'],
    ]);
  });
  it('punctuation and symbols become spaces, diacritics are dropped, whitespace collapses', () => {
    expectAll(whisperEnglishNormalize, [
      ['Hello, World!', 'hello world'],
      ['well-known', 'well known'],
      ['self-esteem', 'self esteem'],
      ['naïve café', 'naive cafe'],
      ["Æsop's fables", 'aesop is fables'],
      ['smörgåsbord', 'smorgasbord'],
      ['straße', 'strasse'],
      ['a & b', 'a b'],
      ['x = y', 'x y'],
      ['e-mail', 'e mail'],
      ['co-operate', 'co operate'],
      ['"quoted"', 'quoted'],
      ['end.', 'end'],
      ['U.S.A.', 'u s a'],
      ['3.14', '3.14'],
      ['1.5.', 'one.5'],
      ['...', '.'],
      ['tab\tseparated\nlines', 'tab separated lines'],
      ['  spaced   out  ', 'spaced out'],
      ['', ''],
      ['ÇA VA', 'ca va'],
    ]);
  });
});

describe('Whisper BasicTextNormalizer', () => {
  it('lower-cases, drops bracketed spans, turns symbols into spaces and keeps diacritics', () => {
    expectAll(whisperBasicNormalize, [
      ['Hello, World!', 'hello world '],
      ['[noise] hi <unk> (laughs) there', ' hi there'],
      ['naïve café', 'naïve café'],
      ["don't", 'don t'],
      ['Ⅻ ﬁne', 'xii fine'],
      ['50% off $5', '50 off 5'],
      ['smörgåsbord', 'smörgåsbord'],
      ['under_score', 'under score'],
      ['tab\tand  spaces', 'tab and spaces'],
      ['', ''],
      ['ÆSOP', 'æsop'],
      ['a—b', 'a b'],
      ['x²', 'x2'],
    ]);
  });
});
