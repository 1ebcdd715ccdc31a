import { PolicyDetailPage } from "@/components/policies/policy-detail-page";

export const metadata = { title: "Policy · Switchyard" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <PolicyDetailPage id={id} />;
}
