"use client";

// Who is signed in and with which role, so pages can hide controls the server would refuse.
import { createContext, useContext } from "react";
import { hasRole, type Role } from "@/server/console/schemas/roles";

export interface ConsoleSession {
  email: string;
  tenantId: string;
  tenantName: string;
  role: Role;
}

const SessionContext = createContext<ConsoleSession | null>(null);

export function ConsoleSessionProvider({ session, children }: { session: ConsoleSession; children: React.ReactNode }) {
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useConsoleSession(): ConsoleSession {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useConsoleSession outside the console layout");
  return session;
}

export function useCan(atLeast: Role): boolean {
  return hasRole(useConsoleSession().role, atLeast);
}
