import { useEffect, useMemo, useState } from "react";

import { useFetcher } from "@remix-run/react";

import type { FieldErrors } from "../../features/branding/Branding.server";
import type { loader as previewLoader } from "../app.branding.preview";
import { toPreviewQuery, type BrandingDraft, type PreviewContext } from "./branding-draft";

const TYPING_PAUSE_MS = 300;

/**
 * The live preview of the draft, asked a moment after the merchant stops changing it. The last preview that
 * rendered stays up while the next one loads, or when one fails; field errors and contrast warnings are those of
 * the draft as it is now (none while its preview is on the way).
 */
export function useBrandingPreview(draft: BrandingDraft, { locale, primaryLocale, shop }: PreviewContext) {
  const preview = useFetcher<typeof previewLoader>();
  const query = useMemo(
    () => toPreviewQuery(draft, { locale, primaryLocale, shop }),
    [draft, locale, primaryLocale, shop],
  );
  const [requested, setRequested] = useState<string | null>(null);
  const [html, setHtml] = useState<string | null>(null);
  const { load } = preview;
  useEffect(() => {
    const timer = setTimeout(() => {
      setRequested(query);
      load(`/app/branding/preview?${query}`);
    }, TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [query, load]);

  const answer = preview.data;
  if (answer?.ok && answer.html !== html) setHtml(answer.html);
  const current = requested === query && preview.state === "idle" && answer?.ok ? answer : null;
  return {
    html,
    loading: preview.state !== "idle",
    failed: answer !== undefined && !answer.ok,
    fieldErrors: (current?.fieldErrors ?? {}) as FieldErrors,
    warnings: current?.warnings ?? [],
  };
}
