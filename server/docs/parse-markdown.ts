// A small Markdown reader for the repository's own docs, turning a file into plain data that
// the console renders as React elements. Raw HTML is never passed through: everything is text
// to React, so a document cannot inject markup or script. Links keep only web, mail and
// in-page targets, and those to other docs, which `resolveLink` maps to console pages.
// It reads the subset the docs use (CommonMark's common blocks plus GitHub tables), not all of it.

export type Inline =
  | { kind: "text"; text: string }
  | { kind: "code"; text: string }
  | { kind: "strong"; children: Inline[] }
  | { kind: "em"; children: Inline[] }
  | { kind: "link"; href: string; children: Inline[] };

export type Block =
  | { kind: "heading"; level: number; id: string; children: Inline[] }
  | { kind: "paragraph"; children: Inline[] }
  | { kind: "code"; language: string; text: string }
  | { kind: "list"; ordered: boolean; start: number; items: Block[][] }
  | { kind: "table"; head: Inline[][]; rows: Inline[][][] }
  | { kind: "quote"; children: Block[] }
  | { kind: "rule" };

/** Maps a link target to where the console serves it; null leaves its text unlinked. */
export type LinkResolver = (href: string) => string | null;

const FENCE = /^\s{0,3}(`{3,}|~{3,})\s*([\w+-]*)/;
const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const RULE = /^\s{0,3}([-*_])(\s*\1){2,}\s*$/;
const ITEM = /^(\s*)([-*+]|(\d{1,9})[.)])\s+(.*)$/;
const TABLE_DIVIDER = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;

export function parseMarkdown(source: string, resolveLink: LinkResolver): Block[] {
  const ids = new Map<string, number>();
  return parseBlocks(source.replace(/\r\n?/g, "\n").split("\n"), { resolveLink, ids });
}

interface Context {
  resolveLink: LinkResolver;
  /** Heading ids given so far, to number repeats as GitHub does (`usage`, `usage-1`). */
  ids: Map<string, number>;
}

/** Indentation of a line, in characters. */
const indentOf = (line: string) => line.length - line.trimStart().length;

function parseBlocks(lines: string[], ctx: Context): Block[] {
  // Past the end reads as a blank line, which ends every block.
  const at = (j: number) => lines[j] ?? "";
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = at(i);
    if (line.trim() === "") {
      i++;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const marker = fence[1] ?? "```";
      const end = lines.findIndex((l, j) => j > i && l.trim().startsWith(marker));
      const stop = end === -1 ? lines.length : end;
      const indent = indentOf(line);
      blocks.push({ kind: "code", language: fence[2] ?? "", text: lines.slice(i + 1, stop).map((l) => l.slice(Math.min(indent, indentOf(l)))).join("\n") });
      i = stop + 1;
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      const children = parseInline(heading[2] ?? "", ctx);
      blocks.push({ kind: "heading", level: (heading[1] ?? "#").length, id: headingId(plainText(children), ctx.ids), children });
      i++;
      continue;
    }
    if (RULE.test(line)) {
      blocks.push({ kind: "rule" });
      i++;
      continue;
    }
    if (line.trimStart().startsWith(">")) {
      const quoted: string[] = [];
      while (i < lines.length && at(i).trimStart().startsWith(">")) quoted.push(at(i++).trimStart().replace(/^>\s?/, ""));
      blocks.push({ kind: "quote", children: parseBlocks(quoted, ctx) });
      continue;
    }
    if (line.includes("|") && TABLE_DIVIDER.test(at(i + 1)) && at(i + 1).includes("-")) {
      const head = cells(line).map((c) => parseInline(c, ctx));
      i += 2;
      const rows: Inline[][][] = [];
      while (at(i).includes("|") && at(i).trim() !== "") rows.push(cells(at(i++)).map((c) => parseInline(c, ctx)));
      blocks.push({ kind: "table", head, rows });
      continue;
    }
    if (ITEM.test(line)) {
      const { block, next } = parseList(lines, i, ctx);
      blocks.push(block);
      i = next;
      continue;
    }
    // A paragraph runs until a blank line or the start of another kind of block.
    const text: string[] = [];
    while (at(i).trim() !== "" && (text.length === 0 || !startsBlock(at(i)))) text.push(at(i++).trim());
    blocks.push({ kind: "paragraph", children: parseInline(text.join("\n"), ctx) });
  }
  return blocks;
}

function startsBlock(line: string): boolean {
  return FENCE.test(line) || HEADING.test(line) || RULE.test(line) || ITEM.test(line) || line.trimStart().startsWith(">");
}

/** A list item's parts: indentation, marker, number (ordered lists only) and first line. */
function listItem(line: string) {
  const match = ITEM.exec(line);
  return match ? { indent: (match[1] ?? "").length, marker: match[2] ?? "-", number: match[3], text: match[4] ?? "" } : null;
}

/** A list: its items, each with the lines indented under it (continuations and nested lists). */
function parseList(lines: string[], start: number, ctx: Context): { block: Block; next: number } {
  const at = (j: number) => lines[j] ?? "";
  const first = listItem(at(start))!;
  const ordered = first.number !== undefined;
  const items: Block[][] = [];
  let i = start;
  while (i < lines.length) {
    const item = listItem(at(i));
    if (!item || item.indent !== first.indent || (item.number !== undefined) !== ordered) break;
    const contentIndent = item.indent + item.marker.length + 1;
    const body = [item.text];
    i++;
    while (i < lines.length) {
      const line = at(i);
      if (line.trim() === "") {
        // A blank line ends the item unless indented content follows it.
        const nextLine = at(i + 1);
        if (nextLine.trim() === "" || indentOf(nextLine) < contentIndent) break;
        body.push("");
      } else if (indentOf(line) <= first.indent && startsBlock(line)) {
        break;
      } else {
        body.push(indentOf(line) >= contentIndent ? line.slice(contentIndent) : line.trimStart());
      }
      i++;
    }
    items.push(parseBlocks(body, ctx));
    // A blank line between two items of the same list keeps the list going.
    if (at(i).trim() === "" && listItem(at(i + 1))?.indent === first.indent) i++;
  }
  return { block: { kind: "list", ordered, start: ordered ? Number(first.number) : 1, items }, next: i };
}

function cells(row: string): string[] {
  const trimmed = row.trim().replace(/^\|/, "").replace(/\|$/, "");
  // A pipe inside a code span or escaped with a backslash belongs to the cell.
  const out: string[] = [];
  let cell = "";
  let inCode = false;
  for (let i = 0; i < trimmed.length; i++) {
    const c = trimmed[i];
    if (c === "\\" && trimmed[i + 1] === "|") {
      cell += "|";
      i++;
    } else if (c === "`") {
      inCode = !inCode;
      cell += c;
    } else if (c === "|" && !inCode) {
      out.push(cell.trim());
      cell = "";
    } else {
      cell += c;
    }
  }
  out.push(cell.trim());
  return out;
}

/** Inline text: code spans, strong and emphasis with asterisks, links, autolinks and escapes. */
export function parseInline(text: string, ctx: Pick<Context, "resolveLink">): Inline[] {
  const out: Inline[] = [];
  let plain = "";
  const flush = () => {
    if (plain) out.push({ kind: "text", text: plain });
    plain = "";
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    const escaped = c === "\\" ? text[i + 1] : undefined;
    if (escaped !== undefined && /[\\`*_{}[\]()#+\-.!|<>~]/.test(escaped)) {
      plain += escaped;
      i += 2;
      continue;
    }
    if (c === "`") {
      const ticks = /^`+/.exec(text.slice(i))![0];
      const end = text.indexOf(ticks, i + ticks.length);
      if (end !== -1) {
        flush();
        const code = text.slice(i + ticks.length, end).replace(/\n/g, " ");
        out.push({ kind: "code", text: /^ .* $/.test(code) ? code.slice(1, -1) : code });
        i = end + ticks.length;
        continue;
      }
    }
    if (c === "*") {
      const marker = text.startsWith("**", i) ? "**" : "*";
      const end = closingMarker(text, i + marker.length, marker);
      if (end !== -1 && text[i + marker.length] !== " ") {
        flush();
        const children = parseInline(text.slice(i + marker.length, end), ctx);
        out.push(marker === "**" ? { kind: "strong", children } : { kind: "em", children });
        i = end + marker.length;
        continue;
      }
    }
    if (c === "[" || (c === "!" && text[i + 1] === "[")) {
      const image = c === "!";
      const link = readLink(text, image ? i + 1 : i);
      if (link) {
        flush();
        const children = parseInline(link.label, ctx);
        // Images are named, not shown: the docs' screenshots live outside the console.
        const href = image ? null : ctx.resolveLink(link.href);
        if (href === null) out.push(...children);
        else out.push({ kind: "link", href, children });
        i = link.end;
        continue;
      }
    }
    if (c === "<") {
      const auto = /^<(https?:\/\/[^\s<>]+)>/.exec(text.slice(i));
      if (auto?.[1]) {
        flush();
        out.push({ kind: "link", href: auto[1], children: [{ kind: "text", text: auto[1] }] });
        i += auto[0].length;
        continue;
      }
    }
    plain += c;
    i++;
  }
  flush();
  return out;
}

function closingMarker(text: string, from: number, marker: string): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === "`") {
      const end = text.indexOf("`", i + 1);
      if (end === -1) return -1;
      i = end;
    } else if (text.startsWith(marker, i) && text[i - 1] !== " " && (marker === "**" || text[i + 1] !== "*")) {
      return i;
    }
  }
  return -1;
}

/** `[label](href)` at `start`, with brackets nested in the label; null if it is not one. */
function readLink(text: string, start: number): { label: string; href: string; end: number } | null {
  let depth = 0;
  let i = start;
  for (; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === "[") depth++;
    else if (text[i] === "]" && --depth === 0) break;
  }
  if (i >= text.length || text[i + 1] !== "(") return null;
  // The target ends at its matching parenthesis, so a "(" inside it cannot cut it short.
  let close = i + 2;
  for (let open = 1; close < text.length; close++) {
    if (text[close] === "(") open++;
    else if (text[close] === ")" && --open === 0) break;
  }
  if (close >= text.length) return null;
  const href = text.slice(i + 2, close).trim().split(/\s+/)[0] ?? "";
  return { label: text.slice(start + 1, i), href, end: close + 1 };
}

export function plainText(inlines: Inline[]): string {
  return inlines.map((n) => ("children" in n ? plainText(n.children) : n.text)).join("");
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
export function headingId(text: string, seen: Map<string, number>): string {
  const base = text.toLowerCase().trim().replace(/[^\p{L}\p{N}\s_-]/gu, "").replace(/\s/g, "-");
  const count = seen.get(base) ?? 0;
  seen.set(base, count + 1);
  return count === 0 ? base : `${base}-${count}`;
}
