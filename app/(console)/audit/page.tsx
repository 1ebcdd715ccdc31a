import { AuditPage } from "@/components/audit/audit-page";

export const metadata = { title: "Audit log · Switchyard" };

export default function Page() {
  return <AuditPage />;
}
