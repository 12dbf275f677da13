import { safeCode, safeLine, safeParagraphs } from './safe-text';

/** How much text and how many list items one rendering attempt allows. */
export interface BudgetLimits {
  /** One-line values: names, titles, labels. */
  line: number;
  /** Sentences and paragraphs. */
  paragraph: number;
  /** Commands; 0 leaves commands out. */
  code: number;
  /** Items per list. */
  items: number;
}

/**
 * Rendering attempts from generous to tight. The first is what a normal card gets; the others exist only to bring
 * an oversized card under the Teams message limit.
 */
export const BUDGET_LEVELS: readonly BudgetLimits[] = [
  { line: 200, paragraph: 2000, code: 4000, items: 40 },
  { line: 120, paragraph: 600, code: 1500, items: 15 },
  { line: 80, paragraph: 200, code: 0, items: 6 },
  { line: 60, paragraph: 100, code: 0, items: 3 },
];

/** Applies one level's limits to every piece of outside text on a card and remembers whether anything was cut. */
export class TextBudget {
  private cut = false;

  constructor(readonly limits: BudgetLimits) {}

  /** True once any text, command or list was shortened or left out. */
  get truncated(): boolean {
    return this.cut;
  }

  /** A one-line value, at most `max` characters (never more than this level allows). */
  line(value: string, max: number = this.limits.line): string {
    const result = safeLine(value, Math.min(max, this.limits.line));
    this.cut ||= result.cut;
    return result.text;
  }

  /** A sentence or paragraph, line breaks kept. */
  paragraph(value: string, max: number = this.limits.paragraph): string {
    const result = safeParagraphs(value, Math.min(max, this.limits.paragraph));
    this.cut ||= result.cut;
    return result.text;
  }

  /** A command shown whole, or undefined when it does not fit. */
  code(value: string): string | undefined {
    const result = this.limits.code > 0 ? safeCode(value, this.limits.code) : undefined;
    if (result === undefined) this.cut = true;
    return result;
  }

  /** The first items of a list. */
  list<T>(items: readonly T[], max: number = this.limits.items): T[] {
    const limit = Math.min(max, this.limits.items);
    if (items.length > limit) this.cut = true;
    return items.slice(0, limit);
  }
}
