import { GraphQLError } from "graphql";
import type { AddressRecord } from "../state";

/**
 * A GraphQL object as the emulator serves it: each field is a value, or a function of the field's
 * arguments and the request context. A field missing from a view is a gap in the emulator, and the
 * field resolver reports it instead of answering null (see execute.ts).
 */
export type View = { __typename?: string } & Record<string, unknown>;

export function notModelled(what: string): GraphQLError {
  return new GraphQLError(`Emulator does not model ${what} yet`, { extensions: { code: "EMULATOR_NOT_MODELLED" } });
}

/** Shopify serializes UnsignedInt64 as a string. */
export const uint64 = (n: number): string => String(n);

export const count = (n: number) => ({ count: n, precision: "EXACT" });

export function mailingAddressView(address: AddressRecord, id: string): View {
  const name = [address.firstName, address.lastName].filter(Boolean).join(" ") || null;
  const area = [address.city, address.provinceCode ?? address.province, address.zip].filter(Boolean).join(" ");
  return {
    __typename: "MailingAddress",
    id,
    firstName: address.firstName,
    lastName: address.lastName,
    name,
    company: null,
    address1: address.address1,
    address2: address.address2,
    city: address.city,
    province: address.province,
    provinceCode: address.provinceCode,
    country: address.country,
    countryCodeV2: address.countryCode,
    zip: address.zip,
    phone: address.phone,
    latitude: null,
    longitude: null,
    coordinatesValidated: false,
    formattedArea: [address.city, address.province, address.country].filter(Boolean).join(", "),
    formatted: ({ withName = false }: { withName?: boolean }) =>
      [withName ? name : null, address.address1, address.address2, area, address.country].filter(
        (line): line is string => Boolean(line),
      ),
  };
}

/** Paginates a plain list field that takes only `first` (e.g. `Order.fulfillments(first:)`). */
export function firstOf<T>(items: readonly T[], first: number | null | undefined): T[] {
  return first === null || first === undefined ? [...items] : items.slice(0, first);
}
