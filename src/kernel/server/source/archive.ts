/**
 * The running installation's own source as a gzipped tar file, for the offer the AGPL (section 13)
 * requires of a network service: whoever uses the platform over the network can download the very
 * code that serves them, modifications included, without the city having to publish it elsewhere.
 *
 * Only the entries named here are packed, never "everything but …": the installation folder may also
 * hold the data directory (the database and the key file), a `.env` with secrets, or logs, and an
 * entry left out by mistake is a much smaller harm than a secret given away. A test compares this
 * list with what git tracks, so a new top-level entry cannot be forgotten silently.
 */
import { createReadStream } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { PassThrough, pipeline, type Readable } from 'node:stream';
import { createGzip } from 'node:zlib';

export const sourceEntries = [
  '.ci',
  '.env.example',
  '.gitignore',
  'ARCHITECTURE.md',
  'LICENSE',
  'README.md',
  'SECURITY.md',
  'bench',
  'bin',
  'biome.json',
  'datasets',
  'package-lock.json',
  'package.json',
  'scripts',
  'src',
  'tsconfig.json',
  'vite.config.ts',
] as const;

const block = 512;

/** Every regular file under the entries, sorted, so that the same source gives the same archive. */
async function sourceFiles(root: string): Promise<{ path: string; size: number }[]> {
  const files: { path: string; size: number }[] = [];
  async function visit(path: string): Promise<void> {
    const stats = await lstat(path).catch(() => undefined);
    // Links are not followed: one could point out of the folder, at the data directory.
    if (!stats || stats.isSymbolicLink()) return;
    if (stats.isDirectory()) {
      for (const name of (await readdir(path)).sort()) await visit(join(path, name));
    } else if (stats.isFile()) {
      files.push({ path: relative(root, path).split('\\').join('/'), size: stats.size });
    }
  }
  for (const entry of sourceEntries) await visit(join(root, entry));
  return files;
}

function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, '0')}\0`;
}

/** A ustar header; a name longer than 100 bytes is split at a slash into prefix and name. */
function header(path: string, size: number): Buffer {
  const bytes = Buffer.alloc(block);
  let name = path;
  let prefix = '';
  if (Buffer.byteLength(name) > 100) {
    const cut = path.lastIndexOf('/', 155);
    prefix = path.slice(0, cut);
    name = path.slice(cut + 1);
    if (cut < 0 || Buffer.byteLength(name) > 100 || Buffer.byteLength(prefix) > 155) {
      throw new Error(`A source path is too long for a tar header: ${path}`);
    }
  }
  bytes.write(name, 0, 100, 'utf8');
  bytes.write(octal(0o644, 8), 100, 'ascii');
  bytes.write(octal(0, 8), 108, 'ascii');
  bytes.write(octal(0, 8), 116, 'ascii');
  bytes.write(octal(size, 12), 124, 'ascii');
  bytes.write(octal(0, 12), 136, 'ascii');
  bytes.write('        ', 148, 'ascii');
  bytes.write('0', 156, 'ascii');
  bytes.write('ustar\0', 257, 'ascii');
  bytes.write('00', 263, 'ascii');
  bytes.write(prefix, 345, 155, 'utf8');
  let sum = 0;
  for (const byte of bytes) sum += byte;
  bytes.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return bytes;
}

/**
 * Streams the archive, reading one file at a time. A file that changes size while it is read would corrupt the archive, so the stream then fails.
 */
export function sourceArchive(root: string): Readable {
  const tar = new PassThrough();
  const write = (chunk: Buffer) =>
    tar.write(chunk) ? Promise.resolve() : new Promise<void>((resolve) => tar.once('drain', resolve));
  void (async () => {
    for (const file of await sourceFiles(root)) {
      await write(header(file.path, file.size));
      let written = 0;
      for await (const chunk of createReadStream(join(root, file.path)) as AsyncIterable<Buffer>) {
        written += chunk.length;
        await write(chunk);
      }
      if (written !== file.size) throw new Error(`${file.path} changed while it was packed`);
      await write(Buffer.alloc((block - (written % block)) % block));
    }
    tar.end(Buffer.alloc(block * 2));
  })().catch((error: unknown) => tar.destroy(error instanceof Error ? error : new Error(String(error))));
  // pipeline, not pipe: a failure while packing must end the download as failed, not leave it hanging.
  const gzip = createGzip();
  pipeline(tar, gzip, () => {});
  return gzip;
}
