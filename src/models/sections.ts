import type { StrategyDocument, Section } from '../core/document';
import { CHARTER_SECTION_IDS, matchCharterSection, type CharterSectionId, type Vocabulary } from '../core/vocabulary';

/** The "if this fails" line: what each side stands to lose. Inserted by two rules' fixes. */
export const FAILURE_COST_PROMPT = '- **If this fails:** we lose [what we lose]; the partner loses [what they lose]';

/** A name that can stand in a Markdown line as written: no brackets, table pipes, emphasis or line breaks. */
function insertableName(name: string | undefined): string | undefined {
  const n = name?.trim();
  return n && n.length <= 60 && /[\p{L}\p{N}]/u.test(n) && !/[[\]{}|*_`<>\r\n]/.test(n) ? n : undefined;
}

/**
 * A prompt line with the partner's name where the document gives one ("Lumen Security commits:"
 * for "The partner commits:"); unchanged when no name is known.
 */
export function namedPrompt(prompt: string, partnerName: string | undefined): string {
  const name = insertableName(partnerName);
  return name ? prompt.replace(/\b[Tt]he partner\b/g, () => name) : prompt;
}

/** The "if this fails" line, with the partner's name when the document gives one. */
export function failureCostPrompt(partnerName: string | undefined): string {
  return namedPrompt(FAILURE_COST_PROMPT, partnerName);
}

/** A charter section's prompts, with the partner's name when the document gives one. */
export function charterPrompts(id: CharterSectionId, partnerName: string | undefined): string[] {
  return CHARTER_SECTIONS[id].prompts.map((p) => namedPrompt(p, partnerName));
}

/** Display names and fill-in prompts for the five charter sections. Shared by rules and fixes. */
export const CHARTER_SECTIONS: Record<CharterSectionId, { name: string; prompts: string[] }> = {
  'mutual-goals': {
    name: 'Mutual Goals',
    prompts: [
      '- **Success for us:** [the outcome we need, with a number and a date]',
      '- **Success for the partner:** [the outcome they need, with a number and a date]',
      '- **Success for shared customers:** [what gets better for them, and how they would notice]',
    ],
  },
  'value-exchange': {
    name: 'Value Exchange',
    prompts: [
      '- **We commit:** [engineering time, spend or revenue share, with amounts and dates]',
      '- **The partner commits:** [distribution, co-investment or credits, with amounts and dates]',
      FAILURE_COST_PROMPT,
    ],
  },
  timeline: {
    name: 'Timeline',
    prompts: [
      '- **Crawl** ([start date] to [end date], 4-8 weeks): [1-2 pilot customers]; go/no-go: [20%+ improvement on the stated metric]',
      '- **Walk** ([start date] to [end date], 8-12 weeks): [5-10 more customers]; go/no-go: [70%+ of invited customers adopt]',
      '- **Run** (from [date]): [full rollout]; quarterly business reviews',
    ],
  },
  measurement: {
    name: 'Measurement',
    prompts: [
      '- **Metrics:** [metric] from [baseline] to [target] by [date]',
      '- **Tracked in:** [dashboard or report both sides can see]',
      '- **Review cadence:** [monthly or quarterly] review with both decision owners',
    ],
  },
  governance: {
    name: 'Governance',
    prompts: [
      '- **Decision owners:** [name, role] for us; [name, role] for the partner',
      '- **Escalation path:** [who hears a dispute first, and who settles it if they cannot agree]',
      '- **Exit criteria:** [what ends the partnership, for example a missed go/no-go gate]',
    ],
  },
};

/** The first section of `doc` that stands for each charter section (the title never does). */
export function findCharterSections(doc: StrategyDocument, vocabulary: Vocabulary): Map<CharterSectionId, Section> {
  const found = new Map<CharterSectionId, Section>();
  for (const section of doc.sections) {
    if (section === doc.title) continue;
    const id = matchCharterSection(section.title, vocabulary);
    if (id && !found.has(id)) found.set(id, section);
  }
  return found;
}

export { CHARTER_SECTION_IDS };
export type { CharterSectionId };
