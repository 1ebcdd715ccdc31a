// The key form's policy choices. A key without a policy follows whichever policy is the
// organisation's default at the time of each request; that is one choice, named with the
// policy it means today, and the default policy is not listed a second time under its own name.
import type { ComboOption } from "@/components/ui/combobox-options";

interface PolicySummary {
  id: string;
  name: string;
  isDefault: boolean;
}

export function policyChoices(policies: readonly PolicySummary[]): { emptyLabel: string; options: ComboOption[] } {
  const current = policies.find((p) => p.isDefault);
  return {
    emptyLabel: current ? `Organisation default (now ${current.name})` : "Organisation default",
    options: policies.filter((p) => !p.isDefault).map((p) => ({ value: p.id, label: p.name })),
  };
}
