import { AlertsPage } from "@/components/alerts/alerts-page";
import { WebhooksPanel } from "@/components/alerts/webhooks-panel";

export const metadata = { title: "Alerts · Switchyard" };

export default function Page() {
  return (
    <>
      <AlertsPage />
      <WebhooksPanel />
    </>
  );
}
