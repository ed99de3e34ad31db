// Proves the parse check can fail: a check that never fails would keep CI green over broken scripts.
// Runs parse-check.mjs as CI does (a child process) on fixtures and on a scratch repository.

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const checker = join(here, 'parse-check.mjs');
const broken = join(here, 'fixtures', 'broken.ps1.fixture');
const valid = join(here, 'fixtures', 'valid.ps1.fixture');

let failures = 0;

function run(args) {
  const result = spawnSync(process.execPath, [checker, ...args], { cwd: here, encoding: 'utf8' });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

function expect(name, condition, detail) {
  if (condition) {
    console.log(`ok   ${name}`);
  } else {
    failures++;
    console.log(`FAIL ${name}\n${detail.replace(/^/gm, '     ')}`);
  }
}

// 1. A broken file fails, naming the file, line and column of each problem.
const brokenRun = run([broken]);
expect('broken fixture exits 1', brokenRun.code === 1, brokenRun.output);
expect('broken fixture reports the unclosed param block at 4:5',
  brokenRun.output.includes('broken.ps1.fixture:4:5:'), brokenRun.output);
expect('broken fixture reports the missing closing brace',
  /broken\.ps1\.fixture:\d+:\d+: missing '\}'/.test(brokenRun.output), brokenRun.output);

// 2. A valid file passes.
const validRun = run([valid]);
expect('valid fixture exits 0', validRun.code === 0, validRun.output);

// 3. Repository mode finds .ps1/.psd1/.psm1 files, skips build and package folders, and fails on one bad file.
const scratch = mkdtempSync(join(tmpdir(), 'parse-check-'));
try {
  const validText = readFileSync(valid, 'utf8');
  const brokenText = readFileSync(broken, 'utf8');
  mkdirSync(join(scratch, 'scripts'));
  mkdirSync(join(scratch, 'node_modules', 'pkg'), { recursive: true });
  mkdirSync(join(scratch, 'out'));
  writeFileSync(join(scratch, 'scripts', 'good.ps1'), validText);
  writeFileSync(join(scratch, 'Module.psd1'), "@{ ModuleVersion = '1.0.0'; CmdletsToExport = @('A', 'B') }\n");
  writeFileSync(join(scratch, 'node_modules', 'pkg', 'ignored.ps1'), brokenText);
  writeFileSync(join(scratch, 'out', 'ignored.psm1'), brokenText);

  const cleanRun = run(['--root', scratch]);
  expect('scratch repository without errors exits 0 (node_modules and out skipped)',
    cleanRun.code === 0 && cleanRun.output.includes('2 PowerShell file(s) parse'), cleanRun.output);

  writeFileSync(join(scratch, 'scripts', 'bad.psm1'), brokenText);
  const dirtyRun = run(['--root', scratch]);
  expect('scratch repository with one broken .psm1 exits 1 and names it',
    dirtyRun.code === 1 && dirtyRun.output.includes(join('scripts', 'bad.psm1') + ':4:5:'), dirtyRun.output);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

// 4. Nothing to check is an error, not a silent pass.
const empty = mkdtempSync(join(tmpdir(), 'parse-check-empty-'));
try {
  const emptyRun = run(['--root', empty]);
  expect('a folder without PowerShell files exits 2', emptyRun.code === 2, emptyRun.output);
} finally {
  rmSync(empty, { recursive: true, force: true });
}

if (failures > 0) {
  console.log(`parse-check self-test: ${failures} check(s) failed`);
  process.exitCode = 1;
} else {
  console.log('parse-check self-test: all checks passed');
}
