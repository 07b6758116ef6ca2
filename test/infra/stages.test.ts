import { describe, expect, it } from 'vitest';
import { type Asl, type AslState, localMachines } from '../../infra/local/localise.js';
import { synthesize } from '../../infra/local/synth.js';
import {
  DECLARED_STAGES,
  STAGES,
  STAGE_REGISTRY,
  type DeclaredStage,
  stateNames,
} from '../../shared/domain/evaluation/stages.js';

/**
 * The stage registry and the synthesized EmployeeEvaluation machine agree: every declared stage
 * has its states, every recorded stage is a start, and each stage leads to the registry's next.
 */
const machine = Object.values(localMachines(synthesize('local', { nag: false }).templates)).find((m) =>
  m.name.endsWith('-employee-evaluation'),
)!.definition;

/** Every state at any depth, and for each the Parallel or Map it runs inside (if any). */
const states = new Map<string, AslState>();
const parentOf = new Map<string, string>();
function flatten(asl: Asl, parent?: string) {
  for (const [name, state] of Object.entries(asl.States)) {
    states.set(name, state);
    if (parent) parentOf.set(name, parent);
    for (const inner of innerOf(state)) flatten(inner, name);
  }
}
const innerOf = (s: AslState): Asl[] =>
  [...((s.Branches as Asl[] | undefined) ?? []), (s.ItemProcessor ?? s.Iterator) as Asl | undefined].filter(
    (x): x is Asl => !!x,
  );
flatten(machine);

/** Where the flow goes once a Parallel or Map (or a state ending its branch) is done. */
function after(name: string): string[] {
  const s = states.get(name)!;
  if (typeof s.Next === 'string') return [s.Next];
  const parent = parentOf.get(name);
  return (s.End || s.Type === 'Succeed') && parent ? after(parent) : [];
}

/** Where a state may go: Next, a Choice's rules and default, a Catch, into its branches. */
function successors(name: string): string[] {
  const s = states.get(name)!;
  const inner = innerOf(s);
  const out = inner.length ? inner.map((x) => x.StartAt) : after(name);
  if (typeof s.Default === 'string') out.push(s.Default);
  for (const c of (s.Choices as { Next: string }[] | undefined) ?? []) out.push(c.Next);
  for (const c of (s.Catch as { Next: string }[] | undefined) ?? []) out.push(c.Next);
  return out;
}

/** A stage's first state: its deadline step, its peer list, or its automatic step. */
const entry = (t: DeclaredStage) => stateNames(t)[0]!;

describe('stage registry x EmployeeEvaluation machine', () => {
  it.each(DECLARED_STAGES)('%s: every state the registry names is in the machine', (t) => {
    for (const name of stateNames(t)) expect(states.has(name), name).toBe(true);
  });

  it('starts at every recorded stage (MulaiDariTahap), and at nothing else', () => {
    const choice = states.get('MulaiDariTahap')!;
    const rules = choice.Choices as { StringEquals: string; Next: string }[];
    expect(rules.map((r) => r.StringEquals)).toEqual([...STAGES]);
    for (const r of rules) {
      // Straight to the stage's first state, or to the Parallel it runs in.
      const target = states.get(r.Next)!;
      const starts = [r.Next, ...((target.Branches as Asl[] | undefined) ?? []).map((b) => b.StartAt)];
      expect(starts, r.StringEquals).toContain(entry(r.StringEquals as DeclaredStage));
    }
  });

  it.each(DECLARED_STAGES)("%s leads to the registry's next stage(s) and to no other", (t) => {
    const entries = new Map(DECLARED_STAGES.map((x) => [entry(x), x]));
    const reached = new Set<DeclaredStage>();
    const seen = new Set<string>();
    const queue = successors(entry(t));
    while (queue.length) {
      const name = queue.shift()!;
      if (seen.has(name)) continue;
      seen.add(name);
      const stage = entries.get(name);
      if (stage && stage !== t) reached.add(stage);
      else queue.push(...successors(name));
    }
    expect([...reached].sort()).toEqual([...STAGE_REGISTRY[t].next].sort());
  });
});
