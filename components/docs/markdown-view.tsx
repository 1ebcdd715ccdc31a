// Draws a parsed doc as React elements: every text goes through React, which escapes it, so
// nothing in a doc becomes markup.
import Link from "next/link";
import type { ReactNode } from "react";
import type { Block, Inline } from "@/server/docs/parse-markdown";

const HEADING_CLASS = ["", "text-2xl font-semibold", "mt-8 text-xl font-semibold", "mt-6 text-lg font-semibold", "mt-4 font-semibold", "mt-4 font-semibold", "mt-4 font-semibold"];

export function MarkdownView({ blocks }: { blocks: Block[] }) {
  return <div className="space-y-3 break-words text-sm leading-relaxed text-slate-800">{blocks.map(renderBlock)}</div>;
}

function renderBlock(block: Block, key: number): ReactNode {
  switch (block.kind) {
    case "heading": {
      const Tag = `h${block.level}` as "h1";
      return <Tag key={key} id={block.id} className={`scroll-mt-4 ${HEADING_CLASS[block.level]}`}>{renderInlines(block.children)}</Tag>;
    }
    case "paragraph":
      return <p key={key}>{renderInlines(block.children)}</p>;
    case "code":
      return (
        <pre key={key} tabIndex={0} aria-label={block.language ? `${block.language} example` : "Example"} className="overflow-x-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100">
          <code>{block.text}</code>
        </pre>
      );
    case "list": {
      const items = block.items.map((item, i) => <li key={i} className="space-y-2">{item.map(renderBlock)}</li>);
      return block.ordered
        ? <ol key={key} start={block.start} className="list-decimal space-y-1 pl-6">{items}</ol>
        : <ul key={key} className="list-disc space-y-1 pl-6">{items}</ul>;
    }
    case "table":
      // Wide tables scroll inside themselves rather than widening the page, and can be
      // scrolled from the keyboard.
      return (
        <div key={key} tabIndex={0} role="region" aria-label="Table" className="overflow-x-auto">
          <table className="min-w-full border-collapse text-left text-xs">
            <thead><tr>{block.head.map((cell, i) => <th key={i} className="border-b border-slate-300 px-2 py-1.5 font-semibold">{renderInlines(cell)}</th>)}</tr></thead>
            <tbody>{block.rows.map((row, r) => <tr key={r} className="border-b border-slate-100">{row.map((cell, c) => <td key={c} className="px-2 py-1.5 align-top">{renderInlines(cell)}</td>)}</tr>)}</tbody>
          </table>
        </div>
      );
    case "quote":
      return <blockquote key={key} className="space-y-2 border-l-4 border-slate-200 pl-3 text-slate-600">{block.children.map(renderBlock)}</blockquote>;
    case "rule":
      return <hr key={key} className="border-slate-200" />;
  }
}

function renderInlines(nodes: Inline[]): ReactNode[] {
  return nodes.map((node, i) => {
    switch (node.kind) {
      case "text":
        return node.text;
      case "code":
        return <code key={i} className="rounded bg-slate-100 px-1 font-mono text-[0.85em]">{node.text}</code>;
      case "strong":
        return <strong key={i}>{renderInlines(node.children)}</strong>;
      case "em":
        return <em key={i}>{renderInlines(node.children)}</em>;
      case "link":
        return node.href.startsWith("/")
          ? <Link key={i} href={node.href} className="text-indigo-700 underline">{renderInlines(node.children)}</Link>
          : <a key={i} href={node.href} className="text-indigo-700 underline" {...(node.href.startsWith("#") ? {} : { target: "_blank", rel: "noopener noreferrer" })}>{renderInlines(node.children)}</a>;
    }
  });
}
