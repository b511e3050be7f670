// The graphql-http audit suite (GraphQL over HTTP spec conformance) against a live server.
// Run through npx, which puts the pinned package's .bin first on PATH:
//   npx --yes -p graphql-http@1.23.1 -c 'node .ci/graphql-http-audit.cjs http://127.0.0.1:8000/graphql'
// Prints every audit that is not ok and a summary; exits 1 on any warning or error.
const fs = require("fs");
const path = require("path");

const bin = (process.env.PATH || "")
  .split(path.delimiter)
  .find((dir) => fs.existsSync(path.join(dir, "..", "graphql-http", "package.json")));
if (!bin) {
  console.error("graphql-http not found on PATH: run this script through npx -p graphql-http@<version>");
  process.exit(2);
}
const { auditServer } = require(path.join(bin, "..", "graphql-http", "lib", "audits", "server.js"));

(async () => {
  const url = process.argv[2];
  const results = await auditServer({ url });
  const counts = { ok: 0, warn: 0, error: 0 };
  for (const result of results) {
    counts[result.status] += 1;
    if (result.status !== "ok") {
      console.log(`${result.status.toUpperCase()} ${result.id} ${result.name}: ${result.reason}`);
    }
  }
  console.log(`graphql-http audit of ${url}: ${counts.ok} ok, ${counts.warn} warnings, ${counts.error} errors`);
  process.exit(counts.warn || counts.error ? 1 : 0);
})();
