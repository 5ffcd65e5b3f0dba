/** Tracking as Shopify stores it for the carriers the demo shop ships with. */
export type Carrier = "UPS" | "USPS" | "FedEx" | "DHL Express" | "Canada Post" | "Colissimo";

const CARRIERS: Record<Carrier, { number: (seed: number) => string; url: (n: string) => string }> = {
  UPS: { number: (s) => `1Z999AA1${digits(s, 10)}`, url: (n) => `https://www.ups.com/track?tracknum=${n}` },
  USPS: {
    number: (s) => `9400111899${digits(s, 12)}`,
    url: (n) => `https://tools.usps.com/go/TrackConfirmAction?tLabels=${n}`,
  },
  FedEx: { number: (s) => digits(s, 12), url: (n) => `https://www.fedex.com/fedextrack/?trknbr=${n}` },
  "DHL Express": {
    number: (s) => digits(s, 10),
    url: (n) => `https://www.dhl.com/en/express/tracking.html?AWB=${n}&brand=DHL`,
  },
  "Canada Post": {
    number: (s) => digits(s, 16),
    url: (n) => `https://www.canadapost-postescanada.ca/track-reperage/en#/search?searchFor=${n}`,
  },
  Colissimo: {
    number: (s) => `6A${digits(s, 11)}`,
    url: (n) => `https://www.laposte.fr/outils/suivre-vos-envois?code=${n}`,
  },
};

// Deterministic digits from a seed, so tracking numbers are stable across runs.
function digits(seed: number, length: number): string {
  let out = "";
  let x = seed % 2_147_483_647 || 1;
  while (out.length < length) {
    x = (x * 48_271) % 2_147_483_647; // Park–Miller: stays within exact integer range
    out += String(x % 10);
  }
  return out;
}

export function trackingFor(carrier: Carrier, seed: number): { company: string; number: string; url: string } {
  const spec = CARRIERS[carrier];
  const number = spec.number(seed);
  return { company: carrier, number, url: spec.url(number) };
}
