import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Express, Request, Response } from 'express';

// 16×16: a white "L" on the console's teal. Rows top to bottom; # is the letter.
const GLYPH = [
  '................',
  '................',
  '................',
  '....##..........',
  '....##..........',
  '....##..........',
  '....##..........',
  '....##..........',
  '....##..........',
  '....##..........',
  '....##..........',
  '....########....',
  '....########....',
  '................',
  '................',
  '................',
];
const TEAL = [0x80, 0x6d, 0x0f, 0xff]; // BGRA of #0f6d80
const WHITE = [0xff, 0xff, 0xff, 0xff];

/** A one-image .ico (32-bit BMP): what every browser takes at /favicon.ico, 1,150 bytes. */
function icon(): Buffer {
  const pixels = Buffer.alloc(16 * 16 * 4);
  // BMP rows run bottom to top.
  GLYPH.toReversed().forEach((row, y) =>
    [...row].forEach((cell, x) => pixels.set(cell === '#' ? WHITE : TEAL, (y * 16 + x) * 4)),
  );
  const mask = Buffer.alloc(16 * 4); // all opaque: the alpha channel says so already
  const header = Buffer.alloc(6 + 16 + 40);
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(1, 4); // one image
  header.writeUInt8(16, 6); // width
  header.writeUInt8(16, 7); // height
  header.writeUInt16LE(1, 10); // planes
  header.writeUInt16LE(32, 12); // bits per pixel
  header.writeUInt32LE(40 + pixels.length + mask.length, 14);
  header.writeUInt32LE(22, 18); // offset of the image
  header.writeUInt32LE(40, 22); // BITMAPINFOHEADER size
  header.writeInt32LE(16, 26);
  header.writeInt32LE(32, 30); // height counts the colour and mask halves
  header.writeUInt16LE(1, 34);
  header.writeUInt16LE(32, 36);
  header.writeUInt32LE(pixels.length + mask.length, 42);
  return Buffer.concat([header, pixels, mask]);
}

export const FAVICON = icon();

/**
 * Browsers ask every origin for /favicon.ico; without one each page of the docs and the console
 * logs a 404. Public and cacheable for a day; mounted outside the API's guards like /docs.
 */
export function serveFavicon(app: NestExpressApplication): void {
  (app.getHttpAdapter().getInstance() as Express).get(
    '/favicon.ico',
    (_request: Request, response: Response) => {
      response.setHeader('Cache-Control', 'public, max-age=86400');
      response.type('image/x-icon').send(FAVICON);
    },
  );
}
