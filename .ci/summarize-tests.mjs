// Sums test results over every result file in a folder and prints one line:
//   tests: N passed, M failed            (", K skipped" is added when K > 0)
// Reads VSTest .trx files (one per test project, from `dotnet test --logger trx`) and Pester's
// NUnit XML (*.nunit.xml). Exits 1 when anything failed, when no test ran, or when fewer .trx files
// than --expect-trx were found (a test project that crashed before writing results must not
// disappear from the count).
//
// Usage: node .ci/summarize-tests.mjs RESULTS_DIR [--expect-trx N]

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function filesUnder(folder) {
  const found = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      found.push(...filesUnder(path));
    } else if (entry.isFile()) {
      found.push(path);
    }
  }
  return found;
}

function attribute(tag, name) {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return match ? match[1] : undefined;
}

// One <UnitTestResult> per executed test case; outcome is Passed, Failed, NotExecuted, Timeout, ...
function countTrx(text, totals) {
  for (const [tag] of text.matchAll(/<UnitTestResult\b[^>]*>/g)) {
    const outcome = attribute(tag, 'outcome');
    if (outcome === 'Passed') {
      totals.passed++;
    } else if (outcome === 'NotExecuted' || outcome === 'Inconclusive') {
      totals.skipped++;
    } else {
      totals.failed++;
    }
  }
}

// Pester 5 NUnit 2.5 XML: <test-case ... executed="True" result="Success|Failure|Ignored|...">
function countNUnit(text, totals) {
  for (const [tag] of text.matchAll(/<test-case\b[^>]*>/g)) {
    const result = attribute(tag, 'result');
    if (result === 'Success') {
      totals.passed++;
    } else if (result === 'Failure' || result === 'Error') {
      totals.failed++;
    } else {
      totals.skipped++;
    }
  }
}

const args = process.argv.slice(2);
const folder = args[0];
const expectIndex = args.indexOf('--expect-trx');
const expectedTrx = expectIndex >= 0 ? Number(args[expectIndex + 1]) : 0;

const totals = { passed: 0, failed: 0, skipped: 0 };
const problems = [];
let trxCount = 0;

if (!folder || !statSync(folder, { throwIfNoEntry: false })?.isDirectory()) {
  problems.push(`no results folder '${folder ?? ''}'`);
} else {
  for (const file of filesUnder(folder).sort()) {
    if (file.endsWith('.trx')) {
      trxCount++;
      countTrx(readFileSync(file, 'utf8'), totals);
    } else if (file.endsWith('.nunit.xml')) {
      countNUnit(readFileSync(file, 'utf8'), totals);
    }
  }
}

if (trxCount < expectedTrx) {
  problems.push(`expected ${expectedTrx} .trx file(s) (one per test project), found ${trxCount}`);
}
if (totals.passed + totals.failed === 0) {
  problems.push('no test ran');
}
for (const problem of problems) {
  console.error(`summarize-tests: ${problem}`);
}

let line = `tests: ${totals.passed} passed, ${totals.failed} failed`;
if (totals.skipped > 0) {
  line += `, ${totals.skipped} skipped`;
}
console.log(line);
process.exitCode = totals.failed > 0 || problems.length > 0 ? 1 : 0;
