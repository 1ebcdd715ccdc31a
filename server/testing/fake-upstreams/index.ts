export { startFakeOpenAI, openAIDialect } from "./fake-openai";
export { startFakeAnthropic, anthropicDialect } from "./fake-anthropic";
export { startFakeGemini, geminiDialect } from "./fake-gemini";
export { startFakeServer, sseFrame } from "./start-fake-server";
export type { Dialect, Fault, FakeUpstream, FakeUpstreamOptions, RecordedRequest, ScriptedReply } from "./start-fake-server";
export { startScriptedServer, type ScriptedResponse } from "./start-scripted-server";
