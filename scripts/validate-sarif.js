// Validates SARIF logs against the official SARIF 2.1.0 JSON schema (the
// rtm.5 schema shipped by Microsoft's @microsoft/jest-sarif package), with ajv.
//   node scripts/validate-sarif.js FILE.sarif...     (NODE_PATH: where the npm packages are)
// Exit 0 when every file validates, 1 with the errors otherwise, 2 when the
// validator is not installed (scripts/install-deps.sh installs it).
'use strict';
const fs = require('fs');
let Ajv, schema;
try {
  Ajv = require('ajv');
  schema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
} catch (e) {
  console.error('validate-sarif: the validator is not installed (' + e.message.split('\n')[0] + ')');
  process.exit(2);
}
const ajv = new Ajv({ allErrors: true, schemaId: 'auto', format: 'full' });
ajv.addMetaSchema(require('ajv/lib/refs/json-schema-draft-04.json'));
const validate = ajv.compile(schema);
let failed = false;
for (const file of process.argv.slice(2)) {
  const log = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (validate(log)) {
    console.log(file + ': valid SARIF 2.1.0');
  } else {
    failed = true;
    for (const err of validate.errors.slice(0, 20)) console.log(file + ': ' + err.dataPath + ' ' + err.message);
  }
}
process.exit(failed ? 1 : 0);
