import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";

import { FAQ_LIMITS } from "../features/faq/Faq.shared";
import { POLICY_LIMITS } from "../features/policy/ReturnPolicy.shared";
import { readAdminForm } from "../platform/admin-form.server";
import { renderMarkdown } from "../platform/render-markdown.server";
import { authenticate } from "../shopify.server";

const previewSchema = z.object({
  markdown: z.string().max(Math.max(FAQ_LIMITS.answerMarkdown, POLICY_LIMITS.policyText)),
});

/** The preview of merchant Markdown (MarkdownField): the sanitized HTML shoppers will get, by the same renderer. */
export const action = async ({ request }: ActionFunctionArgs) => {
  await authenticate.admin(request);
  const parsed = previewSchema.safeParse(await readAdminForm(request));
  if (!parsed.success) return { markdown: "", html: "" };
  return { markdown: parsed.data.markdown, html: renderMarkdown(parsed.data.markdown) };
};
