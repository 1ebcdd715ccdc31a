import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { limitRequestBody } from "./limit-request-body";

const echo = limitRequestBody(async (request: NextRequest) => new Response(await request.text()), 1024);
const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  echo(new NextRequest("http://localhost/api/auth/callback/credentials", { method: "POST", body, headers, duplex: "half" } as ConstructorParameters<typeof NextRequest>[1]), {});

describe("request body limit", () => {
  it("hands a body within the cap on unchanged", async () => {
    const res = await post("email=a%40b.test&password=x");
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("email=a%40b.test&password=x");
  });

  it("refuses a larger body by its declared length or as it streams in", async () => {
    expect((await post("x", { "content-length": "5000" })).status).toBe(413);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 4; i++) controller.enqueue(new Uint8Array(512).fill(120));
        controller.close();
      },
    });
    expect((await post(stream)).status).toBe(413);
  });
});
