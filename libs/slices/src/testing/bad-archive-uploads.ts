import { gzipSync } from 'node:zlib';
import { bad, type BadUpload } from './bad-upload';
import { makeTar } from './tar-writer';
import { audioTarGz, audioZip, jsonl, twoClips } from './upload-fixtures';
import { makeZip } from './zip-writer';

const MIB = 1024 * 1024;

/** Archives that are unreadable, dangerous, too big, or disagree with their manifest. */
export async function badArchiveUploads(): Promise<BadUpload[]> {
  const { rows, files } = twoClips();
  const clip = files['audio/clip1.wav'];
  const zeros = Buffer.alloc(2 * MIB);
  const tarGood = await audioTarGz(rows, files);
  return [
    bad('unknown extension', 'slice.txt', jsonl(rows), /^slice\.txt$/, /unknown format/),
    bad(
      '.csv that holds a zip',
      'slice.csv',
      audioZip(rows, files),
      /^slice\.csv$/,
      /named as CSV but holds a ZIP archive/,
    ),
    bad('.zip that holds text', 'slice.zip', jsonl(rows), /^slice\.zip$/, /not a ZIP archive/),
    bad(
      'corrupt zip',
      'slice.zip',
      Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(64, 7)]),
      /^slice\.zip$/,
      /not a readable ZIP archive/,
    ),
    bad(
      'truncated tar.gz',
      'slice.tar.gz',
      tarGood.subarray(0, tarGood.length >> 1),
      /^slice\.tar\.gz$/,
      /not a readable tar\.gz archive/,
    ),
    bad(
      'zip entry with ../ in its name',
      'slice.zip',
      audioZip(rows, files, [{ name: '../evil.wav', data: clip }]),
      /^\.\.\/evil\.wav$/,
      /path traversal/,
    ),
    bad(
      'zip entry with an absolute path',
      'slice.zip',
      audioZip(rows, files, [{ name: '/etc/cron.d/evil', data: clip }]),
      /^\/etc\/cron\.d\/evil$/,
      /absolute path/,
    ),
    bad(
      'zip entry that is a symbolic link',
      'slice.zip',
      audioZip(rows, files, [
        { name: 'audio/link.wav', data: Buffer.from('/etc/passwd'), unixMode: 0o120777 },
      ]),
      /^audio\/link\.wav$/,
      /symbolic link/,
    ),
    bad(
      'zip entry that is a device',
      'slice.zip',
      audioZip(rows, files, [{ name: 'audio/tty', unixMode: 0o020644 }]),
      /^audio\/tty$/,
      /character device/,
    ),
    bad(
      'zip bomb: a 2 MiB entry over a 1 MiB limit',
      'slice.zip',
      audioZip(rows, files, [{ name: 'audio/zeros.wav', data: zeros }]),
      /^audio\/zeros\.wav$/,
      /declares 2097152 bytes uncompressed.*past the 1048576-byte limit/,
      { needsCorpusLimits: true },
    ),
    bad(
      'zip bomb that understates its size',
      'slice.zip',
      audioZip(rows, files, [{ name: 'audio/zeros.wav', data: zeros, declaredSize: 1000 }]),
      /^audio\/zeros\.wav$/,
      /expands to more than the 1000 bytes its header declares/,
    ),
    bad(
      'zip entry declaring 3 GB',
      'slice.zip',
      audioZip(rows, files, [{ name: 'audio/huge.wav', data: clip, declaredSize: 3_000_000_000 }]),
      /^audio\/huge\.wav$/,
      /declares 3000000000 bytes uncompressed/,
    ),
    bad(
      'zip with the same entry twice',
      'slice.zip',
      audioZip(rows, files, [{ name: 'audio/clip1.wav', data: clip }]),
      /^audio\/clip1\.wav$/,
      /appears twice/,
    ),
    bad(
      'zip holding a zip',
      'slice.zip',
      audioZip(rows, files, [{ name: 'more.zip', data: makeZip([{ name: 'x', data: clip }]) }]),
      /^more\.zip$/,
      /nested archives/,
    ),
    bad(
      'zip holding gzip data under a .wav name',
      'slice.zip',
      audioZip(rows, { ...files, 'audio/clip2.wav': gzipSync(clip) }),
      /^audio\/clip2\.wav$/,
      /nested archives/,
    ),
    bad(
      'zip entry with a wrong CRC-32',
      'slice.zip',
      audioZip(rows, files, [{ name: 'notes.txt', data: clip, declaredCrc: 1234 }]),
      /^notes\.txt$/,
      /CRC-32/,
    ),
    bad(
      'encrypted zip entry',
      'slice.zip',
      audioZip(rows, files, [{ name: 'secret.wav', data: clip, flags: 1 }]),
      /^secret\.wav$/,
      /is encrypted/,
    ),
    bad(
      'zip without manifest.jsonl',
      'slice.zip',
      makeZip([{ name: 'audio/clip1.wav', data: clip }]),
      /^slice\.zip$/,
      /has no manifest\.jsonl/,
    ),
    bad(
      'zip with two manifests',
      'slice.zip',
      audioZip(rows, files, [{ name: 'copy/manifest.jsonl', data: jsonl(rows) }]),
      /^slice\.zip$/,
      /more than one manifest\.jsonl/,
    ),
    bad(
      'manifest names a missing file',
      'slice.zip',
      audioZip(rows, { 'audio/clip1.wav': clip }),
      /^manifest\.jsonl line 2: audio$/,
      /audio\/clip2\.wav, which is not in the archive/,
    ),
    bad(
      'file not named in the manifest',
      'slice.zip',
      audioZip(rows, { ...files, 'audio/extra.wav': clip }),
      /^audio\/extra\.wav$/,
      /not named in manifest\.jsonl/,
    ),
    bad(
      'manifest audio path with ../',
      'slice.zip',
      audioZip([{ ...rows[0], audio: '../clip1.wav' }], { 'audio/clip1.wav': clip }),
      /^manifest\.jsonl line 1: audio$/,
      /path with "\.\." \(path traversal\)/,
    ),
    bad(
      'manifest row without a reference',
      'slice.zip',
      audioZip([{ ...rows[0], reference: undefined }], { 'audio/clip1.wav': clip }),
      /^manifest\.jsonl line 1: reference$/,
      /is required/,
    ),
    bad(
      'manifest rows with the same id',
      'slice.zip',
      audioZip([rows[0], { ...rows[1], id: 'clip-1' }], files),
      /^manifest\.jsonl line 2: id$/,
      /duplicate id "clip-1"/,
    ),
    bad(
      'manifest line that is not JSON',
      'slice.zip',
      makeZip([
        { name: 'manifest.jsonl', data: Buffer.from('{"id": "clip-1",\n') },
        { name: 'audio/clip1.wav', data: clip },
      ]),
      /^manifest\.jsonl line 1$/,
      /not valid JSON/,
    ),
    bad(
      'tar.gz with a symbolic link',
      'slice.tar.gz',
      await makeTar([
        { name: 'manifest.jsonl', data: jsonl(rows) },
        { name: 'audio/clip1.wav', type: 'symlink', linkname: '/etc/passwd' },
      ]),
      /^audio\/clip1\.wav$/,
      /symbolic link to \/etc\/passwd/,
    ),
    bad(
      'tar.gz with a hard link',
      'slice.tgz',
      await makeTar([
        { name: 'manifest.jsonl', data: jsonl(rows) },
        { name: 'audio/clip1.wav', type: 'link', linkname: 'manifest.jsonl' },
      ]),
      /^audio\/clip1\.wav$/,
      /hard link/,
    ),
    bad(
      'tar.gz with a device',
      'slice.tar.gz',
      await makeTar([{ name: 'dev/sda', type: 'block-device' }]),
      /^dev\/sda$/,
      /block device/,
    ),
    bad(
      'tar.gz entry with ../',
      'slice.tar.gz',
      await makeTar([{ name: '../../etc/cron.d/evil', data: clip }]),
      /^\.\.\/\.\.\/etc\/cron\.d\/evil$/,
      /path traversal/,
    ),
    bad(
      'tar.gz entry with an absolute path',
      'slice.tar.gz',
      await makeTar([{ name: '/etc/evil', data: clip }]),
      /^\/etc\/evil$/,
      /absolute path/,
    ),
    bad(
      'tar.gz with the same entry twice',
      'slice.tar.gz',
      await makeTar([
        { name: 'a.wav', data: clip },
        { name: 'a.wav', data: clip },
      ]),
      /^a\.wav$/,
      /appears twice/,
    ),
    bad(
      'tar.gz holding a tar.gz',
      'slice.tar.gz',
      await makeTar([{ name: 'inner.tgz', data: tarGood }]),
      /^inner\.tgz$/,
      /nested archives/,
    ),
    bad(
      'tar.gz bomb: 2 MiB of zeros over a 1 MiB limit',
      'slice.tar.gz',
      await makeTar([{ name: 'audio/zeros.wav', data: zeros }]),
      /^audio\/zeros\.wav$|^slice\.tar\.gz$/,
      /past the 1048576-byte limit/,
      { needsCorpusLimits: true },
    ),
  ];
}
