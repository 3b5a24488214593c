// Class data sharing (AppCDS) for `./mvnw spring-boot:run` (ADR 0048): writes the Java options of the run into an
// argument file that the spring-boot plugin passes to the application's JVM (`@target/cds/java.args`).
//   node src/build/cds-args.mjs <archive folder> <java.home> <class path>
// The class path is the run's own (Maven's runtime class path, `target/classes` standing for the jar of the same
// classes that the run uses instead: Java 17 archives no classes from a folder). A start with a valid archive
// loads the classes from it; otherwise the start writes the archive when the application stops
// (-XX:ArchiveClassesAtExit), so the start after it is the fast one. The archive is valid while every jar of the
// class path and the JDK are the ones it was written for: their paths, sizes and times are its key. A stale or
// half-written archive is only a warning for Java, but then nothing would be faster and nothing would rewrite it.
// No dependencies: Node's own fs and crypto.

import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';

const [folderArg, javaHome, classPath] = process.argv.slice(2);
if (!folderArg || !javaHome || classPath === undefined) {
  console.error('usage: node cds-args.mjs <archive folder> <java.home> <class path>');
  process.exit(2);
}
const folder = resolve(folderArg);
const archive = join(folder, 'app.jsa');
const keyFile = join(folder, 'app.key');
const argsFile = join(folder, 'java.args');
mkdirSync(folder, { recursive: true });

const hash = createHash('sha256');
const jars = existsSync(folder) ? readdirSync(folder).filter((name) => name.endsWith('.jar')).map((name) => join(folder, name)) : [];
for (const file of [join(javaHome, 'release'), join(javaHome, 'lib', 'modules'), ...jars, ...classPath.split(delimiter)]) {
  if (!file) {
    continue;
  }
  const entry = existsSync(file) ? statSync(file) : null;
  hash.update(`${file}|${entry ? `${entry.size}|${entry.mtimeMs}|${entry.isDirectory()}` : 'missing'}\n`);
}
const key = hash.digest('hex');

// the dynamic archive's header starts with the magic number 0xf00baba8; a run stopped while it wrote has zeros there
function archiveComplete() {
  if (!existsSync(archive) || statSync(archive).size < 4096) {
    return false;
  }
  const fd = openSync(archive, 'r');
  const head = Buffer.alloc(4);
  readSync(fd, head, 0, 4, 0);
  closeSync(fd);
  return head.readUInt32LE(0) === 0xf00baba8 || head.readUInt32BE(0) === 0xf00baba8;
}

const quoted = (path) => `"${path.replaceAll('\\', '\\\\')}"`;
if (existsSync(keyFile) && readFileSync(keyFile, 'utf8').trim() === key && archiveComplete()) {
  // Java 17 maps an archive at a random address and then relocates every pointer in it (ArchiveRelocationMode=1):
  // 0.45 s of the JVM's creation for this archive of about 160 MB, against 0.02 s where it maps it at the address it
  // was written for (0, which falls back to relocating when that address is taken); the dev run's JVM only (ADR 0058)
  writeFileSync(argsFile, `-XX:SharedArchiveFile=${quoted(archive)}\n-XX:+UnlockDiagnosticVMOptions\n`
    + `-XX:ArchiveRelocationMode=0\n`);
} else {
  rmSync(archive, { force: true });
  writeFileSync(keyFile, key + '\n');
  // the archive's own warnings (classes it leaves out) are not the developer's business
  writeFileSync(argsFile, `-XX:ArchiveClassesAtExit=${quoted(archive)}\n-Xlog:cds=off\n-Xlog:cds+dynamic=off\n`);
  console.log(`Class data sharing: this run writes ${archive} when it stops; the starts after it are faster`);
}
