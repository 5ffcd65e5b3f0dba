import { BlockStack, Card, Link, List, Text } from "@shopify/polaris";

import { adminText } from "../../../i18n";

const text = adminText.home.help;

const LINKS = [
  [text.appBlocks, text.appBlocksUrl],
  [text.returns, text.returnsUrl],
  [text.languages, text.languagesUrl],
] as const;

/** Shopify's help pages a merchant setting up the portal needs. */
export function HelpCard() {
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">
          {text.heading}
        </Text>
        <List type="bullet">
          {LINKS.map(([label, url]) => (
            <List.Item key={url}>
              <Link url={url} target="_blank">
                {label}
                <Text as="span" visuallyHidden>
                  {` ${text.opensInNewTab}`}
                </Text>
              </Link>
            </List.Item>
          ))}
        </List>
      </BlockStack>
    </Card>
  );
}
