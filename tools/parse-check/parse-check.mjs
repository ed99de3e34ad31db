// Parses PowerShell files with tree-sitter-powershell and reports every syntax error as
// file:line:col. No PowerShell engine runs on our build machines, so this is the gate that keeps
// build.ps1, the manifest and the Pester suite at least well-formed.
//
// Usage:
//   node parse-check.mjs                 every *.ps1, *.psd1, *.psm1 under the repository root
//   node parse-check.mjs --root DIR      the same under DIR
//   node parse-check.mjs FILE...         exactly these files, whatever their extension
//
// Exit codes: 0 all files parse, 1 at least one syntax error, 2 usage problem or nothing to check.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Language, Parser } from 'web-tree-sitter';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));

const extensions = new Set(['.ps1', '.psd1', '.psm1']);
const skippedFolders = new Set(['.git', 'node_modules', 'bin', 'obj', 'out', 'artifacts', 'TestResults']);

function parseArguments(argv) {
  const options = { root: resolve(here, '..', '..'), files: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--root') {
      if (i + 1 >= argv.length) {
        throw new Error('--root needs a folder.');
      }
      options.root = resolve(argv[++i]);
    } else if (arg.startsWith('--')) {
      throw new Error(`Unknown option ${arg}.`);
    } else {
      options.files.push(resolve(arg));
    }
  }
  return options;
}

function extensionOf(name) {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot).toLowerCase();
}

function findPowerShellFiles(folder, found = []) {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!skippedFolders.has(entry.name)) {
        findPowerShellFiles(join(folder, entry.name), found);
      }
    } else if (entry.isFile() && extensions.has(extensionOf(entry.name))) {
      found.push(join(folder, entry.name));
    }
  }
  return found;
}

// Every ERROR and MISSING node, outermost first; children of an ERROR node are not reported again.
function collectProblems(node, problems) {
  if (node.isMissing) {
    problems.push({ node, message: `missing '${node.type}'` });
    return;
  }
  if (node.isError) {
    const snippet = node.text.split(/\r?\n/, 1)[0].slice(0, 40);
    problems.push({ node, message: `syntax error near '${snippet}'` });
    return;
  }
  if (!node.hasError) {
    return;
  }
  for (let i = 0; i < node.childCount; i++) {
    collectProblems(node.child(i), problems);
  }
}

function stripByteOrderMark(text) {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

async function main() {
  let options;
  try {
    options = parseArguments(process.argv.slice(2));
  } catch (error) {
    console.error(`parse-check: ${error.message}`);
    return 2;
  }

  const explicit = options.files.length > 0;
  const files = explicit ? options.files : findPowerShellFiles(options.root).sort();
  if (files.length === 0) {
    console.error(`parse-check: no PowerShell files found under ${options.root}.`);
    return 2;
  }

  await Parser.init();
  const grammar = await Language.load(require.resolve('tree-sitter-powershell/tree-sitter-powershell.wasm'));
  const parser = new Parser();
  parser.setLanguage(grammar);

  let failedFiles = 0;
  for (const file of files) {
    const shown = explicit ? relative(process.cwd(), file) || file : relative(options.root, file);
    if (!statSync(file, { throwIfNoEntry: false })?.isFile()) {
      console.error(`${shown}: no such file`);
      failedFiles++;
      continue;
    }
    const tree = parser.parse(stripByteOrderMark(readFileSync(file, 'utf8')));
    const problems = [];
    collectProblems(tree.rootNode, problems);
    tree.delete();
    if (problems.length > 0) {
      failedFiles++;
      for (const { node, message } of problems) {
        const { row, column } = node.startPosition;
        console.error(`${shown}:${row + 1}:${column + 1}: ${message}`);
      }
    }
  }
  parser.delete();

  if (failedFiles > 0) {
    console.error(`parse-check: ${failedFiles} of ${files.length} PowerShell file(s) do not parse.`);
    return 1;
  }
  console.log(`parse-check: ${files.length} PowerShell file(s) parse.`);
  return 0;
}

process.exitCode = await main();
