import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { DOC_PAGES } from "@/server/docs/doc-pages";

export const metadata = { title: "Docs · Switchyard" };

export default function DocsIndexPage() {
  return (
    <>
      <PageHeader title="Docs" description="How to call the gateway, write routing policies and run Switchyard." />
      <ul className="grid gap-3 sm:grid-cols-2">
        {DOC_PAGES.map((page) => (
          <li key={page.slug}>
            <Link href={`/docs/${page.slug}`} className="block h-full rounded-lg border border-slate-200 bg-white p-4 hover:border-indigo-300 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-400">
              <span className="font-medium text-indigo-700">{page.title}</span>
              <span className="mt-1 block text-sm text-slate-500">{page.summary}</span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
