// A strict reader of Prometheus' text exposition format (version 0.0.4), for tests: every line
// must be a HELP, a TYPE, a comment or a sample with well-formed, escaped labels, else it throws.
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
const HELP = new RegExp(`^# HELP (${NAME}) (.*)$`);
const TYPE = new RegExp(`^# TYPE (${NAME}) (counter|gauge|histogram|summary|untyped)$`);
const SAMPLE = new RegExp(`^(${NAME})(?:\\{(.*)\\})? (\\S+)(?: -?\\d+)?$`);
// A label value: anything but a quote, backslash or newline, or one of the three escapes.
const LABEL = /^([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\\n]|\\\\|\\"|\\n)*)"(,|$)/;

function unescape(value: string): string {
  return value.replace(/\\(\\|"|n)/g, (_, c: string) => (c === "n" ? "\n" : c));
}

function parseLabels(text: string, line: string): Record<string, string> {
  const labels: Record<string, string> = {};
  let rest = text;
  while (rest !== "") {
    const match = LABEL.exec(rest);
    if (!match) throw new Error(`malformed labels: ${line}`);
    labels[match[1]!] = unescape(match[2]!);
    rest = rest.slice(match[0].length);
  }
  return labels;
}

function parseValue(text: string, line: string): number {
  if (text === "+Inf") return Infinity;
  if (text === "-Inf") return -Infinity;
  if (text === "NaN") return NaN;
  const value = Number(text);
  if (!Number.isFinite(value)) throw new Error(`malformed value: ${line}`);
  return value;
}

export function parseExposition(text: string): { samples: Sample[]; helps: Map<string, string>; types: Map<string, string> } {
  const samples: Sample[] = [];
  const helps = new Map<string, string>();
  const types = new Map<string, string>();
  for (const line of text.split("\n")) {
    if (line === "") continue;
    const help = HELP.exec(line);
    if (help) helps.set(help[1]!, help[2]!);
    const type = TYPE.exec(line);
    if (type) types.set(type[1]!, type[2]!);
    if (help || type || (line.startsWith("#") && !/^# (HELP|TYPE) /.test(line))) continue;
    const sample = SAMPLE.exec(line);
    if (!sample) throw new Error(`malformed line: ${line}`);
    const name = sample[1]!;
    const family = name.replace(/_(bucket|sum|count)$/, "");
    if (!types.has(name) && !types.has(family)) throw new Error(`sample before its TYPE: ${line}`);
    samples.push({ name, labels: parseLabels(sample[2] ?? "", line), value: parseValue(sample[3]!, line) });
  }
  return { samples, helps, types };
}
