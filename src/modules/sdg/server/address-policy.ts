/**
 * Which addresses this server may send a peer-feed request to. An officer's URL makes the server
 * connect somewhere, so everything the IANA special-purpose registries (IPv4 and IPv6) set apart is
 * refused: no city's platform can be there, but a server's secrets can (the cloud metadata service at
 * 169.254.169.254, an admin port on loopback). Loopback, private and shared (carrier-grade NAT)
 * networks are `private`: refused unless NETWORK_ALLOW_PRIVATE is set (tests, development, instances
 * on one intranet). An IPv6 address that carries an IPv4 address (mapped `::ffff:a.b.c.d`, compatible
 * `::a.b.c.d`) is judged by the IPv4 address it reaches; NAT64 and 6to4 prefixes are refused outright.
 */
import { isIPv4, isIPv6 } from 'node:net';

export type AddressClass = 'public' | 'private' | 'refused';

type Range = readonly [bytes: readonly number[], bits: number];

const v4 = (text: string, bits: number): Range => [text.split('.').map(Number), bits];

const refusedV4: readonly Range[] = [
  v4('0.0.0.0', 8), // "this network"
  v4('169.254.0.0', 16), // link-local, cloud metadata
  v4('192.0.0.0', 24), // IETF protocol assignments
  v4('192.0.2.0', 24), // documentation
  v4('192.88.99.0', 24), // 6to4 relay anycast
  v4('198.18.0.0', 15), // benchmarking
  v4('198.51.100.0', 24), // documentation
  v4('203.0.113.0', 24), // documentation
  v4('224.0.0.0', 4), // multicast
  v4('240.0.0.0', 4), // reserved, and the limited broadcast 255.255.255.255
];

const privateV4: readonly Range[] = [
  v4('10.0.0.0', 8),
  v4('100.64.0.0', 10), // shared address space (carrier-grade NAT)
  v4('127.0.0.0', 8),
  v4('172.16.0.0', 12),
  v4('192.168.0.0', 16),
];

/** The 16 bytes of an IPv6 address (with or without a trailing dotted IPv4 part); null if malformed. */
export function ipv6Bytes(text: string): number[] | null {
  let address = text.replace(/%.*$/, '');
  if (!isIPv6(address)) return null;
  const dotted = address.match(/(\d+\.\d+\.\d+\.\d+)$/);
  if (dotted?.[1]) {
    const [a = 0, b = 0, c = 0, d = 0] = dotted[1].split('.').map(Number);
    address = `${address.slice(0, -dotted[1].length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = address.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const missing = 8 - headGroups.length - tailGroups.length;
  const groups = [...headGroups, ...Array(tail === undefined ? 0 : missing).fill('0'), ...tailGroups];
  if (groups.length !== 8) return null;
  return groups.flatMap((group) => {
    const value = Number.parseInt(group, 16);
    return [value >> 8, value & 0xff];
  });
}

const v6 = (text: string, bits: number): Range => [ipv6Bytes(text) ?? [], bits];

const refusedV6: readonly Range[] = [
  v6('64:ff9b::', 96), // NAT64, well-known prefix
  v6('64:ff9b:1::', 48), // NAT64, local use
  v6('100::', 64), // discard-only
  v6('2001::', 23), // IETF protocol assignments (Teredo and others)
  v6('2001:db8::', 32), // documentation
  v6('2002::', 16), // 6to4
  v6('3fff::', 20), // documentation
  v6('5f00::', 16), // segment routing
  v6('fe80::', 10), // link-local
  v6('fec0::', 10), // site-local (deprecated)
  v6('ff00::', 8), // multicast
  // The cloud metadata service's IPv6 address on EC2 sits in unique-local space.
  v6('fd00:ec2::254', 128),
];

const privateV6: readonly Range[] = [v6('::1', 128), v6('fc00::', 7)];

function inRange(bytes: readonly number[], [prefix, bits]: Range): boolean {
  for (let bit = 0; bit < bits; bit += 8) {
    const width = Math.min(8, bits - bit);
    const mask = (0xff << (8 - width)) & 0xff;
    if (((bytes[bit / 8] ?? 0) & mask) !== ((prefix[bit / 8] ?? 0) & mask)) return false;
  }
  return true;
}

function classifyV4(bytes: readonly number[]): AddressClass {
  if (refusedV4.some((range) => inRange(bytes, range))) return 'refused';
  if (privateV4.some((range) => inRange(bytes, range))) return 'private';
  return 'public';
}

export function classifyAddress(address: string): AddressClass {
  if (isIPv4(address)) return classifyV4(address.split('.').map(Number));
  const bytes = ipv6Bytes(address);
  if (!bytes) return 'refused';
  const zeros = (count: number) => bytes.slice(0, count).every((byte) => byte === 0);
  const embedded = bytes.slice(12);
  // ::ffff:a.b.c.d reaches a.b.c.d; so may ::a.b.c.d on a stack that still knows compatible addresses.
  if (zeros(10) && bytes[10] === 0xff && bytes[11] === 0xff) return classifyV4(embedded);
  if (zeros(12)) {
    const value = embedded.reduce((sum, byte) => sum * 256 + byte, 0);
    if (value === 0) return 'refused'; // ::
    if (value === 1) return 'private'; // ::1
    const asV4 = classifyV4(embedded);
    return asV4 === 'public' ? 'refused' : asV4;
  }
  if (refusedV6.some((range) => inRange(bytes, range))) return 'refused';
  if (privateV6.some((range) => inRange(bytes, range))) return 'private';
  // Global unicast is 2000::/3; everything else is reserved.
  return (bytes[0] ?? 0) >> 5 === 1 ? 'public' : 'refused';
}

export function isAllowedAddress(address: string, allowPrivate: boolean): boolean {
  const kind = classifyAddress(address);
  return kind === 'public' || (kind === 'private' && allowPrivate);
}
