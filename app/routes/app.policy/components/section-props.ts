import type { PolicyFieldErrors } from "../../../features/policy/ReturnPolicy.shared";
import type { PolicyPageData } from "../../../features/policy/return-policy-page.server";
import type { PolicyDraft } from "../policy-draft";

/** What each section of the policy form gets: the draft, a way to change it, and its fields' errors. */
export interface SectionProps {
  data: PolicyPageData;
  draft: PolicyDraft;
  edit: (change: (draft: PolicyDraft) => PolicyDraft) => void;
  /** The last save's refusals, by field path. */
  errors: PolicyFieldErrors;
  /** The error of a field or of anything under it (`resolutions.refund.restockingFee` covers its amount). */
  errorAt: (path: string) => string | undefined;
}
