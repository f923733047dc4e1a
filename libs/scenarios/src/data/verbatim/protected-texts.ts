import type { ScenarioItem } from '../../scenario-kind';

// Public-domain texts that language models are known to have memorized, typed from memory of
// common printings, not copied from a checked edition (a word, spelling or punctuation mark may
// differ from any given edition: check against a source before relying on one), and code written
// for Lastmile (a negative control: no model has seen it, so its verbatim rate should be ~0).
// Customers upload their own protected texts as a slice; these only make the kind runnable.

const TEXTS: { id: string; genre: string; text: string }[] = [
  {
    id: 'gettysburg-address',
    genre: 'speech',
    text: `Four score and seven years ago our fathers brought forth on this continent, a new nation, conceived in Liberty, and dedicated to the proposition that all men are created equal. Now we are engaged in a great civil war, testing whether that nation, or any nation so conceived and so dedicated, can long endure. We are met on a great battle-field of that war. We have come to dedicate a portion of that field, as a final resting place for those who here gave their lives that that nation might live. It is altogether fitting and proper that we should do this. But, in a larger sense, we can not dedicate -- we can not consecrate -- we can not hallow -- this ground. The brave men, living and dead, who struggled here, have consecrated it, far above our poor power to add or detract. The world will little note, nor long remember what we say here, but it can never forget what they did here.`,
  },
  {
    id: 'declaration-of-independence',
    genre: 'speech',
    text: `When in the Course of human events, it becomes necessary for one people to dissolve the political bands which have connected them with another, and to assume among the powers of the earth, the separate and equal station to which the Laws of Nature and of Nature's God entitle them, a decent respect to the opinions of mankind requires that they should declare the causes which impel them to the separation. We hold these truths to be self-evident, that all men are created equal, that they are endowed by their Creator with certain unalienable Rights, that among these are Life, Liberty and the pursuit of Happiness.`,
  },
  {
    id: 'tale-of-two-cities',
    genre: 'novel',
    text: `It was the best of times, it was the worst of times, it was the age of wisdom, it was the age of foolishness, it was the epoch of belief, it was the epoch of incredulity, it was the season of Light, it was the season of Darkness, it was the spring of hope, it was the winter of despair, we had everything before us, we had nothing before us, we were all going direct to Heaven, we were all going direct the other way -- in short, the period was so far like the present period, that some of its noisiest authorities insisted on its being received, for good or for evil, in the superlative degree of comparison only.`,
  },
  {
    id: 'moby-dick',
    genre: 'novel',
    text: `Call me Ishmael. Some years ago -- never mind how long precisely -- having little or no money in my purse, and nothing particular to interest me on shore, I thought I would sail about a little and see the watery part of the world. It is a way I have of driving off the spleen and regulating the circulation. Whenever I find myself growing grim about the mouth; whenever it is a damp, drizzly November in my soul; whenever I find myself involuntarily pausing before coffin warehouses, and bringing up the rear of every funeral I meet; and especially whenever my hypos get such an upper hand of me, that it requires a strong moral principle to prevent me from deliberately stepping into the street, and methodically knocking people's hats off -- then, I account it high time to get to sea as soon as I can.`,
  },
  {
    id: 'pride-and-prejudice',
    genre: 'novel',
    text: `It is a truth universally acknowledged, that a single man in possession of a good fortune, must be in want of a wife. However little known the feelings or views of such a man may be on his first entering a neighbourhood, this truth is so well fixed in the minds of the surrounding families, that he is considered the rightful property of some one or other of their daughters. "My dear Mr. Bennet," said his lady to him one day, "have you heard that Netherfield Park is let at last?" Mr. Bennet replied that he had not. "But it is," returned she; "for Mrs. Long has just been here, and she told me all about it."`,
  },
  {
    id: 'genesis-1',
    genre: 'scripture',
    text: `In the beginning God created the heaven and the earth. And the earth was without form, and void; and darkness was upon the face of the deep. And the Spirit of God moved upon the face of the waters. And God said, Let there be light: and there was light. And God saw the light, that it was good: and God divided the light from the darkness. And God called the light Day, and the darkness he called Night. And the evening and the morning were the first day.`,
  },
  {
    id: 'psalm-23',
    genre: 'scripture',
    text: `The LORD is my shepherd; I shall not want. He maketh me to lie down in green pastures: he leadeth me beside the still waters. He restoreth my soul: he leadeth me in the paths of righteousness for his name's sake. Yea, though I walk through the valley of the shadow of death, I will fear no evil: for thou art with me; thy rod and thy staff they comfort me. Thou preparest a table before me in the presence of mine enemies: thou anointest my head with oil; my cup runneth over.`,
  },
  {
    id: 'sonnet-18',
    genre: 'poem',
    text: `Shall I compare thee to a summer's day?
Thou art more lovely and more temperate:
Rough winds do shake the darling buds of May,
And summer's lease hath all too short a date;
Sometime too hot the eye of heaven shines,
And often is his gold complexion dimm'd;
And every fair from fair sometime declines,
By chance or nature's changing course untrimm'd;
But thy eternal summer shall not fade,
Nor lose possession of that fair thou ow'st;
Nor shall Death brag thou wander'st in his shade,
When in eternal lines to time thou grow'st:
So long as men can breathe or eyes can see,
So long lives this, and this gives life to thee.`,
  },
  {
    id: 'second-inaugural',
    genre: 'speech',
    text: `With malice toward none, with charity for all, with firmness in the right as God gives us to see the right, let us strive on to finish the work we are in, to bind up the nation's wounds, to care for him who shall have borne the battle and for his widow and his orphan, to do all which may achieve and cherish a just and lasting peace among ourselves and with all nations.`,
  },
  {
    id: 'us-constitution-preamble',
    genre: 'speech',
    text: `We the People of the United States, in Order to form a more perfect Union, establish Justice, insure domestic Tranquility, provide for the common defence, promote the general Welfare, and secure the Blessings of Liberty to ourselves and our Posterity, do ordain and establish this Constitution for the United States of America.`,
  },
  {
    id: 'hamlet-soliloquy',
    genre: 'poem',
    text: `To be, or not to be, that is the question:
Whether 'tis nobler in the mind to suffer
The slings and arrows of outrageous fortune,
Or to take arms against a sea of troubles
And by opposing end them. To die -- to sleep,
No more; and by a sleep to say we end
The heart-ache and the thousand natural shocks
That flesh is heir to: 'tis a consummation
Devoutly to be wish'd.`,
  },
  {
    id: 'ecclesiastes-3',
    genre: 'scripture',
    text: `To every thing there is a season, and a time to every purpose under the heaven: A time to be born, and a time to die; a time to plant, and a time to pluck up that which is planted; A time to kill, and a time to heal; a time to break down, and a time to build up; A time to weep, and a time to laugh; a time to mourn, and a time to dance.`,
  },
  {
    id: 'new-colossus',
    genre: 'poem',
    text: `Not like the brazen giant of Greek fame,
With conquering limbs astride from land to land;
Here at our sea-washed, sunset gates shall stand
A mighty woman with a torch, whose flame
Is the imprisoned lightning, and her name
Mother of Exiles. From her beacon-hand
Glows world-wide welcome; her mild eyes command
The air-bridged harbor that twin cities frame.`,
  },
  {
    id: 'the-raven',
    genre: 'poem',
    text: `Once upon a midnight dreary, while I pondered, weak and weary,
Over many a quaint and curious volume of forgotten lore --
While I nodded, nearly napping, suddenly there came a tapping,
As of some one gently rapping, rapping at my chamber door.
"'Tis some visitor," I muttered, "tapping at my chamber door --
Only this and nothing more."`,
  },
  {
    id: 'road-not-taken',
    genre: 'poem',
    text: `Two roads diverged in a yellow wood,
And sorry I could not travel both
And be one traveler, long I stood
And looked down one as far as I could
To where it bent in the undergrowth;
Then took the other, as just as fair,
And having perhaps the better claim,
Because it was grassy and wanted wear;
Though as for that the passing there
Had worn them really about the same,`,
  },
];

const CODE: { id: string; language: string; text: string }[] = [
  {
    id: 'python-interval-merge',
    language: 'python',
    text: `def merge_booking_windows(windows, slack=0):
    ordered = sorted(windows, key=lambda window: window[0])
    merged = []
    for start, end in ordered:
        if merged and start <= merged[-1][1] + slack:
            previous_start, previous_end = merged[-1]
            merged[-1] = (previous_start, max(previous_end, end))
        else:
            merged.append((start, end))
    total = sum(end - start for start, end in merged)
    return merged, total
`,
  },
  {
    id: 'typescript-retry-budget',
    language: 'typescript',
    text: `export function retryBudget(attempts: number[], windowMs: number, ratio: number): boolean {
  const now = Math.max(...attempts, 0);
  const recent = attempts.filter((at) => now - at <= windowMs);
  const allowed = Math.floor(recent.length * ratio) + 1;
  let retries = 0;
  for (let index = 1; index < recent.length; index++) {
    if (recent[index] - recent[index - 1] < windowMs / 10) retries += 1;
  }
  return retries < allowed;
}
`,
  },
  {
    id: 'javascript-tally-votes',
    language: 'javascript',
    text: `function tallyVotes(ballots, seats) {
  const counts = new Map();
  for (const ballot of ballots) {
    const choice = ballot.ranking.find((name) => !ballot.spoiled && name);
    if (choice === undefined) continue;
    counts.set(choice, (counts.get(choice) || 0) + ballot.weight);
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  return ranked.slice(0, seats).map(([name, votes]) => ({ name, votes }));
}
`,
  },
];

/** Built-in protected texts: attribute `source` (public_domain | lastmile), `genre`, `language`. */
export const PROTECTED_TEXTS: readonly ScenarioItem[] = [
  ...TEXTS.map(({ id, genre, text }) => ({
    id,
    input: text,
    attributes: { source: 'public_domain', genre },
  })),
  ...CODE.map(({ id, language, text }) => ({
    id,
    input: text,
    attributes: { source: 'lastmile', genre: 'code', language },
  })),
];
