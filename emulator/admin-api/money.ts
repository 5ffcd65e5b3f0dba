/**
 * Money is kept in integer minor units (cents) inside the emulator and rendered as Shopify renders
 * its `Decimal` scalar: the shortest decimal with at least one fractional digit ("25.0", "19.99").
 */
export function formatDecimal(cents: number): string {
  const negative = cents < 0;
  const abs = Math.abs(Math.round(cents));
  const units = Math.floor(abs / 100);
  const fraction = abs % 100;
  const text =
    fraction === 0
      ? `${units}.0`
      : fraction % 10 === 0
        ? `${units}.${fraction / 10}`
        : `${units}.${String(fraction).padStart(2, "0")}`;
  return negative ? `-${text}` : text;
}

export interface MoneyV2View {
  amount: string;
  currencyCode: string;
}

export function moneyV2(cents: number, currencyCode: string): MoneyV2View {
  return { amount: formatDecimal(cents), currencyCode };
}

export interface MoneyBagView {
  shopMoney: MoneyV2View;
  presentmentMoney: MoneyV2View;
}

/** A MoneyBag from amounts already computed in both currencies (converting sums would drift by rounding). */
export function moneyBag(
  shop: { cents: number; currency: string },
  presentment: { cents: number; currency: string },
): MoneyBagView {
  return {
    shopMoney: moneyV2(shop.cents, shop.currency),
    presentmentMoney: moneyV2(presentment.cents, presentment.currency),
  };
}
