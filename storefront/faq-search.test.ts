import { describe, expect, it } from "vitest";

import { indexArticle, search } from "./faq-search";

// The search runs in the shopper's browser over the articles the Liquid rendered; here, over the same fields.
const articles = [
  ["delivery", "How long does delivery take?", "shipping parcel", "Orders arrive in 3 to 5 business days."],
  ["returns", "How do I return an item?", "refund send back", "Start a return from the help page within 30 days."],
  ["sizes", "Which size should I choose?", "fit measurements", "Our size guide lists chest and waist measurements."],
  ["livraison", "Combien de temps prend la livraison ?", "expédition colis", "Les commandes arrivent en 3 à 5 jours."],
  ["ja", "配送にはどのくらい時間がかかりますか？", "発送", "ご注文は3〜5営業日でお届けします。"],
].map(([id, question, keywords, answer]) =>
  indexArticle({ id } as unknown as HTMLElement, id!, question!, keywords!, answer!),
);

const found = (query: string) =>
  [...search(articles, query).entries()].sort((a, b) => b[1] - a[1]).map(([entry]) => entry.id);

describe("FAQ search in the block", () => {
  it("finds the article whatever the case, the accents, or a word cut short", () => {
    expect(found("DELIVERY")).toEqual(["delivery"]);
    expect(found("expedition")).toEqual(["livraison"]);
    expect(found("measure")).toEqual(["sizes"]);
  });

  it("forgives a typo: a wrong, missing, extra or swapped letter", () => {
    expect(found("delivry")).toEqual(["delivery"]);
    expect(found("delivrey")).toEqual(["delivery"]);
    expect(found("retrun")).toEqual(["returns"]);
    expect(found("livraisno")).toEqual(["livraison"]);
    // …but not in short words, where one letter makes another word.
    expect(found("fot")).toEqual([]);
  });

  it("matches the merchant's keywords as synonyms", () => {
    expect(found("parcel")).toEqual(["delivery"]);
    expect(found("refund")).toEqual(["returns"]);
  });

  it("ranks the question above a mention in an answer, and needs most of the words", () => {
    expect(found("return size")).toEqual(expect.arrayContaining(["returns", "sizes"]));
    expect(found("how long delivery")[0]).toBe("delivery");
    expect(found("refund chocolate cake")).toEqual([]);
  });

  it("searches text written without spaces", () => {
    expect(found("配送")).toEqual(["ja"]);
  });

  it("finds nothing for a query of no letters or digits", () => {
    expect(found("?!")).toEqual([]);
  });
});
