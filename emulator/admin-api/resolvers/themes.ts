import { createHash } from "node:crypto";
import { connection, type ConnectionArgs } from "../connection";
import { gid } from "../ids";
import type { ThemeFileRecord, ThemeRecord } from "../state";
import { uint64, type View } from "./common";

/** `*` in a requested filename matches any run of characters (Shopify accepts such patterns). */
function matches(pattern: string, filename: string): boolean {
  const regex = new RegExp(
    `^${pattern
      .split("*")
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
      .join(".*")}$`,
  );
  return regex.test(filename);
}

function contentType(filename: string): string {
  if (filename.endsWith(".json")) return "application/json";
  if (filename.endsWith(".liquid")) return "application/x-liquid";
  if (filename.endsWith(".css")) return "text/css";
  if (filename.endsWith(".js")) return "application/javascript";
  return "text/plain";
}

function themeFileView(file: ThemeFileRecord): View {
  return {
    __typename: "OnlineStoreThemeFile",
    filename: file.filename,
    body: { __typename: "OnlineStoreThemeFileBodyText", content: file.content },
    checksumMd5: createHash("md5").update(file.content).digest("hex"),
    contentType: contentType(file.filename),
    size: uint64(Buffer.byteLength(file.content, "utf8")),
    createdAt: file.createdAt,
    updatedAt: file.updatedAt,
  };
}

export function themeView(theme: ThemeRecord): View {
  return {
    __typename: "OnlineStoreTheme",
    id: gid("OnlineStoreTheme", theme.id),
    name: theme.name,
    role: theme.role,
    createdAt: theme.createdAt,
    updatedAt: theme.updatedAt,
    processing: false,
    processingFailed: false,
    // Dawn's Theme Store id.
    themeStoreId: theme.name.startsWith("Dawn") ? 887 : null,
    prefix: `/t/${theme.id % 1000}`,
    files: (args: ConnectionArgs & { filenames?: string[] | null }) => {
      const files = args.filenames
        ? theme.files.filter((f) => args.filenames?.some((pattern) => matches(pattern, f.filename)))
        : theme.files;
      const missing = (args.filenames ?? []).filter(
        (name) => !name.includes("*") && !theme.files.some((f) => f.filename === name),
      );
      return {
        ...connection(files, args, { key: (f) => f.filename, view: themeFileView, defaultPageSize: 50 }),
        userErrors: missing.map((filename) => ({ code: "NOT_FOUND", filename })),
      };
    },
  };
}
