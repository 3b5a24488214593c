// Runs `npm ci` in the folder it is given, unless that folder's node_modules was installed by `npm ci` from the
// same package-lock.json (the lock's SHA-256 is kept in node_modules/.initiativ-lock.sha256 after a clean
// install). `npm ci` deletes and reinstalls node_modules every time, which cost several seconds of every
// `./mvnw spring-boot:run`; a changed lock (a new dkfds version from git pull) or a missing or half-written
// node_modules still gets a clean install, because the stamp is written only after npm ci succeeded.
//   node src/build/npm-ci-if-changed.mjs <folder with package-lock.json>
// (or imported: src/build/prepare.mjs runs it for both npm folders in one node process, ADR 0051)
// No dependencies: Node's own fs, crypto and child_process.

import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';

/** npm ci in the folder unless its node_modules came from the same lock; exits the process if npm ci fails. */
export function npmCiIfChanged(folderArg) {
  const folder = resolve(folderArg);
  const lock = readFileSync(join(folder, 'package-lock.json'));
  const wanted = createHash('sha256').update(lock).digest('hex');
  const stamp = join(folder, 'node_modules', '.initiativ-lock.sha256');

  if (existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === wanted) {
    return;
  }
  rmSync(stamp, { force: true });
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund', '--loglevel=error'],
    { cwd: folder, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) {
    console.error(`npm ci failed in ${folder}`);
    process.exit(result.status ?? 1);
  }
  writeFileSync(stamp, wanted + '\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  npmCiIfChanged(process.argv[2] ?? '.');
}
