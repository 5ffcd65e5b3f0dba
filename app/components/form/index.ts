export { AFTER_SAVE, EditForm, type EditFormProps } from "./EditForm";
export { JSON_POST, useJsonSubmit, type JsonBody } from "./submit";
export { useDraft } from "./useDraft";
