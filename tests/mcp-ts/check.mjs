// Drives `devin-handoff mcp` with the reference TypeScript client (@modelcontextprotocol/sdk), which validates every
// structured result against the tool's outputSchema. Prints one "ok: …" or "FAIL: …" line per check.
//   node check.mjs BINARY REPO FAKE_URL      (run by tests/mcp-ts/run.sh, which sets everything up)
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { spawn } from "node:child_process";

const [binary, repo, fakeUrl] = process.argv.slice(2);
const env = {
  PATH: process.env.PATH, HOME: process.env.HOME, GIT_CONFIG_GLOBAL: process.env.GIT_CONFIG_GLOBAL, GIT_CONFIG_NOSYSTEM: "1",
  DEVIN_API_URL: fakeUrl, DEVIN_API_KEY: "cog_test", DEVIN_ORG_ID: "org-test",
};
let failed = 0;
const check = async (name, body) => {
  try { await body(); console.log(`ok: mcp (TypeScript client): ${name}`); }
  catch (e) { failed++; console.log(`FAIL: mcp (TypeScript client): ${name}: ${e?.message ?? e}`); }
};
const assert = (condition, message) => { if (!condition) throw new Error(message); };
const fake = async (path, init) => (await fetch(fakeUrl + path, init)).json();

const client = new Client({ name: "ci-check", version: "1.0.0" });
const started = performance.now();
await client.connect(new StdioClientTransport({ command: binary, args: ["mcp"], cwd: repo, env, stderr: "inherit" }));
console.log(`   connected (initialize answered) in ${Math.round(performance.now() - started)} ms`);

await check("tools/list returns the nine tools, each with input and output schema and annotations", async () => {
  const { tools } = await client.listTools();
  const names = tools.map((t) => t.name).sort();
  const want = ["handoff_create", "handoff_preview", "secrets_scan", "session_messages", "session_pickup", "session_send", "session_status", "session_wait", "sessions_list"];
  assert(JSON.stringify(names) === JSON.stringify(want), `tools: ${names}`);
  for (const t of tools) {
    assert(t.inputSchema?.type === "object" && t.outputSchema?.type === "object", `${t.name}: schemas`);
    assert(typeof t.annotations?.destructiveHint === "boolean", `${t.name}: annotations`);
  }
});

const secret = "AKIA" + Array.from({ length: 16 }, () => "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"[Math.floor(Math.random() * 32)]).join("");
await check("handoff_preview returns the prompt and withholds a secret in the diff", async () => {
  const { writeFileSync } = await import("node:fs");
  writeFileSync(`${repo}/settings.py`, `AWS_ACCESS_KEY_ID = "${secret}"\n`);
  writeFileSync(`${repo}/notes.md`, "Half-done notes.\n");
  const r = await client.callTool({ name: "handoff_preview", arguments: { task: "Finish the notes" } });
  assert(!r.isError, JSON.stringify(r.content));
  const prompt = r.structuredContent.request.prompt;
  assert(prompt.includes("Finish the notes") && prompt.includes("Half-done notes."), "prompt lacks the task or the change");
  assert(!JSON.stringify(r).includes(secret), "the secret is in the result");
  assert(r.structuredContent.inspection.withheld.some((w) => w.file === "settings.py"), "settings.py not withheld");
});

let sessionId;
await check("handoff_create against the fake API creates exactly one session (a repeat returns it)", async () => {
  const args = { task: "Finish the notes", tags: ["ci"] };
  const first = await client.callTool({ name: "handoff_create", arguments: args });
  assert(!first.isError, JSON.stringify(first.content));
  const again = await client.callTool({ name: "handoff_create", arguments: args });
  sessionId = first.structuredContent.session_id;
  assert(again.structuredContent.session_id === sessionId && again.structuredContent.is_new_session === false, "the repeat differs");
  const sessions = await fake("/_fake/sessions");
  assert(sessions.length === 1, `${sessions.length} sessions`);
  assert(!JSON.stringify(sessions).includes(secret), "the secret reached the API");
});

await check("session_wait sends progress and returns the fake's final state", async () => {
  const notes = [];
  const r = await client.callTool({ name: "session_wait", arguments: { session: sessionId, interval_seconds: 1, timeout_seconds: 120 } },
    undefined, { onprogress: (p) => notes.push(p), resetTimeoutOnProgress: true, timeout: 60000 });
  assert(!r.isError, JSON.stringify(r.content));
  assert(r.structuredContent.state === "finished" && r.structuredContent.exit_code === 0, JSON.stringify(r.structuredContent));
  assert(notes.length > 0, "no progress notification");
});

await check("session_messages, sessions_list and session_status results match their output schemas", async () => {
  for (const [name, args] of [["session_messages", { session: sessionId, limit: 2 }], ["sessions_list", { tags: ["ci"] }], ["session_status", {}], ["secrets_scan", {}]]) {
    const r = await client.callTool({ name, arguments: args });
    assert(!r.isError, `${name}: ${JSON.stringify(r.content)}`);
  }
});

await check("a bad argument is a tool error with our code, and the server keeps serving", async () => {
  const r = await client.callTool({ name: "session_wait", arguments: { timeout_seconds: "soon" } });
  const error = JSON.parse(r.content[0].text).error;
  assert(r.isError === true && error.code === "usage" && error.exit_code === 2, JSON.stringify(r));
  assert((await client.listTools()).tools.length === 9, "no answer after the error");
});
await client.close();

await check("stdin EOF ends the server with exit 0", async () => {
  const child = spawn(binary, ["mcp"], { cwd: repo, env, stdio: ["pipe", "pipe", "ignore"] });
  const exited = new Promise((resolve) => child.on("exit", (code) => resolve(code)));
  child.stdin.end();
  const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r("still running"), 20000))]);
  if (code === "still running") child.kill("SIGKILL");
  assert(code === 0, `exit ${code}`);
});
process.exit(failed > 0 ? 1 : 0);
