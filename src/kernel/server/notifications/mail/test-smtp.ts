/**
 * Tests: a real SMTP server (`smtp-server`) on a loopback port, in-process, that keeps every message
 * it accepted (parsed by `mailparser`) and can be told to refuse, drop the connection or hold it.
 */
import { once } from 'node:events';
import type { AddressInfo, Socket } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface TestSmtp {
  url: string;
  /** Every message accepted, in order. */
  messages: ParsedMail[];
  /** The raw text of each accepted message (headers and body as sent). */
  raw: string[];
  /** Refuse the next n recipients with 451 (a temporary failure). */
  refuseRecipients(n: number): void;
  /** Drop the connection in the middle of the next n messages' DATA. */
  disconnectDuringData(n: number): void;
  /** Hold every DATA unanswered until `release` (a server killed mid-send); resolves on the first. */
  hold(): Promise<void>;
  release(): void;
  /** Answer each DATA this many milliseconds late (several senders then overlap). */
  slow(ms: number): void;
  /** How many DATA commands were begun (accepted or not). */
  dataStarted(): number;
  waitFor(count: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startTestSmtp(): Promise<TestSmtp> {
  const messages: ParsedMail[] = [];
  const raw: string[] = [];
  const sockets = new Set<Socket>();
  let refuse = 0;
  let disconnect = 0;
  let started = 0;
  let lateMs = 0;
  let holding: { reached: () => void } | undefined;
  let released: Promise<void> = Promise.resolve();
  let release = () => {};

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (refuse > 0) {
        refuse -= 1;
        const error = Object.assign(new Error('451 4.3.0 Try again later'), { responseCode: 451 });
        callback(error);
        return;
      }
      callback();
    },
    onData(stream, _session, callback) {
      started += 1;
      if (disconnect > 0) {
        disconnect -= 1;
        stream.once('data', () => {
          for (const socket of sockets) socket.destroy();
        });
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', async () => {
        if (holding) {
          holding.reached();
          await released;
          // A held message whose sender is gone is not delivered.
          callback(Object.assign(new Error('421 held'), { responseCode: 421 }));
          return;
        }
        if (lateMs > 0) await new Promise((resolve) => setTimeout(resolve, lateMs));
        const text = Buffer.concat(chunks).toString('utf8');
        raw.push(text);
        messages.push(await simpleParser(text));
        callback();
      });
    },
  });
  server.server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.listen(0, '127.0.0.1');
  await once(server.server, 'listening');
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    raw,
    refuseRecipients(n) {
      refuse = n;
    },
    disconnectDuringData(n) {
      disconnect = n;
    },
    hold() {
      return new Promise<void>((resolve) => {
        released = new Promise<void>((done) => {
          release = () => {
            holding = undefined;
            done();
          };
        });
        holding = { reached: resolve };
      });
    },
    release: () => release(),
    dataStarted: () => started,
    slow(ms) {
      lateMs = ms;
    },
    async waitFor(count, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      while (messages.length < count) {
        if (Date.now() > deadline) throw new Error(`${messages.length} of ${count} messages arrived`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
