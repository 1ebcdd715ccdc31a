// Writes the demo history's evidence in a few batched inserts (the seed runs at every fresh start).
import type { Prisma, PrismaClient } from "../db/generated/client";
import type { DemoEvidence } from "./demo-evidence";

const BATCH = 1000;

async function inBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let at = 0; at < rows.length; at += BATCH) await insert(rows.slice(at, at + BATCH));
}

export async function writeDemoEvidence(db: PrismaClient, evidence: DemoEvidence): Promise<void> {
  await inBatches(evidence.feedback, (data) => db.feedback.createMany({ data }));
  await inBatches(evidence.evaluations, (data) => db.evaluation.createMany({ data }));
  // Events last: a judgement names its evaluation row, feedback its feedback row.
  await inBatches(evidence.events, (data) => db.learningEvent.createMany({ data: data.map((e) => ({ ...e, payload: e.payload as Prisma.InputJsonObject })) }));
}
