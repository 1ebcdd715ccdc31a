import { ProvidersPage } from "@/components/providers/providers-page";

export const metadata = { title: "Providers · Switchyard" };

export default function Page() {
  return <ProvidersPage />;
}
