import { z } from "zod";

/** A request's page posts one thing: resolve it or reopen it (the id is the page's own). */
export const requestActionSchema = z.object({
  id: z.string().min(1).max(64),
  intent: z.enum(["resolve", "reopen"]),
});
