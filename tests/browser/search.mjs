// Drives the built site's search page in Debian's chromium (playwright-core, no browser download).
//
//   node tests/browser/search.mjs SITE_DIR SCENARIO_JSON
//
// SCENARIO_JSON is a list of {"query": "...", "filter": {"group": "type", "value": "Minutes"}?}.
// Serves SITE_DIR on 127.0.0.1, runs each search, and prints a JSON list of results per step:
// [{"query": ..., "results": [{"title": ..., "url": ..., "tags": ..., "excerpt": ...}]}].

import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { chromium } from "playwright-core";

const [siteDir, scenarioJson] = process.argv.slice(2);
const scenario = JSON.parse(scenarioJson);

const types = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css",
  ".js": "text/javascript",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".pdf": "application/pdf",
};

const server = createServer(async (req, res) => {
  try {
    let path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname));
    if (path.includes("..")) throw new Error("bad path");
    let file = join(siteDir, path);
    if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, "index.html");
    const body = await readFile(file);
    res.writeHead(200, { "content-type": types[extname(file)] || "application/octet-stream" });
    res.end(body);
  } catch {
    res.writeHead(404);
    res.end("not found");
  }
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const base = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
  // playwright gives every launch a fresh, empty profile of its own.
});

async function results(page) {
  // Results appear after the index chunks load; wait for the message line to settle.
  await page.waitForSelector(".pagefind-ui__message", { timeout: 20000 });
  await page.waitForFunction(
    () => !document.querySelector(".pagefind-ui__loading") && /result/i.test(document.querySelector(".pagefind-ui__message")?.textContent || ""),
    null,
    { timeout: 20000 },
  );
  await page.waitForTimeout(300);
  return page.$$eval(".pagefind-ui__result", (items) =>
    items.map((r) => ({
      title: r.querySelector(".pagefind-ui__result-title")?.textContent.trim() || "",
      url: r.querySelector(".pagefind-ui__result-link")?.getAttribute("href") || "",
      tags: [...r.querySelectorAll(".pagefind-ui__result-tag")].map((t) => t.textContent.trim()),
      excerpt: r.querySelector(".pagefind-ui__result-excerpt")?.textContent.trim() || "",
    })),
  );
}

const out = [];
try {
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  for (const step of scenario) {
    await page.goto(`${base}/search/?q=${encodeURIComponent(step.query)}`);
    let found = await results(page);
    if (step.filter) {
      // Open the filter group and tick the value.
      const group = page.locator(".pagefind-ui__filter-block", { hasText: step.filter.group }).first();
      await group.locator("summary").click();
      await group.locator(".pagefind-ui__filter-value", { hasText: step.filter.value }).locator("input").check();
      await page.waitForTimeout(500);
      found = await results(page);
    }
    out.push({ query: step.query, filter: step.filter || null, results: found });
  }
  if (errors.length) out.push({ errors });
} finally {
  await browser.close();
  server.close();
}
console.log(JSON.stringify(out));
