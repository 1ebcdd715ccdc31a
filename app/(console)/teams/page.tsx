import { TeamsPage } from "@/components/teams/teams-page";

export const metadata = { title: "Teams · Switchyard" };

export default function Page() {
  return <TeamsPage />;
}
