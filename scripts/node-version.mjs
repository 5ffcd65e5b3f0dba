// The Node.js the project runs on (package.json "engines", .nvmrc). `npm run demo` and `npm test` check it first,
// so an older Node (often the system's, found first on PATH) says so in one line instead of failing later with
// an error about something else.
const REQUIRED = { major: 22, minor: 12 };

/**
 * Why this Node.js will not do, with how to get Node 22, or null when it will.
 * @param {string} [version] e.g. "20.20.2"
 * @param {string} [execPath] the node binary, so "another Node on the machine" is visible
 * @returns {string | null}
 */
export function nodeVersionProblem(version = process.versions.node, execPath = process.execPath) {
  const [major = 0, minor = 0] = version.split(".").map(Number);
  if (major > REQUIRED.major || (major === REQUIRED.major && minor >= REQUIRED.minor)) return null;
  return (
    `Resolve needs Node.js ${REQUIRED.major}.${REQUIRED.minor} or newer, and this is Node.js ${version} (${execPath}): ` +
    `run "nvm use" (it reads .nvmrc), or "npm install --prefix ~/.node22 node@22" and put ~/.node22/node_modules/.bin first on PATH`
  );
}

/** Stops the process with that one line when this Node.js will not do. */
export function exitUnlessSupportedNode() {
  const problem = nodeVersionProblem();
  if (!problem) return;
  console.error(problem);
  process.exit(1);
}
