// Reads a doc's Markdown from the docs/ folder beside the app; only files listed in DOC_PAGES
// can be read, so a slug from the address never becomes a path.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { docPage, resolveDocLink } from "./doc-pages";
import { parseMarkdown, type Block } from "./parse-markdown";

export async function readDoc(slug: string, docsDir = path.join(process.cwd(), "docs")): Promise<{ title: string; blocks: Block[] } | null> {
  const page = docPage(slug);
  if (!page) return null;
  const source = await readFile(path.join(docsDir, page.file), "utf8");
  return { title: page.title, blocks: parseMarkdown(source, resolveDocLink) };
}
