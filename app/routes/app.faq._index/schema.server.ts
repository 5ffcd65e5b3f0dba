import { z } from "zod";

const ids = z.array(z.string().min(1).max(64)).min(1).max(250);

/** What the FAQ list posts: a bulk change of the selected articles, a move, the starter articles, or publishing again. */
export const listActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.enum(["publish", "unpublish", "delete"]), ids }),
  z.object({ intent: z.literal("move"), id: z.string().min(1).max(64), direction: z.enum(["up", "down"]) }),
  z.object({ intent: z.literal("starter") }),
  // Also posted URL-encoded by the demo's seeding and the benchmarks (`publishThroughApp`), as a merchant's publish.
  z.object({ intent: z.literal("republish") }),
]);

export type ListAction = z.infer<typeof listActionSchema>;
export type ListIntent = ListAction["intent"];
