import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { EmulatorState } from "./state";

/** Loads a saved state; null when the file does not exist. A file in another format is an error. */
export function loadState(file: string): EmulatorState | null {
  if (!existsSync(file)) return null;
  const parsed = JSON.parse(readFileSync(file, "utf8")) as Partial<EmulatorState>;
  if (parsed.formatVersion !== 1)
    throw new Error(`${file} is not an admin-api emulator state file (formatVersion ${String(parsed.formatVersion)})`);
  return parsed as EmulatorState;
}

/** Writes the whole state atomically: a crash mid-write leaves the previous file intact. */
export function saveState(file: string, state: EmulatorState): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(state));
  renameSync(temporary, file);
}
