// Every IANA special-purpose range is refused, loopback and private ones only without
// NETWORK_ALLOW_PRIVATE, and IPv6 spellings of an IPv4 address are judged by that address.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyAddress, isAllowedAddress } from './address-policy.ts';

const table: [string, 'public' | 'private' | 'refused'][] = [
  ['8.8.8.8', 'public'],
  ['1.1.1.1', 'public'],
  ['2606:4700:4700::1111', 'public'],
  ['127.0.0.1', 'private'],
  ['127.255.255.254', 'private'],
  ['10.1.2.3', 'private'],
  ['172.16.0.1', 'private'],
  ['172.31.255.255', 'private'],
  ['192.168.0.1', 'private'],
  ['100.64.0.1', 'private'],
  ['100.127.255.255', 'private'],
  ['::1', 'private'],
  ['fc00::1', 'private'],
  ['fd12:3456::1', 'private'],
  ['::ffff:127.0.0.1', 'private'],
  ['::ffff:7f00:1', 'private'],
  ['::127.0.0.1', 'private'],
  ['172.32.0.1', 'public'],
  ['100.128.0.1', 'public'],
  ['0.0.0.0', 'refused'],
  ['0.1.2.3', 'refused'],
  ['169.254.169.254', 'refused'],
  ['192.0.0.8', 'refused'],
  ['192.0.2.1', 'refused'],
  ['192.88.99.1', 'refused'],
  ['198.18.0.1', 'refused'],
  ['198.19.255.255', 'refused'],
  ['198.51.100.1', 'refused'],
  ['203.0.113.1', 'refused'],
  ['224.0.0.1', 'refused'],
  ['239.255.255.250', 'refused'],
  ['240.0.0.1', 'refused'],
  ['255.255.255.255', 'refused'],
  ['::', 'refused'],
  ['::ffff:169.254.169.254', 'refused'],
  ['::ffff:a9fe:a9fe', 'refused'],
  ['::ffff:0.0.0.0', 'refused'],
  ['::8.8.8.8', 'refused'],
  ['64:ff9b::7f00:1', 'refused'],
  ['64:ff9b::808:808', 'refused'],
  ['64:ff9b:1::1', 'refused'],
  ['100::1', 'refused'],
  ['2001::1', 'refused'],
  ['2001:1ff::1', 'refused'],
  ['2001:db8::1', 'refused'],
  ['2002:7f00:1::', 'refused'],
  ['3fff::1', 'refused'],
  ['fe80::1', 'refused'],
  ['fe80::1%eth0', 'refused'],
  ['fec0::1', 'refused'],
  ['ff02::1', 'refused'],
  ['fd00:ec2::254', 'refused'],
  ['4000::1', 'refused'],
  ['not an address', 'refused'],
];

describe('the peer address policy', () => {
  for (const [address, expected] of table) {
    it(`${address} is ${expected}`, () => {
      assert.equal(classifyAddress(address), expected);
      assert.equal(isAllowedAddress(address, false), expected === 'public');
      assert.equal(isAllowedAddress(address, true), expected !== 'refused');
    });
  }
});
