// One delivery attempt: a signed POST through the same HTTP client as provider calls, so the
// same outbound rules hold on connect (guard-upstream-address.ts: public addresses only unless
// the operator allows the host) and a redirect is never followed. The outcome is described in
// our own words: never the receiver's body, never an exception's text.
import { AbortScope } from "../providers/abort-scope";
import { DESCRIPTIONS, ONLY_PUBLIC, UpstreamAddressRefused } from "../providers/guard-upstream-address";
import { sendUpstreamRequest } from "../providers/upstream-http";
import { SIGNATURE_HEADER, signatureHeader } from "./webhook-signature";
import type { WebhookEvent } from "./webhook-payload";

/** A slow receiver holds a sending slot at most this long, body included. */
export const WEBHOOK_TIMEOUT_MS = 5_000;

export type SendRequest = typeof sendUpstreamRequest;

export type AttemptOutcome = { ok: true; httpStatus: number } | { ok: false; httpStatus: number | null; error: string };

export interface OutgoingWebhook {
  url: string;
  secret: string;
  eventId: string;
  event: WebhookEvent;
  body: string;
}

const CONNECTION_ERRORS: Record<string, string> = {
  ENOTFOUND: "The host name does not resolve",
  EAI_AGAIN: "The host name does not resolve",
  ECONNREFUSED: "The connection was refused",
  ECONNRESET: "The connection was reset",
  EHOSTUNREACH: "The host is unreachable",
  ENETUNREACH: "The network is unreachable",
};

function describeFailure(error: unknown): string {
  if (error instanceof UpstreamAddressRefused) return `The URL's host is ${DESCRIPTIONS[error.refusal]}; ${ONLY_PUBLIC}`;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === "string" && CONNECTION_ERRORS[code]) return CONNECTION_ERRORS[code];
  if (typeof code === "string" && /CERT|TLS|SSL/.test(code)) return "The TLS handshake failed (certificate not accepted)";
  return "The connection failed";
}

export function describeStatus(status: number): string {
  if (status >= 300 && status < 400) return `The receiver answered HTTP ${status}; redirects are not followed`;
  return `The receiver answered HTTP ${status}`;
}

async function discardBody(chunks: AsyncIterable<Uint8Array>): Promise<void> {
  for await (const _chunk of chunks) return;
}

export async function postWebhook(hook: OutgoingWebhook, now: Date, { send = sendUpstreamRequest, timeoutMs = WEBHOOK_TIMEOUT_MS }: { send?: SendRequest; timeoutMs?: number } = {}): Promise<AttemptOutcome> {
  const scope = new AbortScope();
  const timeout = new Error("webhook timeout");
  const timer = setTimeout(() => scope.abort(timeout), timeoutMs);
  try {
    const response = await send(
      hook.url,
      {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "user-agent": "Switchyard-Webhooks/1",
          "x-switchyard-event": hook.event,
          "x-switchyard-event-id": hook.eventId,
          [SIGNATURE_HEADER]: signatureHeader(hook.secret, hook.body, now),
        },
        body: hook.body,
      },
      scope,
    );
    // The body means nothing to us: stop at its first chunk (which closes the connection), and
    // a body that stalls until the timeout does not change the answer already received.
    await discardBody(response.chunks()).catch(() => undefined);
    return response.ok ? { ok: true, httpStatus: response.status } : { ok: false, httpStatus: response.status, error: describeStatus(response.status) };
  } catch (error) {
    return { ok: false, httpStatus: null, error: error === timeout ? `No answer within ${timeoutMs / 1000} s` : describeFailure(error) };
  } finally {
    clearTimeout(timer);
  }
}
