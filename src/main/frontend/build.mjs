// Copies Det Faelles Designsystem (dkfds) into the application's static files, lighter than it comes:
//   node build.mjs <output folder>        (the Maven build passes target/classes/static/dkfds)
// or imported (buildDkfds): src/build/prepare.mjs runs it in the build's one node process (ADR 0051).
//
// - dkfds.min.css keeps every rule but its IBM Plex Sans @font-face rules. In their place come rules for the
//   weights the pages use (FACES below), in woff2 only, split by script: a browser fetches a subset only when
//   a page has a character of it (unicode-range), so a Danish page loads the Latin-1 files alone, and a name in
//   Polish, Greek or Cyrillic still gets the typeface. dkfds' own rules list eot, woff, woff2 and ttf, with
//   the eot first, which made browsers fetch the larger woff for the regular weight.
// - The unicode-range of each subset is read from the font file itself (its cmap table), so that it always
//   matches the files of the installed dkfds version; the ranges do not overlap (Latin-1 first), so a common
//   character (a space) never pulls in a second subset.
// - The JavaScript, the icons and the licence are copied as they are, without their source maps.
// - dmn-js (bpmn.io) for the matching rules page (/admin/regler, ADR 0041): its prebuilt modeler bundle, the CSS of
//   the decision-table editor and its icon font, copied as they are into a sibling folder dmn-js/ of the output.
// Versioned URLs and caching are the application's (Spring's resource chain, see README "Light pages").
// No dependencies: Node's own fs, crypto and zlib.

import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { brotliDecompressSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, 'node_modules', 'dkfds', 'dist');

// The faces the pages use, as Chromium loads them on every page of ours (PageWeightBrowserTest lists them):
// body text 400, labels and headings 600, the largest headings 700. Other weights and the italics are left
// out; a browser would draw a missing italic slanted from the upright face.
const FACES = [
  { weight: 400, style: 'normal', name: 'Regular' },
  { weight: 600, style: 'normal', name: 'SemiBold' },
  { weight: 700, style: 'normal', name: 'Bold' },
];
// Subsets in priority order: a character is served from the first subset that has it.
const SUBSETS = ['Latin1', 'Latin2', 'Latin3', 'Pi', 'Greek', 'Cyrillic'];
const FAMILY = 'IBM Plex Sans';

/** Writes the lighter dkfds (and dmn-js) to the output folder, unless it is there from the same inputs. */
export function buildDkfds(out) {
  // Skipped when its output is there and was written by this same script from the same node_modules (the lock's
  // stamp that src/build/npm-ci-if-changed.mjs writes): every `./mvnw spring-boot:run` runs this, and rewriting the
  // files gave them new times, which made the run's class jar and its class data archive stale (ADR 0048).
  const dmnOutFolder = join(dirname(out), 'dmn-js');
  const buildStamp = join(here, 'node_modules', '.initiativ-build.sha256');
  const lockStamp = join(here, 'node_modules', '.initiativ-lock.sha256');
  const inputs = existsSync(lockStamp)
    ? createHash('sha256').update(readFileSync(fileURLToPath(import.meta.url))).update(readFileSync(lockStamp))
      .update(resolve(out)).digest('hex')
    : null;
  if (inputs && existsSync(buildStamp) && readFileSync(buildStamp, 'utf8').trim() === inputs
      && existsSync(join(out, 'css', 'dkfds.min.css')) && existsSync(join(dmnOutFolder, 'dmn-modeler.production.min.js'))) {
    console.log(`dkfds -> ${out}: unchanged`);
    return;
  }
  rmSync(buildStamp, { force: true });

  rmSync(out, { recursive: true, force: true });
  for (const folder of ['css', 'js', 'img', 'fonts']) {
    mkdirSync(join(out, folder), { recursive: true });
  }

  // fonts: the split woff2 files of the used weights, and their unicode ranges
  const splitDir = join(dist, 'fonts', 'IBMPlexSans', 'split', 'woff2');
  const fontFaces = [];
  for (const face of FACES) {
    const claimed = new Set();
    for (const subset of SUBSETS) {
      const file = `IBMPlexSans-${face.name}-${subset}.woff2`;
      const codePoints = woff2CodePoints(readFileSync(join(splitDir, file))).filter((c) => !claimed.has(c));
      codePoints.forEach((c) => claimed.add(c));
      if (codePoints.length === 0) {
        continue;
      }
      copyFileSync(join(splitDir, file), join(out, 'fonts', file));
      fontFaces.push(`@font-face{font-display:swap;font-family:${FAMILY};font-style:${face.style};`
        + `font-weight:${face.weight};src:url(../fonts/${file}) format("woff2");unicode-range:${unicodeRange(codePoints)}}`);
    }
  }
  if (!fontFaces.some((rule) => rule.includes('Regular-Latin1'))) {
    throw new Error('no Latin-1 subset of the regular weight found in ' + splitDir);
  }

  // css: dkfds' own IBM Plex Sans rules out, ours in
  const css = readFileSync(join(dist, 'css', 'dkfds.min.css'), 'utf8');
  const ownRules = /@font-face\{[^}]*font-family:\s*["']?IBM Plex Sans["']?[;}][^}]*\}/g;
  const removed = css.match(ownRules) ?? [];
  if (removed.length === 0) {
    throw new Error('dkfds.min.css has no IBM Plex Sans @font-face rules any more: check build.mjs against this dkfds version');
  }
  const lighterCss = fontFaces.join('\n') + '\n' + withoutSourceMap(css.replace(ownRules, ''));
  if (/\.(eot|ttf|otf)\b|\.woff\)/.test(lighterCss)) {
    throw new Error('a font other than woff2 is still linked from dkfds.min.css');
  }
  writeFileSync(join(out, 'css', 'dkfds.min.css'), lighterCss);

  // js, icons, the placeholder logos the CSS links, the licence
  writeFileSync(join(out, 'js', 'dkfds.min.js'), withoutSourceMap(readFileSync(join(dist, 'js', 'dkfds.min.js'), 'utf8')));
  cpSync(join(dist, 'img', 'svg-icons'), join(out, 'img', 'svg-icons'), { recursive: true });
  for (const file of ['all-svg-icons.svg', 'logo-header-placeholder.png', 'logo-placeholder.png']) {
    copyFileSync(join(dist, 'img', file), join(out, 'img', file));
  }
  copyFileSync(join(dist, 'LICENSE.md'), join(out, 'LICENSE.md'));
  copyFileSync(join(splitDir, 'license.txt'), join(out, 'fonts', 'IBMPlexSans-license.txt'));

  // dmn-js: the prebuilt modeler (global DmnJS), the decision table's CSS and its icon font (files, not the
  // embedded data: URLs, which the Content-Security-Policy's font-src 'self' would refuse), and the licence
  const dmnDist = join(here, 'node_modules', 'dmn-js', 'dist');
  const dmnOut = join(dirname(out), 'dmn-js');
  rmSync(dmnOut, { recursive: true, force: true });
  mkdirSync(join(dmnOut, 'assets'), { recursive: true });
  writeFileSync(join(dmnOut, 'dmn-modeler.production.min.js'),
    withoutSourceMap(readFileSync(join(dmnDist, 'dmn-modeler.production.min.js'), 'utf8')));
  for (const file of ['dmn-js-shared.css', 'dmn-js-decision-table.css', 'dmn-js-decision-table-controls.css']) {
    copyFileSync(join(dmnDist, 'assets', file), join(dmnOut, 'assets', file));
  }
  mkdirSync(join(dmnOut, 'assets', 'dmn-font', 'css'), { recursive: true });
  copyFileSync(join(dmnDist, 'assets', 'dmn-font', 'css', 'dmn.css'), join(dmnOut, 'assets', 'dmn-font', 'css', 'dmn.css'));
  cpSync(join(dmnDist, 'assets', 'dmn-font', 'font'), join(dmnOut, 'assets', 'dmn-font', 'font'), { recursive: true });
  copyFileSync(join(here, 'node_modules', 'dmn-js', 'LICENSE'), join(dmnOut, 'LICENSE'));
  if (inputs) {
    writeFileSync(buildStamp, inputs + '\n');
  }

  console.log(`dkfds -> ${out}: ${removed.length} @font-face rules replaced by ${fontFaces.length} (woff2, `
    + `${FACES.map((face) => face.weight).join('/')}); css ${css.length} -> ${lighterCss.length} bytes`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  if (!process.argv[2]) {
    console.error('usage: node build.mjs <output folder>');
    process.exit(2);
  }
  buildDkfds(process.argv[2]);
}

function withoutSourceMap(text) {
  return text.replace(/\n?\/[*/]# sourceMappingURL=[^\n]*$/, '\n');
}

// "U+0020-007E,U+00A0-00FF,..." from sorted code points
function unicodeRange(codePoints) {
  const sorted = [...codePoints].sort((a, b) => a - b);
  const ranges = [];
  let start = sorted[0];
  let end = sorted[0];
  for (const c of sorted.slice(1)) {
    if (c === end + 1) {
      end = c;
      continue;
    }
    ranges.push([start, end]);
    start = end = c;
  }
  ranges.push([start, end]);
  const hex = (c) => c.toString(16).toUpperCase().padStart(4, '0');
  return ranges.map(([a, b]) => (a === b ? `U+${hex(a)}` : `U+${hex(a)}-${hex(b)}`)).join(',');
}

// The code points a WOFF2 font maps to a glyph: its cmap table (stored untransformed in the Brotli stream).
function woff2CodePoints(file) {
  if (file.toString('latin1', 0, 4) !== 'wOF2') {
    throw new Error('not a WOFF2 file');
  }
  const numTables = file.readUInt16BE(12);
  const compressedSize = file.readUInt32BE(20);
  let offset = 48;
  const readBase128 = () => {
    let value = 0;
    for (let i = 0; i < 5; i++) {
      const byte = file[offset++];
      value = value * 128 + (byte & 0x7f);
      if ((byte & 0x80) === 0) {
        return value;
      }
    }
    throw new Error('bad UIntBase128');
  };
  const tables = [];
  for (let i = 0; i < numTables; i++) {
    const flags = file[offset++];
    const tagIndex = flags & 0x3f;
    if (tagIndex === 63) {
      offset += 4;
    }
    const version = flags >> 6;
    const originalLength = readBase128();
    const glyfOrLoca = tagIndex === 10 || tagIndex === 11;
    const transformed = glyfOrLoca ? version === 0 : version !== 0;
    const length = transformed ? readBase128() : originalLength;
    tables.push({ tagIndex, length });
  }
  const data = brotliDecompressSync(file.subarray(offset, offset + compressedSize));
  let at = 0;
  for (const table of tables) {
    if (table.tagIndex === 0) {
      return cmapCodePoints(data.subarray(at, at + table.length));
    }
    at += table.length;
  }
  throw new Error('no cmap table');
}

function cmapCodePoints(cmap) {
  const count = cmap.readUInt16BE(2);
  const subtables = [];
  for (let i = 0; i < count; i++) {
    const platform = cmap.readUInt16BE(4 + i * 8);
    const encoding = cmap.readUInt16BE(6 + i * 8);
    const at = cmap.readUInt32BE(8 + i * 8);
    subtables.push({ platform, encoding, at, format: cmap.readUInt16BE(at) });
  }
  const full = subtables.find((t) => t.format === 12 && (t.platform === 3 || t.platform === 0));
  if (full) {
    const groups = cmap.readUInt32BE(full.at + 12);
    const codes = [];
    for (let g = 0; g < groups; g++) {
      const base = full.at + 16 + g * 12;
      for (let c = cmap.readUInt32BE(base); c <= cmap.readUInt32BE(base + 4); c++) {
        codes.push(c);
      }
    }
    return codes;
  }
  const bmp = subtables.find((t) => t.format === 4 && (t.platform === 3 || t.platform === 0));
  if (!bmp) {
    throw new Error('no Unicode cmap subtable');
  }
  const segments = cmap.readUInt16BE(bmp.at + 6) / 2;
  const ends = bmp.at + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  const codes = [];
  for (let s = 0; s < segments; s++) {
    const start = cmap.readUInt16BE(starts + s * 2);
    const end = cmap.readUInt16BE(ends + s * 2);
    const delta = cmap.readInt16BE(deltas + s * 2);
    const rangeOffset = cmap.readUInt16BE(rangeOffsets + s * 2);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph;
      if (rangeOffset === 0) {
        glyph = (c + delta) & 0xffff;
      } else {
        glyph = cmap.readUInt16BE(rangeOffsets + s * 2 + rangeOffset + (c - start) * 2);
        glyph = glyph === 0 ? 0 : (glyph + delta) & 0xffff;
      }
      if (glyph !== 0) {
        codes.push(c);
      }
    }
  }
  return codes;
}
