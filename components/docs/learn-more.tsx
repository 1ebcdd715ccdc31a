import Link from "next/link";
import { docHref, type DocSlug } from "@/server/docs/doc-pages";

/** A link from a console page to the guide that explains it. */
export function LearnMore({ slug, section, children }: { slug: DocSlug; section?: string; children: string }) {
  return <Link href={docHref(slug, section)} className="font-medium text-indigo-700 underline">{children}</Link>;
}
