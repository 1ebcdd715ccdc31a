import { PoliciesPage } from "@/components/policies/policies-page";

export const metadata = { title: "Policies · Switchyard" };

export default function Page() {
  return <PoliciesPage />;
}
