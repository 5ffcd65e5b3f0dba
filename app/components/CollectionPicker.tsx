import { useState } from "react";

import { Autocomplete, BlockStack, InlineStack, Tag, Text } from "@shopify/polaris";

import { adminText, format } from "../i18n";

const text = adminText.collectionPicker;

export interface CollectionOption {
  id: string;
  title: string;
}

/**
 * Choosing some of the shop's collections: search by title, the chosen ones as removable tags. Collections the
 * list does not hold (more than the page loaded) keep showing by id, so a saved choice is never lost silently.
 */
export function CollectionPicker({
  label = text.label,
  collections,
  truncated,
  selected,
  error,
  onChange,
}: {
  label?: string;
  collections: CollectionOption[];
  /** The shop has more collections than `collections` lists. */
  truncated: boolean;
  selected: string[];
  error?: string;
  onChange: (ids: string[]) => void;
}) {
  const [query, setQuery] = useState("");
  const titles = new Map(collections.map((collection) => [collection.id, collection.title]));
  const options = collections
    .filter((collection) => collection.title.toLowerCase().includes(query.trim().toLowerCase()))
    .map((collection) => ({ value: collection.id, label: collection.title }));
  return (
    <BlockStack gap="200">
      <Autocomplete
        allowMultiple
        options={options}
        selected={selected}
        onSelect={onChange}
        emptyState={<Text as="p">{text.empty}</Text>}
        textField={
          <Autocomplete.TextField
            label={label}
            value={query}
            onChange={setQuery}
            placeholder={text.placeholder}
            helpText={truncated ? format(text.truncated, { count: collections.length }) : undefined}
            error={error}
            autoComplete="off"
          />
        }
      />
      {selected.length > 0 ? (
        <InlineStack gap="200">
          {selected.map((id) => (
            <Tag
              key={id}
              onRemove={() => onChange(selected.filter((other) => other !== id))}
              accessibilityLabel={format(text.remove, { title: titles.get(id) ?? id })}
            >
              {titles.get(id) ?? id}
            </Tag>
          ))}
        </InlineStack>
      ) : null}
    </BlockStack>
  );
}
