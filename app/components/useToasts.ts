import { useEffect } from "react";

import { useAppBridge } from "@shopify/app-bridge-react";

import type { Toast } from "./toast";

// Answers already toasted, across remounts: an editor that remounts with the saved data must not toast again.
const shown = new WeakSet<object>();

/**
 * Shows the `toast` of each action or fetcher answer once. Pages pass the answers they own (the route's action
 * data is passed by AdminPage itself).
 */
export function useToasts(...answers: unknown[]) {
  const shopify = useAppBridge();
  useEffect(() => {
    for (const answer of answers) {
      if (typeof answer !== "object" || answer === null || shown.has(answer)) continue;
      const { toast } = answer as { toast?: Toast };
      if (!toast) continue;
      shown.add(answer);
      shopify.toast.show(toast.message, { isError: Boolean(toast.isError) });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the answers themselves are the dependencies
  }, [shopify, ...answers]);
}
