import { beforeEach, describe, expect, it } from "vitest";

import prisma from "../../db.server";
import { personalDataSources } from "../compliance/personal-data.server";
import {
  contrastRatio,
  contrastWarnings,
  DEFAULT_BRANDING,
  getBranding,
  isBrandingSaved,
  parseBrandingForm,
  saveBranding,
  type BrandingDocument,
} from "./Branding.server";

const SHOP = "branding-model.myshopify.com";
const OTHER_SHOP = "branding-model-other.myshopify.com";
const LOCALES = [
  { locale: "en", primary: true },
  { locale: "fr", primary: false },
];

/** The form as the branding page posts it, with every field valid unless overridden. */
function form(overrides: Record<string, string | undefined> = {}): Record<string, string> {
  const fields: Record<string, string | undefined> = {
    accentColor: "#1F4D3A",
    textOnAccentColor: "#fff",
    radius: "12",
    density: "compact",
    "modules.tracking": "on",
    "modules.faq": "on",
    "contact.email": "on",
    "texts.en.heading": "  Help centre ",
    "texts.en.intro": "Track, return, ask.",
    "texts.fr.heading": "Centre d’aide",
    "texts.fr.intro": "",
    ...overrides,
  };
  return Object.fromEntries(
    Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

beforeEach(async () => {
  await prisma.branding.deleteMany({ where: { shop: { in: [SHOP, OTHER_SHOP] } } });
});

describe("the branding form", () => {
  it("turns the posted fields into a normalised document", () => {
    const result = parseBrandingForm(form(), LOCALES);
    expect(result).toEqual({
      ok: true,
      value: {
        accentColor: "#1f4d3a",
        textOnAccentColor: "#ffffff",
        radius: 12,
        density: "compact",
        modules: { tracking: true, returns: false, faq: true, contact: false },
        contact: { email: true, orderRequired: false },
        texts: {
          en: { heading: "Help centre", intro: "Track, return, ask." },
          fr: { heading: "Centre d’aide", intro: "" },
        },
      },
    });
  });

  it.each([
    ["red;} body { display: none", "accentColor"],
    ["#fff;}", "accentColor"],
    ['url("https://evil.test/x.png")', "accentColor"],
    ["#12345", "accentColor"],
    ["#1f4d3a80", "accentColor"],
    ["rgb(0,0,0)", "accentColor"],
    ["", "accentColor"],
  ])("refuses the colour %j as a field error", (color, field) => {
    const result = parseBrandingForm(form({ [field]: color }), LOCALES);
    expect(result).toEqual({ ok: false, fieldErrors: { [field]: "hexColor" } });
    const onAccent = parseBrandingForm(form({ textOnAccentColor: color }), LOCALES);
    expect(onAccent).toEqual({ ok: false, fieldErrors: { textOnAccentColor: "hexColor" } });
  });

  it.each(["-1", "33", "4.5", "abc", "", "1e1"])("refuses the corner radius %j", (radius) => {
    expect(parseBrandingForm(form({ radius }), LOCALES)).toEqual({
      ok: false,
      fieldErrors: { radius: "radiusRange" },
    });
  });

  it("accepts both ends of the radius range", () => {
    for (const radius of ["0", "32"]) {
      const result = parseBrandingForm(form({ radius }), LOCALES);
      expect(result.ok && result.value.radius).toBe(Number(radius));
    }
  });

  it("needs at least one module, a known density, and texts within their limits", () => {
    const result = parseBrandingForm(
      form({
        "modules.tracking": undefined,
        "modules.faq": undefined,
        density: "spacious",
        "texts.fr.heading": "x".repeat(81),
        "texts.en.intro": "y".repeat(301),
      }),
      LOCALES,
    );
    expect(result).toEqual({
      ok: false,
      fieldErrors: {
        modules: "noModules",
        density: "density",
        "texts.fr.heading": "tooLong",
        "texts.en.intro": "tooLong",
      },
    });
  });

  it("keeps the texts of a language the shop stopped publishing", () => {
    const previous: BrandingDocument = { ...DEFAULT_BRANDING, texts: { de: { heading: "Hilfe", intro: "" } } };
    const result = parseBrandingForm(form(), LOCALES, previous);
    expect(result.ok && result.value.texts.de).toEqual({ heading: "Hilfe", intro: "" });
  });
});

describe("colour contrast (WCAG 2.x)", () => {
  it("computes the published ratios of known pairs", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBe(21);
    expect(contrastRatio("#fff", "#fff")).toBe(1);
    // WebAIM's checker: #767676 on white is 4.54:1, the lightest grey that passes AA.
    expect(contrastRatio("#767676", "#ffffff")).toBe(4.54);
    expect(contrastRatio("#777777", "#ffffff")).toBe(4.47);
  });

  it("warns, naming the ratio, when text on the accent or the accent as a link is hard to read", () => {
    expect(contrastWarnings({ accentColor: "#1f4d3a", textOnAccentColor: "#ffffff" })).toEqual([]);
    expect(contrastWarnings({ accentColor: "#ffcc00", textOnAccentColor: "#ffffff" })).toEqual([
      { pair: "textOnAccent", field: "textOnAccentColor", ratio: 1.51, required: 4.5 },
      { pair: "accentOnWhite", field: "accentColor", ratio: 1.51, required: 4.5 },
    ]);
    // Dark text on a light accent reads well on buttons, but the accent as link colour on white does not.
    expect(contrastWarnings({ accentColor: "#ffcc00", textOnAccentColor: "#000000" })).toEqual([
      { pair: "accentOnWhite", field: "accentColor", ratio: 1.51, required: 4.5 },
    ]);
  });

  it("says nothing about colours that are not valid yet", () => {
    expect(contrastWarnings({ accentColor: "#ffcc0", textOnAccentColor: "#fff" })).toEqual([]);
  });
});

describe("stored branding", () => {
  it("starts from the defaults and reports it was never saved", async () => {
    expect(await getBranding(SHOP)).toEqual({ document: DEFAULT_BRANDING, saved: false, updatedAt: null });
    expect(await isBrandingSaved(SHOP)).toBe(false);
  });

  it("round-trips a saved document, scoped to its shop", async () => {
    const result = parseBrandingForm(form(), LOCALES);
    if (!result.ok) throw new Error("valid form");
    await saveBranding(SHOP, result.value);

    const stored = await getBranding(SHOP);
    expect(stored.document).toEqual(result.value);
    expect(stored.saved).toBe(true);
    expect(await isBrandingSaved(SHOP)).toBe(true);
    expect((await getBranding(OTHER_SHOP)).saved).toBe(false);

    await saveBranding(SHOP, { ...result.value, radius: 0 });
    expect((await getBranding(SHOP)).document.radius).toBe(0);
    expect(await prisma.branding.count({ where: { shop: SHOP } })).toBe(1);
  });

  it("never stores a document the schema refuses, whoever calls", async () => {
    const bad = { ...DEFAULT_BRANDING, accentColor: "red;}" } as BrandingDocument;
    await expect(saveBranding(SHOP, bad)).rejects.toThrow();
    expect(await isBrandingSaved(SHOP)).toBe(false);
  });

  it("reads a damaged or older document field by field instead of failing", async () => {
    await prisma.branding.create({
      data: {
        shop: SHOP,
        document: JSON.stringify({
          accentColor: "#123456",
          radius: 99,
          modules: "all",
          texts: { fr: { heading: "Aide", intro: "" }, "not a locale!": { heading: "x", intro: "" } },
        }),
      },
    });
    const { document } = await getBranding(SHOP);
    expect(document).toEqual({
      ...DEFAULT_BRANDING,
      accentColor: "#123456",
      texts: { fr: { heading: "Aide", intro: "" } },
    });

    await prisma.branding.update({ where: { shop: SHOP }, data: { document: "{not json" } });
    expect((await getBranding(SHOP)).document).toEqual(DEFAULT_BRANDING);
  });

  it("is deleted by shop/redact, and only for that shop", async () => {
    await saveBranding(SHOP, DEFAULT_BRANDING);
    await saveBranding(OTHER_SHOP, DEFAULT_BRANDING);
    const source = personalDataSources.find((candidate) => candidate.name === "Branding");
    expect(source).toBeDefined();
    expect(await source!.redactShop(SHOP, prisma)).toBe(1);
    expect(await isBrandingSaved(SHOP)).toBe(false);
    expect(await isBrandingSaved(OTHER_SHOP)).toBe(true);
  });
});
