import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseMarkdown, type Block, type Inline } from "./parse-markdown";
import { DOC_PAGES, resolveDocLink } from "./doc-pages";

const parse = (source: string) => parseMarkdown(source, resolveDocLink);
const text = (value: string): Inline => ({ kind: "text", text: value });

describe("parseMarkdown", () => {
  it("reads headings with GitHub's anchors, paragraphs and inline marks", () => {
    expect(parse("# Gateway API\n\n## Errors & limits\n\nSend **`model: auto`** and *see*\n[Routing](ROUTING.md#categories).\n\n## Errors & limits")).toEqual([
      { kind: "heading", level: 1, id: "gateway-api", children: [text("Gateway API")] },
      { kind: "heading", level: 2, id: "errors--limits", children: [text("Errors & limits")] },
      { kind: "paragraph", children: [
        text("Send "), { kind: "strong", children: [{ kind: "code", text: "model: auto" }] }, text(" and "), { kind: "em", children: [text("see")] }, text("\n"),
        { kind: "link", href: "/docs/routing#categories", children: [text("Routing")] }, text("."),
      ] },
      { kind: "heading", level: 2, id: "errors--limits-1", children: [text("Errors & limits")] },
    ] satisfies Block[]);
  });

  it("keeps raw HTML as text and drops links it cannot serve safely", () => {
    const [paragraph] = parse(`<script>alert(1)</script> [x](javascript:alert(1)) [readme](../README.md) ![shot](images/a.png) <https://example.com>`);
    expect(paragraph).toEqual({ kind: "paragraph", children: [
      text("<script>alert(1)</script> "), text("x"), text(" "), text("readme"), text(" "), text("shot"), text(" "),
      { kind: "link", href: "https://example.com", children: [text("https://example.com")] },
    ] });
  });

  it("reads fenced code verbatim, tables with pipes in code, quotes and rules", () => {
    expect(parse("```sh\ncurl -d '**not bold**' \\\n  x\n```\n\n| a | b |\n|---|:-:|\n| `x|y` | 2 \\| 3 |\n\n> note\n\n---")).toEqual([
      { kind: "code", language: "sh", text: "curl -d '**not bold**' \\\n  x" },
      { kind: "table", head: [[text("a")], [text("b")]], rows: [[[{ kind: "code", text: "x|y" }], [text("2 | 3")]]] },
      { kind: "quote", children: [{ kind: "paragraph", children: [text("note")] }] },
      { kind: "rule" },
    ] satisfies Block[]);
  });

  it("reads lists with continuation lines, nested lists and numbered starts", () => {
    expect(parse("- one\n  more\n  - nested\n- two\n\n3. three\n4. four")).toEqual([
      { kind: "list", ordered: false, start: 1, items: [
        [{ kind: "paragraph", children: [text("one\nmore")] }, { kind: "list", ordered: false, start: 1, items: [[{ kind: "paragraph", children: [text("nested")] }]] }],
        [{ kind: "paragraph", children: [text("two")] }],
      ] },
      { kind: "list", ordered: true, start: 3, items: [[{ kind: "paragraph", children: [text("three")] }], [{ kind: "paragraph", children: [text("four")] }]] },
    ] satisfies Block[]);
  });

  it("reads every served doc, and each doc's links to other docs resolve to served anchors", () => {
    const docsDir = path.resolve(import.meta.dirname, "../../docs");
    const files = readdirSync(docsDir);
    for (const page of DOC_PAGES) expect(files, page.file).toContain(page.file);
    const anchors = new Map<string, Set<string>>();
    const links: string[] = [];
    const walk = (blocks: Block[], slug: string) => {
      for (const block of blocks) {
        if (block.kind === "heading") anchors.get(slug)!.add(block.id);
        const inlines = block.kind === "paragraph" || block.kind === "heading" ? [block.children] : block.kind === "table" ? [...block.head, ...block.rows.flat()] : [];
        const visit = (nodes: Inline[]) => nodes.forEach((n) => (n.kind === "link" && n.href.startsWith("/docs/") ? links.push(n.href) : "children" in n && visit(n.children)));
        inlines.forEach(visit);
        if (block.kind === "list") block.items.forEach((item) => walk(item, slug));
        if (block.kind === "quote") walk(block.children, slug);
      }
    };
    for (const page of DOC_PAGES) {
      anchors.set(page.slug, new Set());
      walk(parse(readFileSync(path.join(docsDir, page.file), "utf8")), page.slug);
    }
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      const [, slug = "", section] = /^\/docs\/([\w-]+)(?:#(.*))?$/.exec(link)!;
      expect(anchors.has(slug), link).toBe(true);
      if (section) expect(anchors.get(slug)!.has(section), link).toBe(true);
    }
  });
});
