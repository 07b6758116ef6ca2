import { ENTRY_METADATA } from '../lambda.js';
import type { CfnTemplate } from './synth.js';

/**
 * JavaScript timers overflow above 2^31-1 ms (~24.8 days) and then fire at once, so every
 * timeout is clamped to this when a definition is localised.
 */
export const MAX_LOCAL_TIMEOUT_SECONDS = 2_147_483;
/** Carries a TimeoutSecondsPath value into the local task override (see localiseTask). */
export const LOCAL_TIMEOUT_FIELD = '__localTimeoutSeconds';

export type Asl = {
  StartAt: string;
  States: Record<string, AslState>;
  TimeoutSeconds?: number;
  [k: string]: unknown;
};
export type AslState = Record<string, unknown> & { Type: string };

export interface LocalTask {
  /** Handler module, relative to the project root. */
  entry: string;
  /** A `.waitForTaskToken` state: the override mints a token and waits for SendTaskSuccess. */
  callback: boolean;
}

export interface LocalMachine {
  name: string;
  arn: string;
  definition: Asl;
  tasks: Record<string, LocalTask>;
}

const LOCAL_ACCOUNT = '000000000000';
const LOCAL_REGION = 'local';
export const localFunctionArn = (logicalId: string) =>
  `arn:aws:lambda:${LOCAL_REGION}:${LOCAL_ACCOUNT}:function:${logicalId}`;
export const localStateMachineArn = (name: string) =>
  `arn:aws:states:${LOCAL_REGION}:${LOCAL_ACCOUNT}:stateMachine:${name}`;

/** Turns a synthesized intrinsic (Fn::Join of strings, Ref AWS::Partition, Fn::GetAtt X.Arn) into a string. */
function resolveIntrinsic(value: unknown): string {
  if (typeof value === 'string') return value;
  const v = value as Record<string, unknown>;
  if (v['Fn::Join']) {
    const [sep, parts] = v['Fn::Join'] as [string, unknown[]];
    return parts.map(resolveIntrinsic).join(sep);
  }
  if (v.Ref === 'AWS::Partition') return 'aws';
  if (v.Ref === 'AWS::Region') return LOCAL_REGION;
  if (v.Ref === 'AWS::AccountId') return LOCAL_ACCOUNT;
  if (v['Fn::GetAtt']) {
    const [id, attr] = v['Fn::GetAtt'] as [string, string];
    if (attr === 'Arn') return localFunctionArn(id);
  }
  throw new Error(`Cannot localise intrinsic ${JSON.stringify(value)}`);
}

function localiseTask(name: string, state: AslState, entries: Map<string, string>): LocalTask | undefined {
  const resource = String(state.Resource);
  if (!resource.startsWith('arn:aws:states:::lambda:invoke'))
    throw new Error(`State ${name}: unsupported resource ${resource}`);
  const params = state.Parameters as { FunctionName: string; Payload?: Record<string, unknown> };
  const entry = entries.get(params.FunctionName);
  if (!entry) throw new Error(`State ${name}: no handler entry for ${params.FunctionName}`);
  const callback = resource.endsWith('.waitForTaskToken');
  if (typeof state.TimeoutSecondsPath === 'string') {
    // aws-local-stepfunctions reads TimeoutSecondsPath from the input *after* Parameters, AWS
    // from the state input: hand the value to the override, which enforces it, through the payload.
    params.Payload = { ...(params.Payload ?? {}), [`${LOCAL_TIMEOUT_FIELD}.$`]: state.TimeoutSecondsPath };
    delete state.TimeoutSecondsPath;
    state.TimeoutSeconds = MAX_LOCAL_TIMEOUT_SECONDS;
  } else if (typeof state.TimeoutSeconds === 'number') {
    state.TimeoutSeconds = Math.min(state.TimeoutSeconds, MAX_LOCAL_TIMEOUT_SECONDS);
  } else if (callback) {
    // A callback state without a timeout waits for people; locally the default would be 60 s.
    state.TimeoutSeconds = MAX_LOCAL_TIMEOUT_SECONDS;
  }
  return { entry, callback };
}

/** Fields that only say how AWS runs a Distributed Map's child executions, and their limits. */
const DISTRIBUTED_ONLY = [
  'Label',
  'ToleratedFailureCount',
  'ToleratedFailureCountPath',
  'ToleratedFailurePercentage',
  'ToleratedFailurePercentagePath',
];

/**
 * A Distributed Map becomes an inline Map: the interpreter runs items in-process either way,
 * with the same ItemsPath, ItemSelector and MaxConcurrency. Readers, batchers and writers would
 * change what the items are, so they are refused rather than imitated.
 */
function localiseMap(name: string, state: AslState) {
  const processor = state.ItemProcessor as (Asl & { ProcessorConfig?: { Mode?: string } }) | undefined;
  if (processor?.ProcessorConfig?.Mode !== 'DISTRIBUTED') return;
  for (const field of ['ItemReader', 'ItemBatcher', 'ResultWriter'])
    if (field in state) throw new Error(`State ${name}: ${field} has no local equivalent`);
  processor.ProcessorConfig = { Mode: 'INLINE' };
  for (const field of DISTRIBUTED_ONLY) delete state[field];
}

function walk(
  states: Record<string, AslState>,
  entries: Map<string, string>,
  tasks: Record<string, LocalTask>,
) {
  for (const [name, state] of Object.entries(states)) {
    if (state.Type === 'Task') {
      const task = localiseTask(name, state, entries);
      if (task) tasks[name] = task;
    }
    if (state.Type === 'Map') localiseMap(name, state);
    for (const branch of (state.Branches as Asl[] | undefined) ?? []) walk(branch.States, entries, tasks);
    const processor = (state.ItemProcessor ?? state.Iterator) as Asl | undefined;
    if (processor) walk(processor.States, entries, tasks);
  }
}

/**
 * Every state machine of the synthesized templates, made runnable by aws-local-stepfunctions.
 * Only mechanical changes: intrinsics resolved, timeouts clamped, TimeoutSecondsPath carried
 * to the override, Distributed Maps run inline. Nothing is hand-written.
 */
export function localMachines(templates: Record<string, CfnTemplate>): Record<string, LocalMachine> {
  const entries = new Map<string, string>();
  for (const t of Object.values(templates)) {
    for (const [id, r] of Object.entries(t.Resources)) {
      const entry = r.Metadata?.[ENTRY_METADATA];
      if (r.Type === 'AWS::Lambda::Function' && typeof entry === 'string')
        entries.set(localFunctionArn(id), entry);
    }
  }
  const machines: Record<string, LocalMachine> = {};
  for (const t of Object.values(templates)) {
    for (const r of Object.values(t.Resources)) {
      if (r.Type !== 'AWS::StepFunctions::StateMachine') continue;
      const name = String(r.Properties?.StateMachineName);
      const definition = JSON.parse(resolveIntrinsic(r.Properties?.DefinitionString)) as Asl;
      if (definition.TimeoutSeconds)
        definition.TimeoutSeconds = Math.min(definition.TimeoutSeconds, MAX_LOCAL_TIMEOUT_SECONDS);
      const tasks: Record<string, LocalTask> = {};
      walk(definition.States, entries, tasks);
      machines[name] = { name, arn: localStateMachineArn(name), definition, tasks };
    }
  }
  return machines;
}

/** The table of the data stack as a CreateTable request: the same keys and indexes CDK deploys. */
export function localTableDefinition(templates: Record<string, CfnTemplate>) {
  for (const t of Object.values(templates)) {
    for (const r of Object.values(t.Resources)) {
      if (r.Type !== 'AWS::DynamoDB::GlobalTable') continue;
      const p = r.Properties as {
        KeySchema: { AttributeName: string; KeyType: 'HASH' | 'RANGE' }[];
        AttributeDefinitions: { AttributeName: string; AttributeType: 'S' | 'N' | 'B' }[];
        GlobalSecondaryIndexes?: {
          IndexName: string;
          KeySchema: { AttributeName: string; KeyType: 'HASH' | 'RANGE' }[];
          Projection: { ProjectionType: 'ALL' | 'KEYS_ONLY' | 'INCLUDE'; NonKeyAttributes?: string[] };
        }[];
        TimeToLiveSpecification?: { AttributeName: string; Enabled: boolean };
      };
      return {
        KeySchema: p.KeySchema,
        AttributeDefinitions: p.AttributeDefinitions,
        GlobalSecondaryIndexes: p.GlobalSecondaryIndexes?.map((g) => ({
          IndexName: g.IndexName,
          KeySchema: g.KeySchema,
          Projection: g.Projection,
        })),
        BillingMode: 'PAY_PER_REQUEST' as const,
      };
    }
  }
  throw new Error('No AWS::DynamoDB::GlobalTable in the synthesized templates');
}
