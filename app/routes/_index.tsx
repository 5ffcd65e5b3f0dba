import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";

import { adminText as text } from "../i18n";

export const meta: MetaFunction = () => [{ title: text.landing.title }];

/**
 * Outside the Shopify admin there is nothing to log in to: Shopify installs the app and opens it embedded.
 * A request that names a shop (Shopify opening the app URL) goes on to the embedded app.
 */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const url = new URL(request.url);
  if (url.searchParams.get("shop")) throw redirect(`/app?${url.searchParams.toString()}`);
  return null;
};

export default function Landing() {
  return (
    <main
      style={{
        fontFamily: "system-ui, sans-serif",
        maxWidth: "40rem",
        margin: "4rem auto",
        padding: "0 1rem",
        lineHeight: 1.5,
      }}
    >
      <h1>{text.landing.title}</h1>
      <p>{text.landing.pitch}</p>
      <p>{text.landing.install}</p>
    </main>
  );
}
