import { ModelsPage } from "@/components/models/models-page";

export const metadata = { title: "Models · Switchyard" };

export default function Page() {
  return <ModelsPage />;
}
