import { Modal } from "@shopify/polaris";

import { adminText } from "../../../i18n";

const text = adminText.faq;

/** Deleting an article cannot be undone, so the merchant confirms it first. */
export function DeleteArticleModal({
  open,
  onClose,
  onDelete,
}: {
  open: boolean;
  onClose: () => void;
  onDelete: () => void;
}) {
  return (
    <Modal
      open={open}
      onClose={onClose}
      title={text.editor.deleteTitle}
      primaryAction={{
        content: text.actions.delete,
        destructive: true,
        onAction: () => {
          onClose();
          onDelete();
        },
      }}
      secondaryActions={[{ content: text.actions.cancel, onAction: onClose }]}
    >
      <Modal.Section>
        <p>{text.editor.deleteBody}</p>
      </Modal.Section>
    </Modal>
  );
}
