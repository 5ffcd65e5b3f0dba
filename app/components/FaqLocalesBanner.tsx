import { adminText } from "../i18n";
import { RetryBanner } from "./RetryBanner";

const text = adminText.faq.unavailable;

/** What every FAQ page says when Shopify could not tell the shop's languages, with a way to ask again. */
export function FaqLocalesBanner({ show }: { show: boolean }) {
  if (!show) return null;
  return (
    <RetryBanner title={text.title} retryLabel={text.retry}>
      <p>{text.body}</p>
    </RetryBanner>
  );
}
