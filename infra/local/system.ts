import { randomUUID } from 'node:crypto';
import { launchCycle, type LaunchReport } from '../../shared/app/evaluation/cycle-launch.js';
import { configureDeps, createDynamoClient, type Deps } from '../../shared/runtime/deps.js';
import { LocalStepFunctions } from './engine.js';
import { MAX_LOCAL_TIMEOUT_SECONDS, localMachines, localTableDefinition } from './localise.js';
import { ensureTable } from './dynamo.js';
import type { SynthOutput } from './synth.js';

export const EVALUATION_MACHINE = 'kinerja-local-employee-evaluation';
export const CYCLE_LAUNCH_MACHINE = 'kinerja-local-cycle-launch';
export const CYCLE_CLOSE_MACHINE = 'kinerja-local-cycle-close';

export interface LocalSystem {
  deps: Deps;
  /** What the workflow's handlers use (getDeps): the same table through their own client. */
  handlerDeps: Deps;
  engine: LocalStepFunctions;
  stop: () => void;
}

/**
 * Wires the local stand-ins behind the same interfaces the Lambda code uses in AWS: a
 * DynamoDB client pointed at DynamoDB Local and a Step Functions "client" that runs the
 * synthesized state machines.
 */
export async function createLocalSystem(options: {
  synth: SynthOutput;
  endpoint: string;
  tableName: string;
  now?: () => Date;
  executionBudgetSeconds?: number;
}): Promise<LocalSystem> {
  await ensureTable(options.endpoint, options.tableName, localTableDefinition(options.synth.templates));
  const engine = new LocalStepFunctions(localMachines(options.synth.templates));
  const ddb = createDynamoClient(options.endpoint);
  const deps: Deps = {
    ddb,
    tableName: options.tableName,
    sfn: engine,
    stateMachines: {
      employeeEvaluation: engine.arnOf(EVALUATION_MACHINE),
      cycleLaunch: engine.arnOf(CYCLE_LAUNCH_MACHINE),
      cycleClose: engine.arnOf(CYCLE_CLOSE_MACHINE),
    },
    now: options.now ?? (() => new Date()),
    newId: () => randomUUID(),
  };
  // Handlers called by the engine read their dependencies through getDeps(). They get their own
  // DynamoDB client, as separate Lambda functions would: the API's calls can be counted apart.
  const handlerDeps: Deps = {
    ...deps,
    ddb: createDynamoClient(options.endpoint),
    // The local engine ends an execution after its clamped machine timeout (localisation 5),
    // so executions hand over to a new one a day before that, as they do before a year in AWS.
    executionBudgetSeconds: options.executionBudgetSeconds ?? MAX_LOCAL_TIMEOUT_SECONDS - 86_400,
  };
  configureDeps(handlerDeps);
  return {
    deps,
    handlerDeps,
    engine,
    stop: () => {
      engine.stop();
      ddb.destroy();
      handlerDeps.ddb.destroy();
    },
  };
}

/**
 * Launches a cycle through the synthesized CycleLaunch machine on the local engine, as BKPSDM's
 * launch does, and waits for the run's result (the execution's output). Unlike BKPSDM's launch
 * it is not recorded on the cycle: the cycle page keeps the launches people made.
 */
export async function launchAndWait(system: LocalSystem, cycleId: string): Promise<LaunchReport> {
  const run = await launchCycle(system.deps, cycleId);
  const execution = system.engine.executions.get(run.arn);
  if (!execution) throw new Error(`CycleLaunch ${run.eksekusi} did not start`);
  await execution.done;
  if (execution.status !== 'SUCCEEDED') {
    const why = execution.error ? `${execution.error.name}: ${execution.error.message}` : '';
    throw new Error(`CycleLaunch ${run.eksekusi} ended ${execution.status} ${why}`);
  }
  return execution.output as LaunchReport;
}
