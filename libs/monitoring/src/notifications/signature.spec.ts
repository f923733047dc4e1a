import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { signBody } from './signature';

describe('signBody', () => {
  it('matches the published HMAC-SHA256 test value', () => {
    // Wikipedia, "HMAC": HMAC_SHA256("key", "The quick brown fox jumps over the lazy dog").
    assert.equal(
      signBody('The quick brown fox jumps over the lazy dog', 'key'),
      'sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8',
    );
  });

  it('matches openssl over the raw JSON body', () => {
    // printf '{"event":"opened","alert":{"id":"a1"}}' | openssl dgst -sha256 -hmac whsec_test_secret
    assert.equal(
      signBody(Buffer.from('{"event":"opened","alert":{"id":"a1"}}'), 'whsec_test_secret'),
      'sha256=dcb0ceb83f6355c210f6e9426e613b929a4af80492d7ef11c859ff1bccf8576c',
    );
  });
});
