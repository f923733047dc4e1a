import { type Draw, type SyntheticFact, threeDistractors } from './synthetic-fact';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAY_MS = 86_400_000;

const utc = (year: number, month: number, day: number) => new Date(Date.UTC(year, month, day));
const written = (d: Date) => `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
const writtenForms = (d: Date) => [
  written(d),
  `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`,
  d.toISOString().slice(0, 10),
];
const daysIn = (year: number, month: number) => utc(year, month + 1, 0).getUTCDate();

/** Weekday of a date, days in a month, or the date a number of days later, in turn. */
export function calendarFact(draw: Draw, i: number): SyntheticFact {
  const year = draw.int(1990, 2030);
  const month = draw.int(0, 11);
  const date = utc(year, month, draw.int(1, daysIn(year, month)));
  switch (i % 3) {
    case 0: {
      const answer = WEEKDAYS[date.getUTCDay()];
      return {
        topic: 'calendar',
        task: 'weekday',
        question: `On which day of the week did ${written(date)} fall?`,
        answer,
        references: [answer],
        distractors: threeDistractors(answer, draw.shuffle(WEEKDAYS)),
      };
    }
    case 1: {
      // February half of the time, so leap years are asked about.
      const asked = i % 2 === 0 ? 1 : month;
      const answer = String(daysIn(year, asked));
      return {
        topic: 'calendar',
        task: 'days_in_month',
        question: `How many days are there in ${MONTHS[asked]} ${year}?`,
        answer,
        references: [answer],
        distractors: threeDistractors(answer, ['28', '29', '30', '31']),
      };
    }
    default: {
      const days = draw.int(10, 120);
      const later = new Date(date.getTime() + days * DAY_MS);
      const answer = written(later);
      const shifted = (by: number) => written(new Date(later.getTime() + by * DAY_MS));
      return {
        topic: 'calendar',
        task: 'days_after',
        question: `What date is ${days} days after ${written(date)}?`,
        answer,
        references: writtenForms(later),
        distractors: threeDistractors(
          answer,
          draw.shuffle([shifted(1), shifted(-1), shifted(7), shifted(-7)]),
        ),
      };
    }
  }
}
