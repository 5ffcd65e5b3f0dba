import { z } from "zod";

import { FAQ_LIMITS } from "../../features/faq/Faq.shared";

/**
 * What the article editor posts: "delete", or "save" with the article's flat fields (`articleFormFields`), whose
 * rules (`parseArticleForm`) answer as field errors. The cap only refuses a body no editor could send.
 */
export const articleActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("delete") }),
  z.object({ intent: z.literal("save") }).catchall(z.string().max(FAQ_LIMITS.answerMarkdown * 2)),
]);
