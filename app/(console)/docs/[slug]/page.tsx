import Link from "next/link";
import { notFound } from "next/navigation";
import { MarkdownView } from "@/components/docs/markdown-view";
import { docPage } from "@/server/docs/doc-pages";
import { readDoc } from "@/server/docs/read-doc";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props) {
  const page = docPage((await params).slug);
  return { title: `${page?.title ?? "Docs"} · Switchyard` };
}

export default async function DocPage({ params }: Props) {
  const doc = await readDoc((await params).slug);
  if (!doc) notFound();
  return (
    <article className="max-w-3xl">
      <nav aria-label="Breadcrumb" className="mb-4 text-sm">
        <Link href="/docs" className="text-indigo-700 underline">Docs</Link> <span aria-hidden="true">/</span> {doc.title}
      </nav>
      <MarkdownView blocks={doc.blocks} />
    </article>
  );
}
