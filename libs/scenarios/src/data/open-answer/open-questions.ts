import type { ScenarioItem } from '../../scenario-kind';
import { pipeTable } from '../pipe-table';

// Written by us: open questions with a short reference answer for the judge. id | topic | question | reference.
const TABLE = `
oa-01 | science   | Why is the sky blue on a clear day? | Sunlight is scattered by air molecules, and shorter (blue) wavelengths scatter much more than longer ones (Rayleigh scattering), so blue light reaches the eye from all directions of the sky.
oa-02 | science   | Why do we have seasons on Earth? | Earth's axis is tilted about 23.4 degrees, so over the year each hemisphere alternately leans toward the Sun, getting more direct sunlight and longer days (summer) or less (winter).
oa-03 | science   | How does a vaccine protect a person from a disease? | It exposes the immune system to a harmless form or part of the pathogen, so the body makes antibodies and memory cells and can respond quickly if it meets the real pathogen.
oa-04 | science   | What causes ocean tides? | Mainly the Moon's gravity, with a smaller contribution from the Sun, pulling unevenly on Earth and its oceans and creating bulges that the rotating Earth passes through.
oa-05 | science   | Why does ice float on water? | Ice is less dense than liquid water because its hydrogen-bonded crystal structure holds the molecules further apart.
oa-06 | science   | What is photosynthesis? | The process by which plants, algae and some bacteria use light energy to turn carbon dioxide and water into sugars, releasing oxygen.
oa-07 | practical | How should you treat a minor kitchen burn? | Cool it under cool running water for about 20 minutes, remove rings or tight items nearby, cover it loosely with a clean non-fluffy dressing, and seek care if it is large, deep or on the face.
oa-08 | practical | What is a good way to start saving money each month? | Set up an automatic transfer to a separate savings account on payday, start with an amount you can sustain, and track spending to find costs to cut.
oa-09 | practical | How can you tell whether an egg is still fresh? | Put it in water: a fresh egg sinks and lies flat, an older one stands on end, and one that floats should be thrown away; a bad smell when cracked also means discard it.
oa-10 | practical | What should you do first if your laptop gets wet? | Turn it off and unplug it immediately, remove the battery or accessories if possible, turn it upside down to drain, and let it dry for a long time before trying to power it on.
oa-11 | practical | How do you change a flat bicycle tyre? | Remove the wheel, lever the tyre off, take out the inner tube, find and fix the cause of the puncture, fit a new or patched tube, reseat the tyre and inflate it to the right pressure.
oa-12 | practical | How can you improve your sleep? | Keep a regular schedule, limit caffeine and screens before bed, keep the bedroom dark, cool and quiet, and get daylight and exercise during the day.
oa-13 | history   | Why was the printing press important? | It made books far cheaper and faster to produce, spreading literacy, scientific ideas and religious and political debate across Europe after Gutenberg's press around 1440.
oa-14 | history   | What was the purpose of the Marshall Plan? | A United States programme from 1948 giving economic aid to rebuild Western European economies after the Second World War and limit the spread of communism.
oa-15 | history   | Why did the Roman Empire build roads? | To move armies and supplies quickly, to govern and tax distant provinces, and to support trade and communication across the empire.
oa-16 | reasoning | If a train travels 120 km in 1.5 hours, what is its average speed? | 80 kilometres per hour (120 divided by 1.5).
oa-17 | reasoning | Is it a good idea to put all your savings into a single company's stock? | Usually not: it concentrates risk in one company, so diversifying across many investments lowers the chance of a large loss.
oa-18 | reasoning | Why might a store price an item at 9.99 instead of 10? | Because shoppers tend to read the first digit and perceive the price as noticeably lower (charm pricing), even though the difference is one cent.
`;

/** Built-in open questions with reference answers; attribute `topic`. */
export const OPEN_QUESTIONS: readonly ScenarioItem[] = pipeTable(TABLE, 4).map(
  ([id, topic, question, reference]) => ({
    id,
    input: question,
    references: [reference],
    attributes: { topic },
  }),
);
