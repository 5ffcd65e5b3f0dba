/**
 * Toasts as data: an action answers `{ toast: toast("Article saved") }` and the page shows it once (`useToasts`),
 * instead of each page calling App Bridge itself.
 */
export interface Toast {
  message: string;
  isError?: boolean;
}

export function toast(message: string, options: { isError?: boolean } = {}): Toast {
  return options.isError ? { message, isError: true } : { message };
}
