import { useCallback, useState } from "react";

/**
 * A form's draft beside the saved values it started from. When the saved values change (a save reloaded them,
 * or another tab saved), the draft starts again from them; `dirty` says whether the merchant changed anything.
 */
export function useDraft<Draft>(saved: Draft, isDirty: (draft: Draft, saved: Draft) => boolean = differs) {
  const savedKey = JSON.stringify(saved);
  const [draft, setDraft] = useState<Draft>(saved);
  const [baselineKey, setBaselineKey] = useState(savedKey);
  if (baselineKey !== savedKey) {
    // React's "adjust state when a prop changes" pattern: no effect, no flash of stale values.
    setBaselineKey(savedKey);
    setDraft(saved);
  }
  const update = useCallback((patch: Partial<Draft>) => setDraft((previous) => ({ ...previous, ...patch })), []);
  const reset = useCallback(() => setDraft(JSON.parse(savedKey) as Draft), [savedKey]);
  return { draft, setDraft, update, reset, dirty: isDirty(draft, saved) };
}

function differs<Draft>(draft: Draft, saved: Draft) {
  return JSON.stringify(draft) !== JSON.stringify(saved);
}
