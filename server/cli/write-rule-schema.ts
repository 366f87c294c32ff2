/** `npm run rules:schema`: writes rules/schema.json, the JSON Schema editors use to validate rule files as they are typed. */
import { writeFileSync } from 'node:fs';
import { ruleFileJsonSchema } from '../domain/rule-json-schema.ts';

writeFileSync('rules/schema.json', `${JSON.stringify(ruleFileJsonSchema(), null, 2)}\n`);
console.log('wrote rules/schema.json');
