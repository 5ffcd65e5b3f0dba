import { z } from "zod";

import { FAQ_LIMITS } from "../../features/faq/Faq.shared";

/** The whole category list, in order (`categoriesInput`); titles are checked by `saveCategories`. */
export const categoriesActionSchema = z.object({
  categories: z
    .array(
      z.object({
        id: z.string().max(64).optional(),
        titles: z.record(z.string().max(20), z.string().max(FAQ_LIMITS.categoryTitle * 2)),
      }),
    )
    .max(FAQ_LIMITS.categories),
});

/** The field error for a list the schema refused: too long a list is the merchant's to fix; the rest is not. */
export function refusedListError(error: z.ZodError): string {
  const tooMany = error.issues.some((issue) => issue.code === "too_big" && issue.path.join(".") === "categories");
  return tooMany ? "tooManyCategories" : "invalidRequest";
}
