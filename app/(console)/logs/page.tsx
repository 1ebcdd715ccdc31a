import { LogsPage } from "@/components/logs/logs-page";

export const metadata = { title: "Request logs · Switchyard" };

export default function Page() {
  return <LogsPage />;
}
