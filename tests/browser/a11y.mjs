// Accessibility checks in Debian's chromium (playwright-core) against a built site.
//
//   node tests/browser/a11y.mjs SITE_DIR SHOTS_DIR URL...
//
// For every URL, at 1280 px and at 320 px, in the light and the dark colour scheme: runs axe-core
// (WCAG 2.0/2.1 A and AA, and best practice) and saves a screenshot. On the first URL it also
// tabs through the page: the skip link first, then every control, each with a visible focus
// indicator. Prints JSON: {"violations": [...], "keyboard": {...}, "zoom": [...], "shots": N}.

import { createServer } from "node:http";
import { readFile, stat, mkdir } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const axePath = require.resolve("axe-core/axe.min.js");
const [siteDir, shotsDir, ...urls] = process.argv.slice(2);
await mkdir(shotsDir, { recursive: true });

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
    const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname));
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
});

const out = { violations: [], keyboard: null, zoom: [], shots: 0 };
const slug = (u) => u.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "") || "home";

async function axe(page, url, label) {
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
    });
    return r.violations.map((v) => ({
      rule: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
    }));
  });
  for (const v of result) out.violations.push({ url, view: label, ...v });
}

try {
  for (const [width, scheme] of [
    [1280, "light"],
    [320, "light"],
    [1280, "dark"],
    [320, "dark"],
  ]) {
    const context = await browser.newContext({
      viewport: { width, height: 900 },
      colorScheme: scheme,
      reducedMotion: "reduce",
    });
    const page = await context.newPage();
    for (const url of urls) {
      await page.goto(base + url, { waitUntil: "load" });
      if (url.includes("?q=")) {
        // Search results arrive after the index chunks load.
        await page.waitForSelector(".pagefind-ui__result", { timeout: 20000 });
        await page.waitForTimeout(300);
      }
      await axe(page, url, `${width}px ${scheme}`);
      if (scheme === "light") {
        await page.screenshot({ path: join(shotsDir, `${slug(url)}-${width}.png`), fullPage: true });
        out.shots += 1;
      }
      // Nothing may scroll the page sideways at 320 px: wide content scrolls in its own region.
      if (width === 320) {
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (overflow > 1) out.violations.push({ url, view: `${width}px ${scheme}`, rule: "page-scrolls-sideways", nodes: [`${overflow}px`] });
      }
    }
    await context.close();
  }

  // 200% text size: the page still fits without sideways scrolling at 640 px (320 px at 200%).
  {
    const context = await browser.newContext({ viewport: { width: 640, height: 900 } });
    const page = await context.newPage();
    for (const url of urls) {
      await page.goto(base + url, { waitUntil: "load" });
      await page.addStyleTag({ content: "html { font-size: 200% !important; }" });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (overflow > 1) out.zoom.push({ url, overflow });
    }
    await context.close();
  }

  // Keyboard: tab through the first URL.
  {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(base + urls[0], { waitUntil: "load" });
    const focusInfo = () =>
      page.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body) return null;
        const s = getComputedStyle(el);
        const visible =
          (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2) ||
          (s.boxShadow && s.boxShadow !== "none");
        return {
          tag: el.tagName.toLowerCase(),
          text: (el.textContent || el.getAttribute("aria-label") || el.id || "").trim().slice(0, 60),
          href: el.getAttribute("href"),
          visible,
        };
      });
    const stops = [];
    await page.keyboard.press("Tab");
    const first = await focusInfo();
    // The skip link moves focus to the main content.
    await page.keyboard.press("Enter");
    const afterSkip = await page.evaluate(() => document.activeElement?.id || "");
    await page.goto(base + urls[0], { waitUntil: "load" });
    const controls = await page.evaluate(
      () =>
        [...document.querySelectorAll("a[href], button, input, select, textarea, [tabindex='0']")].filter(
          (e) => !e.closest("[hidden]") && e.getClientRects().length > 0,
        ).length,
    );
    for (let i = 0; i < controls + 5; i++) {
      await page.keyboard.press("Tab");
      const f = await focusInfo();
      if (f) stops.push(f);
    }
    out.keyboard = { first, afterSkip, controls, stops };
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
console.log(JSON.stringify(out));
