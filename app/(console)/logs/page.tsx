import { Suspense } from "react";
import { LogsPage } from "@/components/logs/logs-page";

export const metadata = { title: "Request logs · Switchyard" };

export default function Page() {
  // The page reads its filters from the URL (useSearchParams).
  return (
    <Suspense>
      <LogsPage />
    </Suspense>
  );
}
