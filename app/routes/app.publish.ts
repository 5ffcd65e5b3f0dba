import type { ActionFunctionArgs } from "@remix-run/node";

import { toast } from "../components/toast";
import { publishStorefrontSnapshot } from "../features/publishing/publish-storefront-snapshot.server";
import { adminText } from "../i18n";
import { authenticate } from "../shopify.server";

const text = adminText.publishing;

/** "Publish now" / "Publish again" from any page (PublishStatusCard, PublishOutcomeBanner). */
export const action = async ({ request }: ActionFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const publish = await publishStorefrontSnapshot(admin, session.shop);
  return {
    publish,
    toast: publish.ok
      ? toast(publish.unchanged ? text.unchangedToast : text.publishedToast)
      : toast(text.failedToast, { isError: true }),
  };
};
