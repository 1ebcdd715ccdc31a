import { KeysPage } from "@/components/keys/keys-page";

export const metadata = { title: "API keys · Switchyard" };

export default function Page() {
  return <KeysPage />;
}
