import { DOCUMENT_KINDS } from './kinds';
import type { Rule } from './rule';
import { CHARTER_SECTION_IDS } from './vocabulary';

/**
 * The JSON Schema of `.partnerlint.yaml`, derived from the rule registry so the two cannot
 * drift apart. `npm run schema` writes it to schemas/partnerlint.schema.json, which the
 * extension registers for completion and validation while the file is edited; a unit test
 * fails when the committed file is out of date.
 */
export function configSchema(rules: readonly Rule[]): object {
  const severity = { enum: ['off', 'info', 'warning', 'error'], description: 'How the problems of this rule are reported; off switches it off.' };
  const list = (description: string) => ({
    description,
    oneOf: [
      { type: 'array', items: { type: 'string' }, description: 'Added to the built-in list.' },
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          add: { type: 'array', items: { type: 'string' }, description: 'Added to the built-in list.' },
          remove: { type: 'array', items: { type: 'string' }, description: 'Taken out of the built-in list.' },
          replace: { type: 'array', items: { type: 'string' }, description: 'Used instead of the built-in list.' },
        },
      },
    ],
  });
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://github.com/partnerlint/partnerlint/schemas/partnerlint.schema.json',
    title: 'PartnerLint configuration (.partnerlint.yaml)',
    type: 'object',
    additionalProperties: false,
    properties: {
      extends: {
        description: 'Configuration files to start from, relative to this one; this file overrides them.',
        oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
      },
      root: { type: 'boolean', description: 'Documentation only: PartnerLint always uses the nearest configuration file.' },
      maxNesting: { type: 'integer', minimum: 1, maximum: 1000, default: 100, description: 'Documents whose lists or quotes nest deeper than this are not analysed.' },
      maxSize: { type: 'integer', minimum: 1000, maximum: 100000000, default: 1000000, description: 'Documents longer than this many characters, or that would cost the Markdown parser more than this many characters of ordinary text, are not analysed.' },
      documents: {
        type: 'object',
        description: 'What kind of partnership document the files matching each pattern are (relative to this file; the last matching pattern wins), or off to leave them alone. Front matter type: still wins.',
        additionalProperties: { enum: [...DOCUMENT_KINDS, 'off'] },
      },
      rules: {
        type: 'object',
        description: 'Switch rules off, change how loudly they report, or set their options.',
        additionalProperties: false,
        properties: Object.fromEntries(rules.map((rule) => {
          // Options may be written under options: or beside severity; any other name is an error.
          const options = rule.meta.options ?? {};
          return [rule.meta.id, {
            description: `${rule.meta.description} (default: ${rule.meta.defaultSeverity})`,
            oneOf: [
              severity,
              {
                type: 'object',
                additionalProperties: false,
                properties: {
                  severity,
                  options: { type: 'object', additionalProperties: false, properties: options, description: Object.keys(options).length > 0 ? 'Options of this rule (see its documentation).' : 'This rule has no options.' },
                  ...options,
                },
              },
            ],
          }];
        })),
      },
      vocabulary: {
        type: 'object',
        description: 'Words and phrases PartnerLint looks for. Entries match whole words, case-insensitively; an entry written /like this/ is a regular expression.',
        additionalProperties: false,
        properties: {
          commitmentWords: list('Words that make a sentence a commitment ("dedicate", "will invest").'),
          economicTerms: list('What counts as an economic commitment (spend, engineering time, revenue share, credits).'),
          coMarketingTerms: list('Co-marketing activities (webinars, logo swaps, press releases).'),
          placeholders: list('Template placeholders that must not be left in a finished document.'),
          headingFillerWords: list('Words ignored when headings are compared with section names.'),
          sectionSynonyms: {
            type: 'object',
            description: 'Other heading titles that count as each charter section.',
            additionalProperties: false,
            properties: Object.fromEntries(CHARTER_SECTION_IDS.map((id) => [id, list(`Headings that count as the ${id} section.`)])),
          },
          leverageTerms: {
            type: 'object',
            description: 'Evidence of each kind of leverage beyond co-marketing.',
            additionalProperties: false,
            properties: Object.fromEntries(['requirement', 'economic', 'competitive', 'customer'].map((id) => [id, list(`Evidence of ${id} leverage.`)])),
          },
        },
      },
    },
  };
}
