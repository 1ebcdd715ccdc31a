import NextAuth from "next-auth";
import { authOptions } from "@/server/auth/auth-options";
import { limitRequestBody } from "@/server/http/limit-request-body";

const handler = NextAuth(authOptions);
// Sign-in and sign-out posts are a few hundred bytes of form fields.
const AUTH_MAX_BODY_BYTES = 64 * 1024;

export { handler as GET };
export const POST = limitRequestBody(handler, AUTH_MAX_BODY_BYTES);
export const dynamic = "force-dynamic";
