import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import type { Deps } from '../../shared/runtime/deps.js';
import type { Employee } from '../../shared/domain/people/employee.js';

export const FAJAR = '199004122015031001';
export const DEWI = '199207252019022001';
export const PENSIUN = '196001011985031001';

const PROFILES: Partial<Employee>[] = [
  { nip: FAJAR, nama: 'Fajar Ramadhan, S.Kom.', aktif: true },
  { nip: DEWI, nama: 'Dewi Lestari, S.Kom.', aktif: true, admin: true },
  { nip: PENSIUN, nama: 'Pegawai Purnabakti', aktif: false },
];

/** Deps whose DynamoDB answers employee profiles from memory (aws-sdk-client-mock). */
export function fakeDeps() {
  const ddb = DynamoDBDocumentClient.from(
    new DynamoDBClient({ region: 'ap-southeast-3', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } }),
  );
  const ddbMock = mockClient(ddb);
  ddbMock.on(GetCommand).callsFake((input: { Key: { pk: string } }) => {
    const p = PROFILES.find((e) => input.Key.pk === `EMP#${e.nip}`);
    return { Item: p ? { pk: `EMP#${p.nip}`, sk: 'PROFILE', ...p } : undefined };
  });
  // A bearer request reads the profile with the token's revocation item: none is revoked here.
  ddbMock
    .on(BatchGetCommand)
    .callsFake((input: { RequestItems: Record<string, { Keys: { pk: string; sk: string }[] }> }) => ({
      Responses: Object.fromEntries(
        Object.entries(input.RequestItems).map(([table, { Keys }]) => [
          table,
          Keys.flatMap((k) => {
            const p = PROFILES.find((e) => k.sk === 'PROFILE' && k.pk === `EMP#${e.nip}`);
            return p ? [{ pk: `EMP#${p.nip}`, sk: 'PROFILE', ...p }] : [];
          }),
        ]),
      ),
    }));
  const deps = {
    ddb,
    tableName: 'fake',
    sfn: { send: async () => ({}) },
    stateMachines: { employeeEvaluation: '' },
    now: () => new Date(),
    newId: () => 'id',
  } as unknown as Deps;
  return { deps, ddbMock };
}
