import { useEffect, useRef, type ReactNode } from "react";

import { useBlocker, useNavigate } from "@remix-run/react";
import { SaveBar, useAppBridge } from "@shopify/app-bridge-react";

import { adminText } from "../../i18n";

export interface EditFormProps {
  /** The App Bridge save bar's id, unique on the page. */
  id: string;
  dirty: boolean;
  saving: boolean;
  onSave: () => void;
  onDiscard: () => void;
  saveLabel?: string;
  discardLabel?: string;
  children: ReactNode;
}

/** Navigation state for a move the page makes itself after saving (e.g. to the new article's URL): never held. */
export const AFTER_SAVE = { leaveUnsaved: true } as const;

/**
 * The frame of every admin form: Shopify's save bar while there are unsaved changes (Save, Discard), and a
 * leave confirmation when the merchant navigates away inside the app with changes unsaved. Shopify's admin asks
 * by itself when the merchant leaves through its own navigation while the save bar shows; moves inside the app
 * (links, back) go through Remix, so they are held here and handed to App Bridge's leave confirmation.
 */
export function EditForm({
  id,
  dirty,
  saving,
  onSave,
  onDiscard,
  saveLabel = adminText.form.save,
  discardLabel = adminText.form.discard,
  children,
}: EditFormProps) {
  const shopify = useAppBridge();
  const navigate = useNavigate();
  const leaving = useRef(false);
  const askedByAdmin = useRef(false);
  const blocker = useBlocker(({ currentLocation, nextLocation }) => {
    const alreadyAsked = askedByAdmin.current;
    askedByAdmin.current = false;
    if (alreadyAsked || leaving.current || !dirty || saving) return false;
    if (currentLocation.pathname === nextLocation.pathname) return false;
    return (nextLocation.state as { leaveUnsaved?: boolean } | null)?.leaveUnsaved !== true;
  });
  // A move from the admin's own menu reaches the app as `shopify:navigate` once the admin has asked (and the merchant
  // chose to leave): asking again would show its dialog twice. Capture runs before the app's navigation handler.
  useEffect(() => {
    const onAdminNavigate = () => {
      askedByAdmin.current = true;
    };
    addEventListener("shopify:navigate", onAdminNavigate, true);
    return () => removeEventListener("shopify:navigate", onAdminNavigate, true);
  }, []);
  useEffect(() => {
    if (blocker.state !== "blocked") return;
    const target = blocker.location;
    // Released at once, so a merchant who chooses to stay can still use the page's links; App Bridge's promise
    // resolves only when they choose to leave (or when no save bar is showing).
    blocker.reset();
    void Promise.resolve(shopify.saveBar.leaveConfirmation?.()).then(() => {
      leaving.current = true;
      navigate(`${target.pathname}${target.search}${target.hash}`, { state: target.state });
    });
  }, [blocker, navigate, shopify]);

  return (
    <>
      <SaveBar id={id} open={dirty}>
        <button variant="primary" onClick={onSave} disabled={saving} {...(saving ? { loading: "" } : {})}>
          {saveLabel}
        </button>
        <button onClick={onDiscard} disabled={saving}>
          {discardLabel}
        </button>
      </SaveBar>
      {children}
    </>
  );
}
