// SPDX-License-Identifier: Apache-2.0
// Runs Mozilla Readability (with jsdom) over every DIR/NAME.html and writes
// the main text to OUT/NAME.txt, for `html_bench score-text DIR OUT`; or,
// as `--speed RUNS FILE...`, prints files, MB, median seconds and MB/s of
// parsing (jsdom) plus Readability over the files, like `html_bench speed`.
// Readability's HTML output is turned into text with a line break after
// every block element, so words of adjacent paragraphs do not run together.
// With --with-title, Readability's separate title goes first (cydex's gold
// text holds the headline). Needs `npm install @mozilla/readability jsdom`
// in a scratch folder, passed as NODE_PATH.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

const require = createRequire(path.join(process.env.NODE_PATH ?? ".", "x.js"));
const { JSDOM } = require("jsdom");
const { Readability } = require("@mozilla/readability");

if (process.argv[2] === "--speed") {
  const runs = Number(process.argv[3]);
  const files = process.argv.slice(4);
  const contents = files.map((f) => fs.readFileSync(f, "utf8"));
  const bytes = files.reduce((sum, f) => sum + fs.statSync(f).size, 0);
  const seconds = [];
  for (let run = 0; run < runs; run++) {
    const start = process.hrtime.bigint();
    for (const html of contents) new Readability(new JSDOM(html).window.document).parse();
    seconds.push(Number(process.hrtime.bigint() - start) / 1e9);
  }
  seconds.sort((a, b) => a - b);
  const median = seconds[Math.floor(seconds.length / 2)];
  const mb = bytes / 1048576;
  console.log(`${files.length}\t${mb.toFixed(2)}\t${median.toFixed(4)}\t${(mb / median).toFixed(2)}`);
  process.exit(0);
}

const [dir, out, option] = process.argv.slice(2);
fs.mkdirSync(out, { recursive: true });
const blocks = /<\/(p|div|h[1-6]|li|tr|td|th|ul|ol|table|blockquote|figcaption|section|article|dt|dd|pre)>|<br\s*\/?>/gi;
for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".html")).sort()) {
  const html = fs.readFileSync(path.join(dir, file), "utf8");
  const dom = new JSDOM(html, { url: "https://example.org/" + file });
  const article = new Readability(dom.window.document).parse();
  let text = "";
  if (article) {
    const body = new JSDOM("<body>" + article.content.replace(blocks, "$&\n") + "</body>");
    text = body.window.document.body.textContent;
    if (option === "--with-title" && article.title) text = article.title + "\n" + text;
  }
  fs.writeFileSync(path.join(out, file.replace(/\.html$/, ".txt")), text);
}
