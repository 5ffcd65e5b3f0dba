import { describe, expect, it, vi } from "vitest";

import type { BrandingDocument } from "../../features/branding/Branding.server";
import { inFormOrder, toBrandingDraft, toBrandingForm, toPreviewQuery, withTexts } from "./branding-draft";

// The branding model reads the app's configuration when loaded (it owns the database access too).
await vi.hoisted(async () => {
  const { TEST_APP_ENV } = await import("../../../test/app-env");
  Object.assign(process.env, TEST_APP_ENV);
});
const { brandingToForm, parseBrandingForm } = await import("../../features/branding/Branding.server");
const { CONTACT_OPTIONS, PORTAL_MODULES } = await import("../../features/branding/Branding.shared");

const LOCALES = [
  { locale: "en", primary: true },
  { locale: "fr", primary: false },
  { locale: "de", primary: false },
];

const SAVED: BrandingDocument = {
  accentColor: "#aa0055",
  textOnAccentColor: "#ffffff",
  radius: 12,
  density: "compact",
  modules: { tracking: true, returns: false, faq: true, contact: true },
  contact: { email: false, orderRequired: true },
  texts: {
    en: { heading: "Help centre", intro: "Track, return, ask." },
    fr: { heading: "Centre d’aide", intro: "" },
    // A language the shop no longer publishes: kept for when it comes back.
    it: { heading: "Assistenza", intro: "" },
  },
};

/** Saving the fields as the server does: what the merchant finds on the page afterwards. */
function save(form: Record<string, string>) {
  const result = parseBrandingForm(form, LOCALES, SAVED);
  if (!result.ok) throw new Error(`Refused: ${JSON.stringify(result.fieldErrors)}`);
  return result.value;
}

describe("the branding form", () => {
  it("saves untouched branding exactly as it was stored", () => {
    // A shop language without texts of its own is stored blank: the portal's wording, as before.
    const blank = { heading: "", intro: "" };
    expect(save(toBrandingForm(toBrandingDraft(SAVED, LOCALES)))).toEqual({
      ...SAVED,
      texts: { ...SAVED.texts, de: blank },
    });
  });

  it("posts the fields the branding model writes for the same branding", () => {
    expect(toBrandingForm(toBrandingDraft(SAVED, LOCALES))).toEqual(brandingToForm(SAVED, LOCALES));
  });

  it("shows every shop language, blank where the portal keeps its own wording", () => {
    const draft = toBrandingDraft(SAVED, LOCALES);
    expect(draft.texts).toEqual({
      en: { heading: "Help centre", intro: "Track, return, ask." },
      fr: { heading: "Centre d’aide", intro: "" },
      de: { heading: "", intro: "" },
    });
    expect(draft.modules).toEqual(["tracking", "faq", "contact"]);
    expect(draft.contact).toEqual(["orderRequired"]);
  });

  it("saves unticked sections and contact options as off, and new texts in their language", () => {
    let draft = toBrandingDraft(SAVED, LOCALES);
    draft = {
      ...draft,
      modules: inFormOrder(PORTAL_MODULES, ["faq", "returns"]),
      contact: inFormOrder(CONTACT_OPTIONS, ["email"]),
      radius: 0,
    };
    draft = withTexts(draft, "de", { heading: "Hilfe" });
    const saved = save(toBrandingForm(draft));
    expect(saved.modules).toEqual({ tracking: false, returns: true, faq: true, contact: false });
    expect(saved.contact).toEqual({ email: true, orderRequired: false });
    expect(saved.radius).toBe(0);
    expect(saved.texts.de).toEqual({ heading: "Hilfe", intro: "" });
    expect(saved.texts.it).toEqual(SAVED.texts.it);
  });

  it("counts the same choice ticked in another order as no change", () => {
    const draft = toBrandingDraft(SAVED, LOCALES);
    expect(inFormOrder(PORTAL_MODULES, ["contact", "faq", "tracking"])).toEqual(draft.modules);
  });

  it("previews the unsaved branding in one language, with the default language's texts to fall back on", () => {
    const draft = withTexts(toBrandingDraft({ ...SAVED, accentColor: "#123456" }, LOCALES), "fr", { intro: "Bonjour" });
    const query = new URLSearchParams(
      toPreviewQuery(draft, {
        locale: "fr",
        primaryLocale: "en",
        shop: { name: "Demo shop", email: "help@example.com", currency: "EUR" },
      }),
    );
    expect(query.get("accentColor")).toBe("#123456");
    expect(query.get("texts.fr.intro")).toBe("Bonjour");
    expect(query.get("texts.en.heading")).toBe("Help centre");
    expect(query.has("texts.de.heading")).toBe(false);
    expect(
      Object.fromEntries(
        ["locale", "primaryLocale", "shopName", "shopEmail", "shopCurrency"].map((key) => [key, query.get(key)]),
      ),
    ).toEqual({
      locale: "fr",
      primaryLocale: "en",
      shopName: "Demo shop",
      shopEmail: "help@example.com",
      shopCurrency: "EUR",
    });
  });
});
