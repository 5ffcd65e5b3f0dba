import { describe, expect, it } from "vitest";

import { nodeVersionProblem } from "./node-version.mjs";

describe("the Node.js version check of npm run demo and npm test", () => {
  it("turns away an older Node in one line that says how to get Node 22", () => {
    const problem = nodeVersionProblem("20.20.2", "/usr/bin/node");
    expect(problem).toMatch(
      /^Resolve needs Node\.js 22\.12 or newer, and this is Node\.js 20\.20\.2 \(\/usr\/bin\/node\)/,
    );
    expect(problem).toContain("nvm use");
    expect(problem).toContain("npm install --prefix ~/.node22 node@22");
    expect(problem).not.toContain("\n");
    expect(nodeVersionProblem("22.11.0", "node")).not.toBeNull();
  });

  it("lets Node 22.12 and newer through", () => {
    expect(nodeVersionProblem("22.12.0", "node")).toBeNull();
    expect(nodeVersionProblem("22.23.3", "node")).toBeNull();
    expect(nodeVersionProblem("24.1.0", "node")).toBeNull();
  });
});
