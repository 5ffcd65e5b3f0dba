import { format, replace, type Child } from "./dom";

/**
 * The block's templates, filled in: the order part's markup and its text live in the block's Liquid
 * (snippets/resolve-templates.liquid), translated there, so this script carries neither.
 */

export type Values = Record<string, Child | boolean | string | number | null | undefined>;

/**
 * Clones the portal's `<template data-r="<name>">` (markup and text translated by Liquid) and fills it. Each
 * `[data-f="key"]` element is removed when `values[key]` is empty or false; gets the nodes when it holds
 * nodes; otherwise shows its own text with `[name]` placeholders filled from `values`, or the value itself when
 * its text has no placeholder and the value is not just `true`. `[data-href="key"]` gets `values[key]` as its link.
 */
export function render(root: ParentNode, name: string, values: Values): HTMLElement {
  const template = root.querySelector<HTMLTemplateElement>(`template[data-r="${name}"]`)!;
  const element = (template.content.cloneNode(true) as DocumentFragment).firstElementChild as HTMLElement;
  // Links first: slots may receive other filled templates, whose links are theirs.
  for (const link of element.querySelectorAll<HTMLAnchorElement>("[data-href]")) {
    link.href = String(values[link.dataset.href!]);
  }
  for (const slot of element.querySelectorAll<HTMLElement>("[data-f]")) {
    const value = values[slot.dataset.f!];
    if (value == null || value === false || value === "" || (Array.isArray(value) && !value.length)) slot.remove();
    else if (typeof value === "object") replace(slot, value);
    else {
      const text = slot.textContent ?? "";
      if (text.includes("[")) slot.textContent = format(text, values);
      else if (value !== true) slot.textContent = String(value);
    }
  }
  return element;
}
