import { describe, expect, it } from "vitest";

import prisma from "../app/db.server";

// Guards the two-provider setup itself: a run meant for PostgreSQL must really talk to PostgreSQL.
describe("the database under test", () => {
  it("is the provider this run asked for", async () => {
    if (process.env.TEST_DATABASE === "postgres") {
      const [row] = await prisma.$queryRaw<{ version: string }[]>`SELECT version() AS version`;
      expect(row?.version).toMatch(/^PostgreSQL 1[5-9]/);
    } else {
      const [row] = await prisma.$queryRaw<{ version: string }[]>`SELECT sqlite_version() AS version`;
      expect(row?.version).toMatch(/^3\./);
    }
  });
});
