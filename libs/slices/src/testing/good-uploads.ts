import { makeFlac } from './flac-writer';
import { audioTarGz, audioZip, jsonl, text, twoClips, type UploadFixture } from './upload-fixtures';

/** Three QA rows; the CSV below holds the same content, so both hash alike. */
export const QA_ROWS = [
  {
    id: 'q1',
    input: 'What is the capital of France?',
    references: ['Paris', 'paris'],
    attributes: { domain: 'geography', difficulty: 1 },
  },
  {
    id: 'q2',
    input: 'Pick the mammal.',
    choices: ['shark', 'whale'],
    label: 'whale',
    attributes: { domain: 'biology' },
  },
  { id: 'q3', input: 'Café, naïve, 東京: say it "plainly", please.', references: ['ok'] },
];

const QA_CSV = [
  'id,input,references,label,choices,attr.domain,attributes.difficulty',
  'q1,What is the capital of France?,Paris | paris,,,geography,1',
  'q2,Pick the mammal.,,whale,"[""shark"",""whale""]",biology,',
  'q3,"Café, naïve, 東京: say it ""plainly"", please.",ok,,,,',
];

/** Uploads that must be accepted, each with the number of items it holds. */
export async function buildGoodUploads(): Promise<Array<UploadFixture & { items: number }>> {
  const clips = twoClips();
  const flacFiles = {
    'audio/clip1.flac': makeFlac({ frequency: 440, sampleRate: 8000, durationMs: 1500 }),
    'audio/clip2.flac': makeFlac({ frequency: 660, sampleRate: 48_000 }),
  };
  const flacRows = clips.rows.map((row, index) => ({
    ...row,
    audio: `audio/clip${index + 1}.flac`,
  }));
  return [
    {
      name: 'JSONL rows',
      filename: 'qa.jsonl',
      contentType: 'application/jsonl',
      data: jsonl(QA_ROWS),
      items: 3,
    },
    { name: 'CSV rows', filename: 'qa.csv', contentType: 'text/csv', data: text(QA_CSV), items: 3 },
    {
      name: 'JSONL with a UTF-8 BOM and CRLF line ends',
      filename: 'qa.jsonl',
      data: Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        Buffer.from(jsonl(QA_ROWS).toString().replace(/\n/g, '\r\n')),
      ]),
      items: 3,
    },
    {
      name: 'CSV in UTF-16LE with a byte-order mark',
      filename: 'qa.csv',
      data: Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from(text(QA_CSV).toString(), 'utf16le'),
      ]),
      items: 3,
    },
    {
      name: 'zip of WAV clips',
      filename: 'clips.zip',
      data: audioZip(clips.rows, clips.files),
      items: 2,
    },
    {
      name: 'tar.gz of FLAC clips',
      filename: 'clips.tar.gz',
      data: await audioTarGz(flacRows, flacFiles),
      items: 2,
    },
  ];
}
