import type { ScenarioItem } from '../../scenario-kind';
import { OPEN_QUESTIONS } from '../open-answer/open-questions';
import { pipeTable } from '../pipe-table';

// Written and labelled by us: for each built-in open question, one sound answer and one wrong or
// misleading one, scored by a person on the judge's default 1–5 scale. A demonstration of the
// calibration mechanism (the demo and the tests re-score it with a fixture judge), not a benchmark
// of any real judge. id | question id | label | answer.
const TABLE = `
cal-01a | oa-01 | 5 | Air molecules scatter short blue wavelengths of sunlight far more than red ones (Rayleigh scattering), so blue light comes at us from every part of the sky.
cal-01b | oa-01 | 1 | The sky is blue because it reflects the colour of the oceans.
cal-02a | oa-02 | 5 | Because Earth's axis is tilted by about 23 degrees: through the year each hemisphere takes turns facing the Sun more directly, with longer days in summer.
cal-02b | oa-02 | 1 | Seasons happen because Earth is much closer to the Sun in summer and much farther away in winter.
cal-03a | oa-03 | 5 | It shows the immune system a harmless piece or weakened form of the germ, so the body builds antibodies and memory cells and fights off the real infection quickly later.
cal-03b | oa-03 | 2 | A vaccine is a medicine that kills the virus in your blood when you get sick.
cal-04a | oa-04 | 5 | Mostly the Moon's gravity (and the Sun's, to a lesser degree) pulls unevenly on the oceans, raising bulges of water that coasts pass through as Earth turns.
cal-04b | oa-04 | 1 | Tides are caused by the wind pushing the water toward the shore twice a day.
cal-05a | oa-05 | 5 | Frozen water forms a hydrogen-bonded crystal that holds its molecules further apart, so ice is less dense than liquid water and floats.
cal-05b | oa-05 | 1 | Ice floats because it contains trapped air bubbles that make it lighter.
cal-06a | oa-06 | 5 | Plants, algae and some bacteria capture light energy to turn carbon dioxide and water into sugar, giving off oxygen.
cal-06b | oa-06 | 2 | Photosynthesis is how plants breathe in oxygen at night and grow.
cal-07a | oa-07 | 4 | Hold the burn under cool running water for around twenty minutes and cover it loosely with a clean dressing.
cal-07b | oa-07 | 1 | Put butter or ice directly on the burn to take the heat out.
cal-08a | oa-08 | 5 | Automate it: move a fixed, realistic amount into a separate savings account on payday, and review spending to find more to set aside.
cal-08b | oa-08 | 2 | Save whatever is left at the end of the month, if anything.
cal-09a | oa-09 | 5 | Place it in a bowl of water: a fresh egg sinks and lies flat, an older one tilts or stands up, and a floating egg should be discarded.
cal-09b | oa-09 | 1 | Shake it next to your ear: if it makes no sound it has gone bad.
cal-10a | oa-10 | 5 | Switch it off and unplug it at once, disconnect anything attached, turn it over to drain and leave it to dry fully before turning it back on.
cal-10b | oa-10 | 1 | Turn it on straight away to check whether it still works, then dry it with a hair dryer on high heat.
cal-11a | oa-11 | 4 | Take the wheel off, remove the tyre and tube with tyre levers, put in a new tube, refit the tyre and pump it up.
cal-11b | oa-11 | 1 | Pump more air into it until it holds; a flat tyre only means it needs air.
cal-12a | oa-12 | 5 | Go to bed and get up at regular times, avoid caffeine and screens late in the evening, keep the bedroom dark and cool, and get daylight and exercise during the day.
cal-12b | oa-12 | 2 | Drink a glass of wine before bed and sleep in at the weekend to catch up.
cal-13a | oa-13 | 5 | Printing made books much cheaper and faster to copy, so after Gutenberg's press literacy, scientific knowledge and religious and political ideas spread across Europe.
cal-13b | oa-13 | 1 | It was important because it was the first way people could write things down.
cal-14a | oa-14 | 5 | It was the 1948 American programme of economic aid to rebuild Western Europe after the Second World War, partly to contain communism.
cal-14b | oa-14 | 1 | The Marshall Plan was the military plan for the D-Day landings in 1944.
cal-15a | oa-15 | 5 | To move legions and supplies fast, to govern and tax far provinces, and to carry trade and messages across the empire.
cal-15b | oa-15 | 2 | Roman roads were built mainly for chariot races between cities.
cal-16a | oa-16 | 5 | 80 km/h: 120 km divided by 1.5 hours.
cal-16b | oa-16 | 1 | 180 km/h, because 120 times 1.5 is 180.
cal-17a | oa-17 | 5 | Generally no: everything would ride on one company, and spreading money across many investments lowers the risk of a large loss.
cal-17b | oa-17 | 1 | Yes, if the company is well known, because big companies cannot fail.
cal-18a | oa-18 | 5 | Because people anchor on the first digit, so 9.99 feels noticeably cheaper than 10 even though it is only one cent less (charm pricing).
cal-18b | oa-18 | 2 | Because the tax on prices under 10 is lower.
`;

const questions = new Map(OPEN_QUESTIONS.map((q) => [q.id, q]));

/**
 * The built-in calibration set of judge_calibration: input is the question, references[0] the
 * answer a person scored, label that person's score (1–5); attributes `topic` and `quality`
 * (sound | wrong). See docs/judges-and-reviews.md.
 */
export const CALIBRATION_SET: readonly ScenarioItem[] = pipeTable(TABLE, 4).map(
  ([id, questionId, label, answer]) => {
    const question = questions.get(questionId);
    if (!question) throw new Error(`calibration item ${id} names unknown question ${questionId}`);
    return {
      id,
      input: question.input,
      references: [answer],
      label,
      attributes: {
        topic: question.attributes.topic,
        quality: id.endsWith('a') ? 'sound' : 'wrong',
      },
    };
  },
);
