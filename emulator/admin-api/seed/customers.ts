import type { AddressRecord, CustomerRecord } from "../state";
import type { SeedClock } from "./clock";
import type { IdSequence } from "./ids";

/** The key is how the order table names a customer. */
export type CustomerKey = (typeof CUSTOMERS)[number]["key"];

// key, first, last, email, locale, customer for N days, address1, city, province (code), zip, country (code)
// prettier-ignore
const CUSTOMERS = [
  { key: "emma", first: "Emma", last: "Johnson", email: "emma.johnson@example.com", locale: "en", since: 420, street: "1200 SW Main St", city: "Portland", province: ["Oregon", "OR"], zip: "97205", country: ["United States", "US"] },
  { key: "liam", first: "Liam", last: "Smith", email: "liam.smith@example.com", locale: "en", since: 380, street: "501 Congress Ave", city: "Austin", province: ["Texas", "TX"], zip: "78701", country: ["United States", "US"] },
  { key: "camille", first: "Camille", last: "Dubois", email: "camille.dubois@example.fr", locale: "fr", since: 300, street: "12 Rue de la République", city: "Lyon", province: null, zip: "69002", country: ["France", "FR"] },
  { key: "noah", first: "Noah", last: "Brown", email: "noah.brown@example.com", locale: "en", since: 250, street: "77 Pike St", city: "Seattle", province: ["Washington", "WA"], zip: "98101", country: ["United States", "US"] },
  { key: "sophie", first: "Sophie", last: "Martin", email: "sophie.martin@example.ca", locale: "fr", since: 240, street: "1400 Rue Sainte-Catherine O", city: "Montréal", province: ["Quebec", "QC"], zip: "H3G 1P1", country: ["Canada", "CA"] },
  { key: "lukas", first: "Lukas", last: "Schneider", email: "lukas.schneider@example.de", locale: "de", since: 200, street: "Friedrichstraße 43", city: "Berlin", province: null, zip: "10117", country: ["Germany", "DE"] },
  { key: "olivia", first: "Olivia", last: "García", email: "olivia.garcia@example.es", locale: "es", since: 180, street: "Calle de Alcalá 21", city: "Madrid", province: ["Madrid", "M"], zip: "28014", country: ["Spain", "ES"] },
  { key: "ava", first: "Ava", last: "Wilson", email: "ava.wilson@example.com", locale: "en", since: 160, street: "233 S Wacker Dr", city: "Chicago", province: ["Illinois", "IL"], zip: "60606", country: ["United States", "US"] },
  { key: "mason", first: "Mason", last: "Lee", email: "mason.lee@example.com", locale: "en", since: 140, street: "350 5th Ave", city: "New York", province: ["New York", "NY"], zip: "10118", country: ["United States", "US"] },
  { key: "isabella", first: "Isabella", last: "Rossi", email: "isabella.rossi@example.com", locale: "en", since: 400, street: "100 Summer St", city: "Boston", province: ["Massachusetts", "MA"], zip: "02110", country: ["United States", "US"] },
  { key: "mia", first: "Mia", last: "Nguyen", email: "mia.nguyen@example.com", locale: "en", since: 90, street: "1 Market St", city: "San Francisco", province: ["California", "CA"], zip: "94105", country: ["United States", "US"] },
  // A customer with an account and no orders yet.
  { key: "ethan", first: "Ethan", last: "Clark", email: "ethan.clark@example.com", locale: "en", since: 10, street: "600 Brickell Ave", city: "Miami", province: ["Florida", "FL"], zip: "33131", country: ["United States", "US"] },
] as const;

export function seedCustomers(ids: IdSequence, clock: SeedClock): Map<CustomerKey, CustomerRecord> {
  const customers = new Map<CustomerKey, CustomerRecord>();
  for (const spec of CUSTOMERS) {
    const address: AddressRecord = {
      firstName: spec.first,
      lastName: spec.last,
      address1: spec.street,
      address2: null,
      city: spec.city,
      province: spec.province?.[0] ?? null,
      provinceCode: spec.province?.[1] ?? null,
      country: spec.country[0],
      countryCode: spec.country[1],
      zip: spec.zip,
      phone: null,
    };
    customers.set(spec.key, {
      id: ids.take("Customer"),
      firstName: spec.first,
      lastName: spec.last,
      email: spec.email,
      phone: null,
      locale: spec.locale,
      tags: spec.since > 365 ? ["loyal"] : [],
      address,
      createdAt: clock.ago(spec.since),
      updatedAt: clock.ago(Math.min(spec.since, 5)),
    });
  }
  return customers;
}

/** Shipping address for a guest order (guests have no customer record). */
export function guestAddress(email: string, country: "US" | "FR"): AddressRecord {
  const [local = "guest"] = email.split("@");
  const [first = "Guest", last = "Shopper"] = local
    .split(/[._]/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1));
  const name = { firstName: first, lastName: last, address2: null, phone: null };
  return country === "FR"
    ? {
        ...name,
        address1: "8 Rue du Faubourg Saint-Denis",
        city: "Paris",
        province: null,
        provinceCode: null,
        country: "France",
        countryCode: "FR",
        zip: "75010",
      }
    : {
        ...name,
        address1: "455 Market St",
        city: "Denver",
        province: "Colorado",
        provinceCode: "CO",
        country: "United States",
        countryCode: "US",
        zip: "80202",
      };
}
