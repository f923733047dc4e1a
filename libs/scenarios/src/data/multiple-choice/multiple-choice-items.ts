import type { ScenarioItem } from '../../scenario-kind';
import { alternatives, pipeTable } from '../pipe-table';

// id | topic | question | four choices (;) | correct letter. One correct choice; letters spread A–D.
const TABLE = `
mc-01 | science    | Which planet is known as the Red Planet? | Mars; Venus; Jupiter; Saturn | A
mc-02 | science    | What is the hardest naturally occurring substance? | Gold; Iron; Diamond; Quartz | C
mc-03 | science    | Which gas makes up most of Earth's atmosphere? | Oxygen; Carbon dioxide; Argon; Nitrogen | D
mc-04 | science    | Which blood cells carry oxygen? | White blood cells; Red blood cells; Platelets; Plasma cells | B
mc-05 | arithmetic | What is the smallest prime number? | 2; 1; 0; 3 | A
mc-06 | science    | Which instrument measures atmospheric pressure? | Thermometer; Hygrometer; Anemometer; Barometer | D
mc-07 | history    | Who developed the theory of general relativity? | Isaac Newton; Niels Bohr; Albert Einstein; Galileo Galilei | C
mc-08 | geography  | What is the capital of Australia? | Sydney; Canberra; Melbourne; Perth | B
mc-09 | science    | Which of these animals is a mammal? | Dolphin; Shark; Trout; Octopus | A
mc-10 | geography  | What is the main language of Argentina? | Portuguese; English; Italian; Spanish | D
mc-11 | arithmetic | How many degrees are in a right angle? | 45; 90; 180; 360 | B
mc-12 | science    | Which vitamin does human skin make when exposed to sunlight? | Vitamin A; Vitamin C; Vitamin D; Vitamin K | C
mc-13 | geography  | What is the largest ocean on Earth? | Pacific; Atlantic; Indian; Arctic | A
mc-14 | science    | Which organ produces insulin? | Liver; Kidney; Stomach; Pancreas | D
mc-15 | science    | Which element has the chemical symbol Fe? | Lead; Iron; Fluorine; Tin | B
mc-16 | arithmetic | What is 7 times 8? | 54; 58; 56; 64 | C
mc-17 | geography  | In which country is the city of Kyoto? | Japan; China; South Korea; Vietnam | A
mc-18 | history    | Who wrote the novel Pride and Prejudice? | Charlotte Brontë; Mary Shelley; George Eliot; Jane Austen | D
mc-19 | science    | Which is the longest bone in the human body? | Tibia; Femur; Humerus; Radius | B
mc-20 | science    | At sea level, at how many degrees Fahrenheit does water boil? | 100; 180; 212; 273 | C
mc-21 | arithmetic | How many bits are in a byte? | 8; 4; 16; 32 | A
mc-22 | science    | In which layer of the atmosphere is most of the ozone? | Troposphere; Mesosphere; Thermosphere; Stratosphere | D
mc-23 | geography  | What is the currency of the United Kingdom? | Euro; Pound sterling; Dollar; Franc | B
mc-24 | arithmetic | How many sides does a triangle have? | Four; Five; Three; Six | C
`;

/** Built-in multiple-choice items: `choices` in order, `label` the correct letter. */
export const MULTIPLE_CHOICE_ITEMS: readonly ScenarioItem[] = pipeTable(TABLE, 5).map(
  ([id, topic, question, choices, answer]) => ({
    id,
    input: question,
    choices: alternatives(choices),
    label: answer,
    attributes: { topic },
  }),
);
