import { Suspense } from "react";
import { AuditPage } from "@/components/audit/audit-page";

export const metadata = { title: "Audit log · Switchyard" };

export default function Page() {
  // The page reads its filters from the URL (useSearchParams).
  return (
    <Suspense>
      <AuditPage />
    </Suspense>
  );
}
