/**
 * A tiny DNS server on 127.0.0.1 for the tests of peer fetching: it answers A queries from a script
 * (each name's answers in turn, the last one repeated), AAAA queries with no records, and counts
 * what it was asked, so a test can show that a name was resolved once and what it resolved to.
 * Nothing here sends traffic anywhere but loopback.
 */
import { createSocket, type RemoteInfo } from 'node:dgram';
import type { AddressInfo } from 'node:net';

export interface DnsStub {
  /** `127.0.0.1:port`, for NETWORK_DNS_SERVERS. */
  server: string;
  /** Answers for `name`: the n-th A query gets the n-th list (the last list once the script runs out). */
  script(name: string, answers: string[][]): void;
  /** A queries received for `name`. */
  queries(name: string): number;
  close(): Promise<void>;
}

function readName(message: Buffer, start: number): { name: string; end: number } {
  const labels: string[] = [];
  let at = start;
  for (;;) {
    const length = message[at] ?? 0;
    at += 1;
    if (length === 0) break;
    labels.push(message.subarray(at, at + length).toString('ascii'));
    at += length;
  }
  return { name: labels.join('.').toLowerCase(), end: at };
}

export async function startDnsStub(): Promise<DnsStub> {
  const socket = createSocket('udp4');
  const scripts = new Map<string, string[][]>();
  const counts = new Map<string, number>();

  socket.on('message', (query: Buffer, remote: RemoteInfo) => {
    const { name, end } = readName(query, 12);
    const type = query.readUInt16BE(end);
    const question = query.subarray(12, end + 4);
    let addresses: string[] = [];
    if (type === 1) {
      const seen = counts.get(name) ?? 0;
      counts.set(name, seen + 1);
      const script = scripts.get(name) ?? [];
      addresses = script[Math.min(seen, script.length - 1)] ?? [];
    }
    const header = Buffer.alloc(12);
    header.writeUInt16BE(query.readUInt16BE(0), 0);
    // A response, recursion available; NXDOMAIN for a name without a script.
    header.writeUInt16BE(scripts.has(name) ? 0x8180 : 0x8183, 2);
    header.writeUInt16BE(1, 4);
    header.writeUInt16BE(addresses.length, 6);
    const answers = addresses.map((address) => {
      const record = Buffer.alloc(16);
      record.writeUInt16BE(0xc00c, 0); // the name, as a pointer to the question's
      record.writeUInt16BE(1, 2);
      record.writeUInt16BE(1, 4);
      record.writeUInt32BE(0, 6); // no caching: every query comes back here
      record.writeUInt16BE(4, 10);
      address.split('.').forEach((part, index) => {
        record[12 + index] = Number(part);
      });
      return record;
    });
    socket.send(Buffer.concat([header, question, ...answers]), remote.port, remote.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const { port } = socket.address() as AddressInfo;
  return {
    server: `127.0.0.1:${port}`,
    script: (name, answers) => scripts.set(name.toLowerCase(), answers),
    queries: (name) => counts.get(name.toLowerCase()) ?? 0,
    close: () => new Promise((resolve) => socket.close(() => resolve())),
  };
}
