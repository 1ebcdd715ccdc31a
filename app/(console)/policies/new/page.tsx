import { NewPolicyPage } from "@/components/policies/new-policy-page";

export const metadata = { title: "New policy · Switchyard" };

export default function Page() {
  return <NewPolicyPage />;
}
