import { Link, List, Text } from "@shopify/polaris";

import { TitledCard } from "../../../components/TitledCard";

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
    <TitledCard title={text.heading}>
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
    </TitledCard>
  );
}
