import { KnowledgeChecker, KnowledgeError } from './load';
import type {
  NetworkCheckId,
  PhoneCause,
  PhoneCauseId,
  PhoneDecisionTree,
  PhoneFirmwareBaseline,
  PhoneFirmwareIssue,
  PhoneKnowledge,
  PhoneTreeAnswer,
  PhoneTreeQuestion,
} from './phone-types';
import type { LocalizedText } from './types';
import { compareVersions, matchesVersionPattern } from './versions';

export const PHONE_FIRMWARE_FILE = 'phone-firmware.json';
export const PHONE_TREE_FILE = 'phone-decision-tree.json';

/** Every cause the code knows; the tree file must describe each one exactly once. */
export const PHONE_CAUSE_IDS: readonly PhoneCauseId[] = [
  'vlan-dhcp-cabling',
  'egress-filtering',
  'poe-budget',
  'time-certificates',
  'licence-account',
  'corrupt-profile',
  'firmware',
  'escalate',
];

/** Every check the network hand-off can list. */
export const NETWORK_CHECK_IDS: readonly NetworkCheckId[] = [
  'switch-port',
  'voice-vlan',
  'dhcp',
  'cabling',
  'firewall',
  'proxy',
  'dns',
  'ntp',
  'poe',
];

const EXACT_VERSION = /^\d+(\.\d+)*$/;
const VERSION_PATTERN = /^(\d+|\*)(\.(\d+|\*))*$/;
const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

// load.ts's checker, plus what the phone files need: lists that must not be empty.
class Checker extends KnowledgeChecker {
  override array(value: unknown, path: string, nonEmpty = false): unknown[] | undefined {
    const list = super.array(value, path);
    if (list && nonEmpty && list.length === 0) this.problems.push(`${path} must not be empty`);
    return list;
  }
}

/** The key a model is looked up by: "Poly CCX 500", "poly ccx500" and "POLY CCX-500" are the same phone. */
export function phoneModelKey(manufacturer: string, model: string): string {
  return `${manufacturer}${model}`.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * Validates the content of `phone-firmware.json`.
 * @throws KnowledgeError listing every problem, with its JSON path.
 */
export function parsePhoneFirmware(data: unknown, file = PHONE_FIRMWARE_FILE): PhoneFirmwareBaseline[] {
  const c = new Checker();
  const root = c.record(data, '(root)');
  if (root) c.onlyKeys(root, '(root)', ['models']);
  const list = root ? c.array(root.models, 'models', true) : undefined;
  const models: PhoneFirmwareBaseline[] = [];
  const seen = new Set<string>();
  list?.forEach((item, i) => {
    const path = `models[${i}]`;
    const entry = c.record(item, path);
    if (!entry) return;
    c.onlyKeys(entry, path, ['manufacturer', 'model', 'minimum', 'recommended', 'badVersions']);
    const manufacturer = c.text(entry.manufacturer, `${path}.manufacturer`);
    const model = c.text(entry.model, `${path}.model`);
    const exact = { test: EXACT_VERSION, expected: 'a dotted version such as "8.1.4.1250"' };
    const minimum = c.text(entry.minimum, `${path}.minimum`, exact);
    const recommended = c.text(entry.recommended, `${path}.recommended`, exact);
    if (manufacturer !== undefined && model !== undefined) {
      const key = phoneModelKey(manufacturer, model);
      if (seen.has(key)) c.problems.push(`${path} "${manufacturer} ${model}" is listed twice`);
      seen.add(key);
    }
    if (minimum !== undefined && recommended !== undefined && compareVersions(recommended, minimum) < 0) {
      c.problems.push(`${path}.recommended "${recommended}" is older than the minimum "${minimum}"`);
    }
    const badVersions: PhoneFirmwareIssue[] = [];
    const seenBad = new Set<string>();
    c.array(entry.badVersions, `${path}.badVersions`)?.forEach((bad, j) => {
      const badPath = `${path}.badVersions[${j}]`;
      const issue = c.record(bad, badPath);
      if (!issue) return;
      c.onlyKeys(issue, badPath, ['version', 'note']);
      const version = c.text(issue.version, `${badPath}.version`, {
        test: VERSION_PATTERN,
        expected: 'a dotted version such as "7.1.3.0991" or "7.*"',
      });
      const note = c.localized(issue.note, `${badPath}.note`);
      if (version !== undefined) {
        if (seenBad.has(version)) c.problems.push(`${badPath}.version "${version}" is listed twice`);
        seenBad.add(version);
        if (recommended !== undefined && matchesVersionPattern(recommended, version)) {
          c.problems.push(
            `${badPath}.version "${version}" includes the recommended version "${recommended}"`,
          );
        }
      }
      if (version !== undefined && note) badVersions.push({ version, note });
    });
    if (
      manufacturer !== undefined &&
      model !== undefined &&
      minimum !== undefined &&
      recommended !== undefined
    ) {
      models.push({ manufacturer, model, minimum, recommended, badVersions });
    }
  });
  c.failIfAny(file);
  return models;
}

function parseCause(c: Checker, item: unknown, path: string): PhoneCause | undefined {
  const entry = c.record(item, path);
  if (!entry) return undefined;
  c.onlyKeys(entry, path, ['id', 'title', 'explanation', 'actions', 'handoff']);
  const id = c.oneOf(entry.id, `${path}.id`, PHONE_CAUSE_IDS);
  const title = c.localized(entry.title, `${path}.title`);
  const explanation = c.localized(entry.explanation, `${path}.explanation`);
  const actions: LocalizedText[] = [];
  c.array(entry.actions, `${path}.actions`, true)?.forEach((action, j) => {
    const text = c.localized(action, `${path}.actions[${j}]`);
    if (text) actions.push(text);
  });
  const handoff: NetworkCheckId[] = [];
  c.array(entry.handoff, `${path}.handoff`)?.forEach((check, j) => {
    const checkId = c.oneOf(check, `${path}.handoff[${j}]`, NETWORK_CHECK_IDS);
    if (checkId === undefined) return;
    if (handoff.includes(checkId)) c.problems.push(`${path}.handoff lists "${checkId}" twice`);
    else handoff.push(checkId);
  });
  if (id === undefined || !title || !explanation) return undefined;
  return { id, title, explanation, actions, handoff };
}

function parseAnswer(c: Checker, item: unknown, path: string): PhoneTreeAnswer | undefined {
  const entry = c.record(item, path);
  if (!entry) return undefined;
  c.onlyKeys(entry, path, ['id', 'label', 'next', 'conclusion']);
  const id = c.text(entry.id, `${path}.id`, { test: ID, expected: 'a kebab-case id' });
  const label = c.localized(entry.label, `${path}.label`);
  const hasNext = entry.next !== undefined;
  const hasConclusion = entry.conclusion !== undefined;
  if (hasNext === hasConclusion) {
    c.problems.push(`${path} must have exactly one of "next" (a question id) and "conclusion" (a cause id)`);
    return undefined;
  }
  if (hasNext) {
    const next = c.text(entry.next, `${path}.next`);
    return id !== undefined && label && next !== undefined ? { id, label, next } : undefined;
  }
  const conclusion = c.oneOf(entry.conclusion, `${path}.conclusion`, PHONE_CAUSE_IDS);
  return id !== undefined && label && conclusion !== undefined ? { id, label, conclusion } : undefined;
}

function parseQuestion(c: Checker, item: unknown, path: string): PhoneTreeQuestion | undefined {
  const entry = c.record(item, path);
  if (!entry) return undefined;
  c.onlyKeys(entry, path, ['id', 'text', 'help', 'answers']);
  const id = c.text(entry.id, `${path}.id`, { test: ID, expected: 'a kebab-case id' });
  const text = c.localized(entry.text, `${path}.text`);
  const help = entry.help === undefined ? undefined : c.localized(entry.help, `${path}.help`);
  const answers: PhoneTreeAnswer[] = [];
  const list = c.array(entry.answers, `${path}.answers`);
  if (list && list.length < 2) c.problems.push(`${path}.answers must offer at least two answers`);
  list?.forEach((answer, j) => {
    const parsed = parseAnswer(c, answer, `${path}.answers[${j}]`);
    if (!parsed) return;
    if (answers.some((a) => a.id === parsed.id)) {
      c.problems.push(`${path}.answers[${j}].id "${parsed.id}" is listed twice`);
    }
    answers.push(parsed);
  });
  if (id === undefined || !text) return undefined;
  return { id, text, ...(help ? { help } : {}), answers };
}

// Integrity of the graph: links resolve, no cycle, nothing unreachable, no cause left unused.
function checkTree(
  c: Checker,
  root: string | undefined,
  questions: PhoneTreeQuestion[],
  causes: PhoneCause[],
) {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const causeIds = new Set(causes.map((cause) => cause.id));
  questions.forEach((q) => {
    q.answers.forEach((a) => {
      const where = `question "${q.id}", answer "${a.id}"`;
      if (a.next !== undefined && !byId.has(a.next)) {
        c.problems.push(`${where} leads to "${a.next}", which is not a question`);
      }
      if (a.next === q.id) c.problems.push(`${where} leads back to its own question`);
      if (a.conclusion !== undefined && !causeIds.has(a.conclusion)) {
        c.problems.push(`${where} concludes "${a.conclusion}", which is not described in causes`);
      }
    });
  });
  if (root === undefined) return;
  if (!byId.has(root)) {
    c.problems.push(`root "${root}" is not a question`);
    return;
  }

  // Depth-first walk from every question, so a cycle is found even in a part the root cannot reach.
  const state = new Map<string, 'visiting' | 'done'>();
  const reported = new Set<string>();
  const visit = (id: string, trail: string[]): void => {
    const seen = state.get(id);
    if (seen === 'done') return;
    if (seen === 'visiting') {
      const cycle = [...trail.slice(trail.indexOf(id)), id];
      const key = [...cycle].sort().join(',');
      if (!reported.has(key)) {
        reported.add(key);
        c.problems.push(`the questions form a cycle: ${cycle.join(' -> ')}`);
      }
      return;
    }
    state.set(id, 'visiting');
    for (const a of byId.get(id)?.answers ?? []) {
      if (a.next !== undefined && a.next !== id && byId.has(a.next)) visit(a.next, [...trail, id]);
    }
    state.set(id, 'done');
  };
  questions.forEach((q) => visit(q.id, []));

  const reachable = new Set<string>();
  const concluded = new Set<string>();
  const pending = [root];
  while (pending.length > 0) {
    const id = pending.pop() as string;
    if (reachable.has(id)) continue;
    reachable.add(id);
    for (const a of byId.get(id)?.answers ?? []) {
      if (a.next !== undefined) pending.push(a.next);
      if (a.conclusion !== undefined) concluded.add(a.conclusion);
    }
  }
  questions.forEach((q) => {
    if (!reachable.has(q.id)) c.problems.push(`question "${q.id}" cannot be reached from the root "${root}"`);
  });
  causes.forEach((cause) => {
    if (!concluded.has(cause.id)) c.problems.push(`cause "${cause.id}" is never concluded`);
  });
}

/**
 * Validates the content of `phone-decision-tree.json`: its shape, then the integrity of the tree (every `next`
 * is a question, every conclusion a described cause, the root exists, no cycle, every question reachable, every
 * cause concluded somewhere).
 * @throws KnowledgeError listing every problem.
 */
export function parsePhoneTree(data: unknown, file = PHONE_TREE_FILE): PhoneDecisionTree {
  const c = new Checker();
  const root = c.record(data, '(root)');
  if (!root) {
    c.failIfAny(file);
    throw new KnowledgeError(file, ['(root) must be an object']);
  }
  c.onlyKeys(root, '(root)', ['root', 'questions', 'causes']);
  const rootId = c.text(root.root, 'root');

  const questions: PhoneTreeQuestion[] = [];
  c.array(root.questions, 'questions', true)?.forEach((item, i) => {
    const question = parseQuestion(c, item, `questions[${i}]`);
    if (!question) return;
    if (questions.some((q) => q.id === question.id)) {
      c.problems.push(`questions[${i}].id "${question.id}" is listed twice`);
      return;
    }
    questions.push(question);
  });

  const causes: PhoneCause[] = [];
  c.array(root.causes, 'causes', true)?.forEach((item, i) => {
    const cause = parseCause(c, item, `causes[${i}]`);
    if (!cause) return;
    if (causes.some((k) => k.id === cause.id)) {
      c.problems.push(`causes[${i}].id "${cause.id}" is listed twice`);
      return;
    }
    causes.push(cause);
  });
  const missing = PHONE_CAUSE_IDS.filter((id) => !causes.some((cause) => cause.id === id));
  if (Array.isArray(root.causes) && missing.length > 0) {
    c.problems.push(`causes must describe ${missing.map((id) => `"${id}"`).join(', ')}`);
  }

  // Links are only worth checking once every question and cause parsed, or each bad entry would echo here.
  if (c.problems.length === 0) checkTree(c, rootId, questions, causes);
  c.failIfAny(file);
  return { root: rootId as string, questions, causes };
}

/**
 * Builds the phone knowledge from the parsed JSON of its files, validating them.
 * @throws KnowledgeError naming the file and every problem found in it.
 */
export function loadPhoneKnowledge(files: { firmware: unknown; tree: unknown }): PhoneKnowledge {
  return { firmware: parsePhoneFirmware(files.firmware), tree: parsePhoneTree(files.tree) };
}
