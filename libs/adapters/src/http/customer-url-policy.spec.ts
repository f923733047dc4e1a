import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CustomerUrlPolicy, describeAddress, isPublicAddress } from './customer-url-policy';
import { allowAllUrls, UrlAllowlist } from './url-policy';

describe('customer URL policy', () => {
  it('tells public addresses from loopback, private, link-local, metadata and reserved ones', () => {
    for (const address of ['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111'])
      assert.equal(isPublicAddress(address), true, address);
    for (const address of [
      '127.0.0.1',
      '127.255.0.9',
      '0.0.0.0',
      '10.20.30.40',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.0.10',
      '100.64.0.1',
      '169.254.169.254',
      '::1',
      '::',
      'fe80::1',
      'fd00:ec2::254',
      'fc00::1',
      '::ffff:127.0.0.1',
      '::ffff:7f00:1',
      '::ffff:169.254.169.254',
      '224.0.0.1',
      '255.255.255.255',
      'not-an-address',
    ])
      assert.equal(isPublicAddress(address), false, address);
    assert.equal(isPublicAddress('172.32.0.1'), true, 'just outside 172.16/12');
    assert.match(describeAddress('127.0.0.1'), /loopback/);
    assert.match(describeAddress('169.254.169.254'), /link-local.*metadata/);
    assert.match(describeAddress('10.1.1.1'), /private/);
  });

  it('refuses IPv6 transition addresses whose relay would reach an IPv4 address: 6to4, Teredo, NAT64', () => {
    for (const address of [
      '2002:7f00:1::1', // 6to4 of 127.0.0.1
      '2002:a9fe:a9fe::', // 6to4 of 169.254.169.254
      '2002:5db8:d822::1', // 6to4 of a public address: the relay is still not ours to choose
      '2001:0:4136:e378:8000:63bf:80ff:fffe', // Teredo (its client address obfuscated)
      '2001::1',
      '64:ff9b::7f00:1', // NAT64 of 127.0.0.1
      '64:ff9b::a9fe:a9fe', // NAT64 of 169.254.169.254
      '64:ff9b:1::a00:1', // local-use NAT64 (RFC 8215) of 10.0.0.1
    ]) {
      assert.equal(isPublicAddress(address), false, address);
      assert.match(describeAddress(address), /6to4, Teredo or NAT64/, address);
    }
    // Neighbours of those ranges are ordinary public addresses.
    for (const address of ['2001:4860:4860::8888', '2003::1'])
      assert.equal(isPublicAddress(address), true, address);
    const policy = new CustomerUrlPolicy(allowAllUrls, null);
    assert.equal(policy.classify(new URL('http://[2002:7f00:1::1]/x')), 'denied');
    assert.equal(
      policy.allowsAddress('2001:0:4136:e378:8000:63bf:80ff:fffe', 'teredo.example'),
      false,
    );
  });

  it('judges literals without DNS and sends names to the guarded lookup', () => {
    const policy = new CustomerUrlPolicy(allowAllUrls, null);
    assert.equal(policy.classify(new URL('http://127.0.0.1/x')), 'denied');
    assert.equal(policy.classify(new URL('http://[::1]/x')), 'denied');
    // WHATWG URL parsing turns 2130706433 and 0x7f.1 into 127.0.0.1 before the policy sees them.
    assert.equal(policy.classify(new URL('http://2130706433/x')), 'denied');
    assert.equal(policy.classify(new URL('http://0x7f.1/x')), 'denied');
    assert.equal(policy.classify(new URL('https://93.184.216.34/x')), 'allowed');
    assert.equal(policy.classify(new URL('https://hooks.example.com/x')), 'check-addresses');
    assert.equal(policy.classify(new URL('ftp://hooks.example.com/x')), 'denied');
  });

  it("lets the operator's customer allow-list through, and keeps the general allow-list", () => {
    const listed = new CustomerUrlPolicy(
      allowAllUrls,
      new UrlAllowlist(['127.0.0.1', 'hooks.internal']),
    );
    assert.equal(listed.classify(new URL('http://127.0.0.1:8080/x')), 'allowed');
    assert.equal(listed.classify(new URL('http://hooks.internal/x')), 'allowed');
    assert.equal(listed.allowsAddress('127.0.0.1', 'localhost'), true);
    assert.equal(listed.allowsAddress('10.0.0.1', 'anything.example'), false);
    const narrow = new CustomerUrlPolicy(new UrlAllowlist(['hooks.example.com']), null);
    assert.equal(narrow.classify(new URL('https://other.example.org/x')), 'denied');
    assert.equal(narrow.classify(new URL('https://hooks.example.com/x')), 'check-addresses');
    assert.equal(narrow.allowsAddress('93.184.216.34', 'hooks.example.com'), true);
    assert.equal(narrow.allowsAddress('10.0.0.1', 'hooks.example.com'), false);
  });

  it('refuses at creation a name that resolves inside, and accepts one that does not resolve yet', async () => {
    const policy = new CustomerUrlPolicy(allowAllUrls, null);
    assert.match((await policy.refusal('http://localhost:9/x'))!, /resolves to .*loopback/);
    assert.match((await policy.refusal('http://169.254.169.254/'))!, /link-local/);
    assert.equal(await policy.refusal('https://name-that-does-not-resolve.invalid/x'), null);
    assert.match((await policy.refusal('not a url'))!, /http\(s\) URL/);
  });
});
