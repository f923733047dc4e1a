/** Short clinical phrases for the built-in speech slice (plain words, no digits or symbols). */
export const CLINICAL_PHRASES: readonly string[] = [
  'the patient reports chest pain',
  'blood pressure is one hundred and forty over ninety',
  'please take a deep breath and hold it',
  'no known drug allergies',
  'the wound is clean and healing well',
  'start the patient on oral antibiotics',
  'she has had a fever for three days',
  'check the blood sugar before every meal',
  'the pain gets worse when he walks',
  'schedule a follow up visit in two weeks',
  'he feels dizzy when he stands up',
  'give ten milligrams of morphine',
  'the heart rate is regular',
  'she is short of breath at night',
  'apply a fresh dressing every morning',
  'the patient was discharged home today',
];

/** espeak-ng English voices with distinct accents (`espeak-ng --voices=en`). */
export const SPEECH_VOICES: readonly string[] = [
  'en-us',
  'en-gb-scotland',
  'en-029',
  'en-gb-x-rp',
  'en-us-nyc',
];
