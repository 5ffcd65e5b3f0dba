import type { Prisma, PrismaClient } from "@prisma/client";

/** The client or an open transaction: models take one so a caller can group writes atomically. */
export type Db = PrismaClient | Prisma.TransactionClient;

/** Prisma's unique-constraint error (P2002), from either provider's generated client. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}
