// The first-request snippets the console shows: one call of the gateway with `model: "auto"`,
// per client, with the organisation's own address and key filled in so that a copy runs as is.

export const SNIPPET_CLIENTS = [
  { id: "curl", label: "curl" },
  { id: "openai-js", label: "OpenAI SDK (JS)" },
  { id: "anthropic-js", label: "Anthropic SDK (JS)" },
  { id: "python", label: "Python" },
] as const;

export type SnippetClient = (typeof SNIPPET_CLIENTS)[number]["id"];

/** Stands in for the secret when the page does not know it (it is shown once, at creation). */
export const KEY_PLACEHOLDER = "YOUR_SWITCHYARD_API_KEY";

const PROMPT = "Write a haiku about routers";

// String literals go through JSON.stringify, which is valid JavaScript and Python for the
// printable characters of a URL and a key, so no value can end a quote early.
const literal = (value: string) => JSON.stringify(value);

export function firstRequestSnippet(client: SnippetClient, { origin, apiKey }: { origin: string; apiKey?: string | null }): string {
  const key = apiKey || KEY_PLACEHOLDER;
  const base = origin.replace(/\/+$/, "");
  switch (client) {
    case "curl":
      return [
        `curl ${shellWord(`${base}/v1/chat/completions`)} \\`,
        `  -H ${shellWord(`Authorization: Bearer ${key}`)} \\`,
        `  -H "Content-Type: application/json" \\`,
        `  -d ${shellWord(JSON.stringify({ model: "auto", messages: [{ role: "user", content: PROMPT }] }))}`,
      ].join("\n");
    case "openai-js":
      return [
        `import OpenAI from "openai";`,
        ``,
        `const client = new OpenAI({ baseURL: ${literal(`${base}/v1`)}, apiKey: ${literal(key)} });`,
        `const completion = await client.chat.completions.create({`,
        `  model: "auto",`,
        `  messages: [{ role: "user", content: ${literal(PROMPT)} }],`,
        `});`,
        `console.log(completion.choices[0].message.content);`,
      ].join("\n");
    case "anthropic-js":
      // The Anthropic SDK adds /v1/messages to its base URL itself.
      return [
        `import Anthropic from "@anthropic-ai/sdk";`,
        ``,
        `const client = new Anthropic({ baseURL: ${literal(base)}, apiKey: ${literal(key)} });`,
        `const message = await client.messages.create({`,
        `  model: "auto",`,
        `  max_tokens: 500,`,
        `  messages: [{ role: "user", content: ${literal(PROMPT)} }],`,
        `});`,
        `console.log(message.content);`,
      ].join("\n");
    case "python":
      return [
        `from openai import OpenAI`,
        ``,
        `client = OpenAI(base_url=${literal(`${base}/v1`)}, api_key=${literal(key)})`,
        `completion = client.chat.completions.create(`,
        `    model="auto",`,
        `    messages=[{"role": "user", "content": ${literal(PROMPT)}}],`,
        `)`,
        `print(completion.choices[0].message.content)`,
      ].join("\n");
  }
}

/** One POSIX shell word in single quotes; a quote inside is closed, escaped and reopened. */
function shellWord(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
