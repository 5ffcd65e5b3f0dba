/** A `userErrors[]` entry; `field` is the path to the input, with list indexes as strings like Shopify. */
export interface UserError {
  field: string[] | null;
  message: string;
  code?: string | null;
  elementIndex?: number | null;
}

export function userError(
  field: (string | number)[] | null,
  message: string,
  code: string,
  extra: Partial<UserError> = {},
): UserError {
  return { field: field?.map(String) ?? null, message, code, ...extra };
}
