import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseScliteSgml } from './sclite-sgml';

// Excerpt of real `sclite -o sgml` output (sclite 2.10).
const SGML = `<SYSTEM title="hyp.trn" ref_fname="ref.trn" hyp_fname="hyp.trn" format="2.4">
<SPEAKER id="spk1">
<PATH id="(spk1-u1)" word_cnt="6" sequence="0">
C,"the","the":C,"cat","cat":S,"sat","sit":C,"on","on":S,"the","mat":C,"mat","mat"
</PATH>
<PATH id="(spk1-u2)" word_cnt="3" sequence="1">
D,"a",:D,"b",:D,"c",
</PATH>
</SPEAKER>
<SPEAKER id="s">
<PATH id="(s-u3)" word_cnt="0" sequence="2">

</PATH>
<PATH id="(s-u4)" word_cnt="2" sequence="3" char_align="1">
I,,":":C,"東","東"
</PATH>
</SPEAKER>
</SYSTEM>`;

describe('parseScliteSgml', () => {
  it('reads every utterance path with its counts, across speakers', () => {
    assert.deepEqual(parseScliteSgml(SGML), [
      { id: 'spk1-u1', ops: 'CCSCSC', hits: 4, substitutions: 2, deletions: 0, insertions: 0 },
      { id: 'spk1-u2', ops: 'DDD', hits: 0, substitutions: 0, deletions: 3, insertions: 0 },
      { id: 's-u3', ops: '', hits: 0, substitutions: 0, deletions: 0, insertions: 0 },
      { id: 's-u4', ops: 'IC', hits: 1, substitutions: 0, deletions: 0, insertions: 1 },
    ]);
  });
});
