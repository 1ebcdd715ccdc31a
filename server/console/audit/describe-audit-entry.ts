// An audit entry in words ("Ana (ana@x.com) revoked key “ci-bot”") and its changes as a compact
// before/after list, for the Audit page and its CSV export alike. Pure: the lister resolves the
// people and keys an entry names and passes them in.
import { auditChanges, formatAuditValue, type AuditChange } from "./audit-changes";

export type AuditDetails = Record<string, unknown>;

/** Who acted: a member (by name and email), an admin API key (by name), or nobody (the system). */
export type AuditActor =
  | { kind: "user"; name: string | null; email: string }
  | { kind: "key"; name: string }
  | { kind: "former" }
  | { kind: "system" };

export interface AuditEntryInput {
  action: string;
  targetType: string;
  targetId: string | null;
  details: AuditDetails | null;
  actor: AuditActor;
  /** The member an entry about a user (role change, removal) is about, when they still exist. */
  targetUser?: { name: string | null; email: string } | null;
}

export interface DescribedAuditEntry {
  actor: string;
  /** The whole sentence, actor first. */
  summary: string;
  /** The object's name as a person knows it ("key “ci-bot”"). */
  object: string;
  changes: AuditChange[];
}

const quote = (value: unknown) => `“${typeof value === "string" && value ? value : "unnamed"}”`;
const text = (value: unknown, fallback: string) => (typeof value === "string" && value ? value : fallback);

export function describeActor(actor: AuditActor): string {
  switch (actor.kind) {
    case "user":
      return actor.name ? `${actor.name} (${actor.email})` : actor.email;
    case "key":
      return `API key ${quote(actor.name)}`;
    case "former":
      return "A former member";
    case "system":
      return "Switchyard";
  }
}

function personLabel(entry: AuditEntryInput): string {
  const user = entry.targetUser;
  if (user) return user.name ? `${user.name} (${user.email})` : user.email;
  return "a former member";
}

/** The object an entry is about, named the way the console names it. */
function objectLabel(entry: AuditEntryInput): string {
  const d = entry.details ?? {};
  switch (entry.targetType) {
    case "api_key":
      return `key ${quote(d.name)}`;
    case "policy":
      return `policy ${quote(d.name)}`;
    case "team":
      return `team ${quote(d.name ?? (d.to as AuditDetails | undefined)?.name)}`;
    case "webhook":
      return `webhook ${quote(d.name)}`;
    case "model":
      return `model ${quote(entry.targetId)}`;
    case "provider_credential":
      return `the ${text(d.provider, "provider")} credential`;
    case "invite":
      return d.email ? `the invite for ${text(d.email, "")}` : "an open invite link";
    case "user":
      return personLabel(entry);
    case "alert":
      return `alert ${quote(d.title)}`;
    case "request":
      return `request ${text(entry.targetId, "")}`;
    case "tenant":
      return "the organisation";
    case "sso_domain":
      return `domain ${text(d.domain, "")}`;
    default:
      return entry.targetType.replaceAll("_", " ");
  }
}

type Phrase = (object: string, d: AuditDetails) => string;

const role = (value: unknown) => text(value, "member");

/**
 * One phrase per action the console and the admin API write; the words after the actor. A unit
 * test checks that every action written anywhere in the server has one.
 */
const PHRASES: Record<string, Phrase> = {
  "tenant.created": (_o, d) => `created the organisation ${quote(d.name)}`,
  "tenant.seeded": () => "filled the organisation with demo data",
  "tenant.renamed": (_o, d) => `renamed the organisation ${quote(d.from)} to ${quote(d.to)}`,
  "tenant.learning_reset": () => "reset what routing has learned",
  "tenant.evaluation_budget_set": (_o, d) =>
    d.to === null || d.to === undefined ? "turned evaluations off" : `set the monthly evaluation budget to $${formatAuditValue(d.to)}`,
  "tenant.drift_settings_set": () => "changed the drift alert settings",
  "team.created": (o) => `created ${o}`,
  "team.updated": (o) => `changed ${o}`,
  "team.deleted": (o) => `deleted ${o}`,
  "provider_credential.added": (o) => `added ${o}`,
  "provider_credential.rotated": (o) => `replaced ${o}`,
  "provider_credential.removed": (o) => `removed ${o}`,
  "provider_credential.tested": (o, d) => `tested ${o}: ${d.ok ? "it worked" : "it failed"}`,
  "policy.created": (o, d) => `created ${o} version ${formatAuditValue(d.version ?? 1)}`,
  "policy.updated": (o, d) => `saved ${o} version ${formatAuditValue(d.version)}`,
  "policy.restored": (o, d) => `restored ${o} to version ${formatAuditValue(d.restoredVersion)}, saved as version ${formatAuditValue(d.version)}`,
  "policy.set_default": (o) => `made ${o} the default`,
  "request.feedback": (o, d) => `gave feedback on ${o}${d.score === undefined ? "" : ` (score ${formatAuditValue(d.score)})`}`,
  "model.created": (o) => `added ${o}`,
  "model.updated": (o) => `changed ${o}`,
  "model.overridden": (o) => `changed ${o} for this organisation`,
  "model.deprecated": (o, d) => `deprecated ${o}${d.replacementSlug ? `, replaced by ${quote(d.replacementSlug)}` : ""}`,
  "model.undeprecated": (o) => `took the deprecation off ${o}`,
  "invite.created": (_o, d) => `invited ${text(d.email, "anyone with the link")} as ${role(d.role)}`,
  "invite.revoked": (o) => `revoked ${o}`,
  "invite.accepted": (_o, d) => `accepted an invite and joined as ${role(d.role)}`,
  "member.role_changed": (o, d) => `changed the role of ${o} from ${role(d.from)} to ${role(d.to)}`,
  "member.removed": (o) => `removed ${o} from the organisation`,
  "member.joined_by_domain": (_o, d) => `joined through single sign-on (domain ${text(d.domain, "")}) as ${role(d.role)}`,
  "webhook.created": (o) => `created ${o}`,
  "webhook.enabled": (o) => `turned on ${o}`,
  "webhook.disabled": (o) => `turned off ${o}`,
  "webhook.secret_rotated": (o) => `replaced the signing secret of ${o}`,
  "webhook.deleted": (o) => `deleted ${o}`,
  "webhook.tested": (o, d) => `tested ${o}: ${d.ok ? "it answered" : "it failed"}${d.httpStatus ? ` with HTTP ${formatAuditValue(d.httpStatus)}` : ""}`,
  "alert.acknowledged": (o) => `acknowledged ${o}`,
  "alert.resolved": (o) => `resolved ${o}`,
  "api_key.created": (o) => `created ${o}`,
  "api_key.rotated": (o) => `rotated ${o}`,
  "api_key.limits_updated": (o) => `changed the limits of ${o}`,
  "api_key.revoked": (o) => `revoked ${o}`,
  "sso_domain.added": (o, d) => `let people from ${o} sign in with single sign-on as ${role(d.role)}`,
  "sso_domain.removed": (o) => `stopped single sign-on from ${o}`,
};

/** Every action with words, for the action filter. */
export const DESCRIBED_AUDIT_ACTIONS = Object.keys(PHRASES);

export function describeAuditEntry(entry: AuditEntryInput): DescribedAuditEntry {
  const actor = describeActor(entry.actor);
  const object = objectLabel(entry);
  const phrase = PHRASES[entry.action];
  const words = phrase ? phrase(object, entry.details ?? {}) : `${entry.action.replaceAll(/[._]/g, " ")} on ${object}`;
  return { actor, summary: `${actor} ${words}`, object, changes: auditChanges(entry.action, entry.details) };
}
