// Replaces what looks like a credential or an email address in stored prompts and answers with a
// marker, before they reach the database. Best effort: it knows common shapes (provider keys,
// bearer tokens, AWS keys, private keys, values named like secrets), not every secret.
//
// Every pattern runs in linear time on any input (redact-secrets.test.ts measures it): each one
// starts with a literal or at the start of a run of its characters (a word boundary or a
// lookbehind), so the engine never rescans a run from each of its positions, and no quantified
// group is nested in another. Bodies are capped before they get here.

/** "key" -> "[kK][eE][yY]": with V8's case-insensitive flag instead, the secret-name pattern was tens of times slower on long runs. */
const anyCase = (word: string) => word.replace(/[a-z]/g, (c) => `[${c}${c.toUpperCase()}]`);
const SECRET_NAMES = ["api[_-]?key", "access[_-]?key", "secret(?:[_-]?key)?", "client[_-]?secret", "token", "password", "passwd", "private[_-]?key"].map(anyCase).join("|");

interface Rule {
  pattern: RegExp;
  replace: string;
}

const RULES: Rule[] = [
  // Whole PEM blocks; one without its END line is cut to the end of the text.
  { pattern: /-----BEGIN [A-Z ]{0,40}PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]{0,40}PRIVATE KEY-----|$)/g, replace: "[redacted private key]" },
  // Provider and gateway keys: OpenAI / Anthropic (sk-…, sk-ant-…), ours (sy_…), GitHub, Google, Slack.
  { pattern: /\b(?:sk|sy|rk|pk)[-_][A-Za-z0-9_-]{16,512}/g, replace: "[redacted key]" },
  { pattern: /\bgh[pousr]_[A-Za-z0-9]{30,255}/g, replace: "[redacted key]" },
  { pattern: /\bAIza[0-9A-Za-z_-]{35}/g, replace: "[redacted key]" },
  { pattern: /\bxox[abprs]-[A-Za-z0-9-]{10,255}/g, replace: "[redacted key]" },
  // AWS access key ids.
  { pattern: /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g, replace: "[redacted key]" },
  // HTTP credentials.
  { pattern: /\b([Bb]earer|[Bb]asic)[ \t]+[A-Za-z0-9._~+/=-]{8,4096}/g, replace: "$1 [redacted token]" },
  // A long value named like a secret: api_key=…, "password": "…", secret: … (the name is kept).
  { pattern: new RegExp(`\\b((?:${SECRET_NAMES})["']?[ \\t]*[:=][ \\t]*["']?)[A-Za-z0-9_\\-./+=]{8,512}`, "g"), replace: "$1[redacted]" },
  // Emails: the local part starts where a run of its characters starts (the lookbehind).
  { pattern: /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}\b/g, replace: "[redacted email]" },
];

export function redactSecrets(text: string): string {
  let out = text;
  for (const rule of RULES) out = out.replace(rule.pattern, rule.replace);
  return out;
}
