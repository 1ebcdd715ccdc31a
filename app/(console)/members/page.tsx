import { MembersPage } from "@/components/members/members-page";

export const metadata = { title: "Members · Switchyard" };

export default function Page() {
  return <MembersPage />;
}
