/**
 * The few DOM helpers the block's script needs. Text always goes in as text nodes (never innerHTML), so
 * anything the app or the merchant's data holds is inert.
 */

export type Child = Node | string | number | null | undefined | false | Child[];
type Attributes = Record<string, string | number | boolean | null | undefined | EventListener>;

/** Builds an element: `h("a", { href, class: "x", onclick }, "text", child)`. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes?: Attributes | null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (typeof value === "function") element.addEventListener(name.slice(2), value);
    else if (value === true) element.setAttribute(name, "");
    else if (value != null && value !== false) element.setAttribute(name, String(value));
  }
  element.append(...flatten(children));
  return element;
}

function flatten(children: Child[]): (Node | string)[] {
  return children.flatMap((child) =>
    Array.isArray(child) ? flatten(child) : child == null || child === false ? [] : [child as Node | string],
  );
}

/** The element of the portal marked `data-r="<name>"`. */
export function part<T extends HTMLElement = HTMLElement>(root: ParentNode, name: string): T | null {
  return root.querySelector<T>(`[data-r="${name}"]`);
}

export function replace(target: Element, ...children: Child[]) {
  target.replaceChildren(...flatten(children));
}

/** Moves focus to a heading or message the script just showed, so keyboard and screen-reader users land on it. */
export function focusOn(element: HTMLElement | null) {
  if (!element) return;
  element.tabIndex = -1;
  element.focus();
}

/** Fills `[name]` placeholders. */
export const format = (text: string, values: Record<string, unknown>) =>
  text.replace(/\[(\w+)\]/g, (match, name: string) => (name in values ? String(values[name]) : match));
