import type { BrandingDraft } from "../branding-draft";

/** What each card of the branding form gets: the draft, a way to change it, and its fields' errors. */
export interface BrandingFormProps {
  draft: BrandingDraft;
  edit: (change: (draft: BrandingDraft) => BrandingDraft) => void;
  errorText: (field: string) => string | undefined;
}
