import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buffer } from 'node:stream/consumers';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { createTestApp, type TestApp } from '../testing.ts';
import { sourceArchive, sourceEntries } from './archive.ts';

const repository = fileURLToPath(new URL('../../../../', import.meta.url));

/** The archive's files by name, read as a tar reader reads them (ustar: prefix + name, octal size). */
function unpack(gzipped: Buffer): Map<string, Buffer> {
  const tar = gunzipSync(gzipped);
  const files = new Map<string, Buffer>();
  const text = (start: number, length: number) =>
    tar
      .subarray(start, start + length)
      .toString('utf8')
      .replace(/\0.*$/s, '');
  for (let offset = 0; offset + 512 <= tar.length && tar[offset] !== 0; ) {
    const prefix = text(offset + 345, 155);
    const name = prefix ? `${prefix}/${text(offset, 100)}` : text(offset, 100);
    const size = Number.parseInt(text(offset + 124, 12), 8);
    files.set(name, tar.subarray(offset + 512, offset + 512 + size));
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return files;
}

describe('the source offer', () => {
  let app: TestApp;
  before(async () => {
    app = await createTestApp();
  });
  after(() => app.close());

  it('answers the installation’s own source to anyone, as a tar file that tar itself reads', async () => {
    const response = await app.app.inject({ method: 'GET', url: '/api/v1/source' });
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-type'], 'application/gzip');
    assert.match(
      String(response.headers['content-disposition']),
      /attachment; filename="rightscity-source\.tar\.gz"/,
    );
    const files = unpack(response.rawPayload);
    for (const path of [
      'package.json',
      'LICENSE',
      'src/server/main.ts',
      'src/kernel/server/source/archive.ts',
    ]) {
      assert.deepEqual(files.get(path), readFileSync(join(repository, path)), path);
    }
    assert.ok(![...files.keys()].some((path) => /^(node_modules|data|dist|\.git)\//.test(path)));

    const directory = mkdtempSync(join(tmpdir(), 'rightscity-source-'));
    try {
      writeFileSync(join(directory, 'source.tar.gz'), response.rawPayload);
      const listed = spawnSync('tar', ['-tzf', join(directory, 'source.tar.gz')], { encoding: 'utf8' });
      assert.equal(listed.status, 0, listed.stderr);
      assert.deepEqual(listed.stdout.trim().split('\n'), [...files.keys()]);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('names every top-level entry git tracks, so a new one cannot be left out unnoticed', () => {
    const tracked = spawnSync('git', ['ls-files'], { cwd: repository, encoding: 'utf8' });
    assert.equal(tracked.status, 0, tracked.stderr);
    const entries = new Set(
      tracked.stdout
        .trim()
        .split('\n')
        .map((path) => path.split('/')[0]),
    );
    assert.deepEqual([...entries].sort(), [...sourceEntries].sort());
  });

  it('packs only the named entries, following no link: never the data directory or a .env', async () => {
    const root = mkdtempSync(join(tmpdir(), 'rightscity-source-root-'));
    try {
      mkdirSync(join(root, 'src', 'deep'), { recursive: true });
      mkdirSync(join(root, 'data'));
      writeFileSync(join(root, 'src', 'deep', 'a.ts'), 'export const a = 1;\n');
      writeFileSync(join(root, 'package.json'), '{}\n');
      writeFileSync(join(root, 'data', 'secret.key'), 'secret');
      writeFileSync(join(root, '.env'), 'RIGHTSCITY_SECRET=secret');
      symlinkSync(join(root, 'data'), join(root, 'src', 'data-link'));
      const files = unpack(await buffer(sourceArchive(root)));
      assert.deepEqual([...files.keys()], ['package.json', 'src/deep/a.ts']);
      assert.equal(files.get('src/deep/a.ts')?.toString(), 'export const a = 1;\n');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('splits a path longer than a tar name into prefix and name', async () => {
    const root = mkdtempSync(join(tmpdir(), 'rightscity-source-long-'));
    try {
      const folder = join(root, 'src', 'a'.repeat(60), 'b'.repeat(60));
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, `${'c'.repeat(40)}.ts`), 'long');
      const files = unpack(await buffer(sourceArchive(root)));
      assert.deepEqual([...files.keys()], [`src/${'a'.repeat(60)}/${'b'.repeat(60)}/${'c'.repeat(40)}.ts`]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
