// The build's front-end steps in one node process (ADR 0051), Maven's `validate` phase, so on every build and every
// `./mvnw spring-boot:run` (which forks the build up to test-compile): a warm start had spent about a second on
// five node processes for them, most of it starting node and bpmnlint.
//   node src/build/prepare.mjs <project folder> <dkfds output folder>
// 1. npm ci in src/build/bpmnlint/ when its lock changed (src/build/npm-ci-if-changed.mjs);
// 2. bpmnlint with the recommended rules (.bpmnlintrc, ADR 0010) on every bpmn/*.bpmn: an error or a warning fails
//    the build. Skipped when the same models were linted clean by the same rules and the same bpmnlint (their
//    SHA-256 is kept in src/build/bpmnlint/node_modules/.initiativ-lint.sha256, written only after a clean lint);
// 3. npm ci in src/main/frontend/ when its lock changed;
// 4. the lighter copy of dkfds and dmn-js into the output folder (src/main/frontend/build.mjs; skipped when unchanged).
// No dependencies: Node's own fs, crypto, path and child_process.

import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { npmCiIfChanged } from './npm-ci-if-changed.mjs';
import { buildDkfds } from '../main/frontend/build.mjs';

const [projectArg, dkfdsOut] = process.argv.slice(2);
if (!projectArg || !dkfdsOut) {
  console.error('usage: node src/build/prepare.mjs <project folder> <dkfds output folder>');
  process.exit(2);
}
const project = resolve(projectArg);
const lintDir = join(project, 'src', 'build', 'bpmnlint');

npmCiIfChanged(lintDir);
lintModels();
npmCiIfChanged(join(project, 'src', 'main', 'frontend'));
buildDkfds(dkfdsOut);

function lintModels() {
  const modelDir = join(project, 'bpmn');
  const models = readdirSync(modelDir).filter((name) => name.endsWith('.bpmn')).sort();
  const hash = createHash('sha256');
  const add = (file) => hash.update(`${relative(project, file)}\n`).update(readFileSync(file)).update('\n');
  models.forEach((name) => add(join(modelDir, name)));
  add(join(lintDir, '.bpmnlintrc'));
  add(join(lintDir, 'package-lock.json'));
  filesUnder(join(lintDir, 'plugin')).forEach(add);
  const key = hash.digest('hex');
  const stamp = join(lintDir, 'node_modules', '.initiativ-lint.sha256');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === key) {
    console.log(`bpmnlint: ${models.length} models unchanged since their last clean lint`);
    return;
  }
  rmSync(stamp, { force: true });
  const result = spawnSync(process.execPath,
    ['node_modules/bpmnlint/bin/bpmnlint.js', '--max-warnings=0', `${modelDir}/*.bpmn`],
    { cwd: lintDir, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('bpmnlint found problems in the models (above)');
    process.exit(result.status ?? 1);
  }
  writeFileSync(stamp, key + '\n');
}

function filesUnder(folder) {
  return readdirSync(folder).sort().flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}
