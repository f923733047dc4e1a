import type { ScenarioItem } from '../../scenario-kind';
import { alternatives, pipeTable } from '../pipe-table';

// General knowledge with one unambiguous answer: id | topic | question | accepted answers (;).
const TABLE = `
geo-01  | geography  | What is the capital of France? | Paris
geo-02  | geography  | What is the capital of Japan? | Tokyo
geo-03  | geography  | What is the capital of Canada? | Ottawa
geo-04  | geography  | Which ocean lies between Africa and Australia? | Indian Ocean; Indian
geo-05  | geography  | What is the longest river in South America? | Amazon; Amazon River
geo-06  | geography  | On which continent is Kenya? | Africa
geo-07  | geography  | In which country is the city of Marrakesh? | Morocco
sci-01  | science    | What is the chemical symbol for gold? | Au
sci-02  | science    | How many protons does a carbon atom have? | 6; six
sci-03  | science    | What is the largest planet in the Solar System? | Jupiter
sci-04  | science    | Which gas do plants take in from the air for photosynthesis? | carbon dioxide; CO2
sci-05  | science    | At sea level, at how many degrees Celsius does pure water boil? | 100; one hundred; 100 °C; 100 degrees Celsius
sci-06  | science    | Which organ pumps blood through the human body? | heart; the heart
sci-07  | science    | What is the chemical formula of water? | H2O
sci-08  | science    | Which planet is closest to the Sun? | Mercury
sci-09  | science    | How many chromosomes does a typical human body cell contain? | 46; forty-six
math-01 | arithmetic | What is 12 multiplied by 12? | 144
math-02 | arithmetic | What is the square root of 81? | 9; nine
math-03 | arithmetic | What is 15 percent of 200? | 30; thirty
math-04 | arithmetic | How many sides does a hexagon have? | 6; six
math-05 | arithmetic | What is 1000 divided by 8? | 125
math-06 | arithmetic | What is the smallest prime number greater than 7? | 11; eleven
math-07 | arithmetic | How many minutes are there in three hours? | 180
hist-01 | history    | In which year did the Berlin Wall fall? | 1989
hist-02 | history    | Who was the first person to walk on the Moon? | Neil Armstrong; Armstrong
hist-03 | history    | In which year did the Titanic sink? | 1912
hist-04 | history    | Who wrote the play Romeo and Juliet? | William Shakespeare; Shakespeare
hist-05 | history    | Which civilization built Machu Picchu? | Inca; the Inca; Incas; Inca Empire
hist-06 | history    | Who painted the Mona Lisa? | Leonardo da Vinci; da Vinci; Leonardo
lang-01 | language   | What is the plural of the English word "mouse" when it means the animal? | mice
lang-02 | language   | How many letters are in the English alphabet? | 26; twenty-six
lang-03 | language   | Which language is most widely spoken in Brazil? | Portuguese
lang-04 | language   | What is the simple past tense of the English verb "run"? | ran
`;

/** Built-in QA items: `input` is the question, `references` the accepted answers. */
export const QA_ITEMS: readonly ScenarioItem[] = pipeTable(TABLE, 4).map(
  ([id, topic, question, answers]) => ({
    id,
    input: question,
    references: alternatives(answers),
    attributes: { topic },
  }),
);
