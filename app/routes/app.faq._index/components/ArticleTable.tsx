import { EmptyState, IndexTable, Modal, useIndexResourceState } from "@shopify/polaris";
import { useEffect, useState } from "react";

import type { FaqListPage } from "../../../features/faq/Faq.server";
import { adminText, formatCount } from "../../../i18n";
import { ArticleRow } from "./ArticleRow";

const text = adminText.faq;

export type BulkIntent = "publish" | "unpublish" | "delete";

/**
 * One page of articles, in storefront order: selection with bulk publish, unpublish and delete (after a
 * confirmation), a move up or down per row, and paging.
 */
export function ArticleTable({
  list,
  locales,
  canReorder,
  busy,
  lastChange,
  onBulk,
  onMove,
  onPage,
}: {
  list: FaqListPage;
  locales: { locale: string; name: string }[];
  canReorder: boolean;
  busy: boolean;
  /** The last change's answer: a new one clears the selection, whose rows may be gone or moved. */
  lastChange: unknown;
  onBulk: (intent: BulkIntent, ids: string[]) => void;
  onMove: (id: string, direction: "up" | "down") => void;
  onPage: (page: number) => void;
}) {
  const items = list.items;
  const { selectedResources, allResourcesSelected, handleSelectionChange, clearSelection } = useIndexResourceState(
    items.map(({ id }) => ({ id })),
  );
  const [confirmDelete, setConfirmDelete] = useState(false);
  useEffect(() => {
    if (lastChange) clearSelection();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new answer clears it
  }, [lastChange]);

  return (
    <>
      <IndexTable
        resourceName={{ singular: text.list.resourceSingular, plural: text.list.resourcePlural }}
        itemCount={items.length}
        selectedItemsCount={allResourcesSelected ? "All" : selectedResources.length}
        onSelectionChange={handleSelectionChange}
        loading={busy}
        headings={[
          { title: text.list.columnQuestion },
          { title: text.list.columnCategory },
          { title: text.list.columnStatus },
          { title: text.list.columnTranslations },
          { title: text.list.columnOrder },
        ]}
        promotedBulkActions={[
          { content: text.list.publish, onAction: () => onBulk("publish", selectedResources) },
          { content: text.list.unpublish, onAction: () => onBulk("unpublish", selectedResources) },
        ]}
        bulkActions={[{ content: text.list.delete, onAction: () => setConfirmDelete(true) }]}
        emptyState={
          <EmptyState heading={text.list.noResultsTitle} image="">
            <p>{text.list.noResultsBody}</p>
          </EmptyState>
        }
        pagination={{
          hasPrevious: list.page > 1,
          hasNext: list.page < list.pageCount,
          onPrevious: () => onPage(list.page - 1),
          onNext: () => onPage(list.page + 1),
          label: formatCount(text.list.pageLabel, list.total, { page: list.page, pageCount: list.pageCount }),
        }}
      >
        {items.map((item, index) => (
          <ArticleRow
            key={item.id}
            item={item}
            position={index}
            selected={selectedResources.includes(item.id)}
            locales={locales}
            canMoveUp={canReorder && !busy && !(list.page === 1 && index === 0)}
            canMoveDown={canReorder && !busy && !(list.page === list.pageCount && index === items.length - 1)}
            onMove={(direction) => onMove(item.id, direction)}
          />
        ))}
      </IndexTable>
      <Modal
        open={confirmDelete}
        onClose={() => setConfirmDelete(false)}
        title={formatCount(text.list.deleteTitle, selectedResources.length)}
        primaryAction={{
          content: text.actions.delete,
          destructive: true,
          onAction: () => {
            setConfirmDelete(false);
            onBulk("delete", selectedResources);
          },
        }}
        secondaryActions={[{ content: text.actions.cancel, onAction: () => setConfirmDelete(false) }]}
      >
        <Modal.Section>
          <p>{text.list.deleteBody}</p>
        </Modal.Section>
      </Modal>
    </>
  );
}
