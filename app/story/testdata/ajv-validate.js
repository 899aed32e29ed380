// Checks story files against the JSON Schema with Ajv, the validator that
// editors and CI pipelines use, and prints what it finds as JSON:
// { "file": ["/path message", ...], ... } with an empty list for a valid file.
"use strict";
const fs = require("fs");
const Ajv2020 = require("ajv/dist/2020");
const addFormats = require("ajv-formats");

const [schemaPath, ...files] = process.argv.slice(2);
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaPath, "utf8")));
const out = {};
for (const file of files) {
  const ok = validate(JSON.parse(fs.readFileSync(file, "utf8")));
  out[file] = ok ? [] : validate.errors.map(e => (e.instancePath || "/") + " " + e.message);
}
process.stdout.write(JSON.stringify(out));
