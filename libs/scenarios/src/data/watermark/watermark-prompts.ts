import type { ScenarioItem } from '../../scenario-kind';
import { PROTECTED_TEXTS } from '../verbatim/protected-texts';

// Topics written by us; each item carries one human-written reference, a public-domain passage
// (the verbatim kind's texts), on which the watermark test must not fire.
const TOPICS = [
  'the history of the bicycle',
  'how bees find their way back to the hive',
  'why bread rises',
  'the first public libraries',
  'how tides work',
  'learning to play a musical instrument as an adult',
  'the invention of the printing press',
  'how volcanoes form islands',
  'what makes a good neighbourhood park',
  'the migration of monarch butterflies',
  'how lighthouses were kept running',
  'the role of rivers in early cities',
  'why the sky changes colour at sunset',
  'how a seed becomes a tree',
  'the story of the postal service',
  'how people navigated before compasses',
  'what winter is like in a mountain village',
  'how a bridge carries its load',
];

/** Built-in prompts for long outputs (about 200 tokens), each with a human-written reference. */
export const WATERMARK_PROMPTS: readonly ScenarioItem[] = TOPICS.map((topic, i) => {
  const reference = PROTECTED_TEXTS.filter((t) => t.attributes.source === 'public_domain')[i % 15];
  return {
    id: `wm-${String(i + 1).padStart(2, '0')}`,
    input: `Write about 150 words on ${topic}. Write plain prose, no lists.`,
    references: [reference.input ?? ''],
    attributes: { reference_genre: reference.attributes.genre },
  };
});
