import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ProblemList, SliceValidationError } from '../slice-problem';
import { decodeUploadText } from './decode-text';

const decode = (data: Buffer, contentType?: string) =>
  decodeUploadText(data, contentType, 'f.jsonl', new ProblemList(50, 'upload'));

function refusal(data: Buffer, contentType?: string): string {
  try {
    decode(data, contentType);
  } catch (error) {
    assert.ok(error instanceof SliceValidationError);
    return error.problems[0].reason;
  }
  return assert.fail('expected a refusal');
}

describe('decodeUploadText', () => {
  it('strips a UTF-8 byte-order mark and keeps the rest byte for byte', () => {
    assert.equal(decode(Buffer.from('\uFEFFnaïve 東京', 'utf8')), 'naïve 東京');
  });

  it('keeps a second BOM-like character that is part of the text', () => {
    assert.equal(decode(Buffer.from('\uFEFF\uFEFFx', 'utf8')), '\uFEFFx');
  });

  it('decodes UTF-16LE and UTF-16BE declared by their byte-order marks', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('é東', 'utf16le')]);
    const be = Buffer.from([0xfe, 0xff, 0x00, 0xe9, 0x67, 0x71]);
    assert.equal(decode(le), 'é東');
    assert.equal(decode(be), 'é東');
  });

  it('decodes UTF-16LE without a BOM when the content type declares it', () => {
    assert.equal(
      decode(Buffer.from('{"a":1}', 'utf16le'), 'application/jsonl; charset=UTF-16LE'),
      '{"a":1}',
    );
  });

  it('points at the first invalid UTF-8 byte and its line', () => {
    assert.equal(
      refusal(Buffer.from([0x61, 0x0a, 0x62, 0x0a, 0x63, 0xff, 0x64])),
      'invalid UTF-8 at byte 5 (line 3); save the file as UTF-8',
    );
  });

  it('counts the BOM in the byte offset of an invalid sequence', () => {
    assert.match(
      refusal(Buffer.from([0xef, 0xbb, 0xbf, 0x61, 0xc0, 0xaf])),
      /at byte 4 \(line 1\)/,
    );
  });

  it('points at the lead byte of a multi-byte sequence cut off at the end', () => {
    assert.match(refusal(Buffer.from([0x61, 0x62, 0xe6, 0x9d])), /at byte 2 \(line 1\)/);
  });

  it('refuses UTF-16 with no declaration, naming the NUL byte', () => {
    assert.match(
      refusal(Buffer.from('id', 'utf16le')),
      /NUL byte at byte 1: UTF-16 text without a byte-order mark/,
    );
  });

  it('refuses a charset that contradicts the byte-order mark, and an ambiguous utf-16', () => {
    const utf8Bom = Buffer.from('\uFEFFx', 'utf8');
    assert.match(
      refusal(utf8Bom, 'text/csv; charset=utf-16le'),
      /declares utf-16le but the file starts with a utf-8 byte-order mark/,
    );
    assert.match(
      refusal(Buffer.from('x', 'utf16le'), 'text/csv; charset=utf-16'),
      /utf-16 without a byte-order mark is ambiguous/,
    );
  });
});
