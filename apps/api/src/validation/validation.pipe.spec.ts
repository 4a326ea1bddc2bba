import 'reflect-metadata';
import { DomainError, type FieldProblem } from '../errors/domain-error';
import { EnrollDto } from '../enroll/enroll.dto';
import { createValidationPipe } from './validation.pipe';

const pipe = createValidationPipe();

/** What the REST pipe answers for a JSON body: the DTO's fields, or the problems it names. */
async function validate(json: string): Promise<unknown> {
  try {
    return { ...(await pipe.transform(JSON.parse(json), { type: 'body', metatype: EnrollDto })) };
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, problems: error.fields };
    throw error;
  }
}

const problems = (...list: [string, string][]) => ({
  code: 'invalid_input',
  problems: list.map(([field, reason]): FieldProblem => ({ field, reason })),
});

describe('the REST validation pipe', () => {
  it('takes a valid body', async () => {
    expect(await validate('{"hostname":"web-1","machineId":"m-1"}')).toEqual({
      hostname: 'web-1',
      machineId: 'm-1',
    });
  });

  it('refuses __proto__, constructor and prototype keys by name, at any depth, instead of dropping them', async () => {
    expect(await validate('{"hostname":"web-1","__proto__":{"admin":true}}')).toEqual(
      problems(['__proto__', 'property __proto__ should not exist']),
    );
    expect(
      await validate('{"constructor":{"prototype":1},"hostname":"web-1","machineId":{"__proto__":[]}}'),
    ).toEqual(
      problems(
        ['constructor', 'property constructor should not exist'],
        ['machineId.__proto__', 'property __proto__ should not exist'],
      ),
    );
  });

  it('refuses a body nested deeper than any DTO with a 400, where the recursive walks overflowed', async () => {
    const deep = `{"hostname":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const answer = (await validate(deep)) as { problems: FieldProblem[] };
    expect(answer.problems).toEqual([
      {
        field: expect.stringMatching(/^hostname(\.0)+$/),
        reason: expect.stringMatching(/nests deeper than 32 levels$/),
      },
    ]);
  });

  it('names each bad field once, with its most basic reason', async () => {
    expect(await validate('{"hostname":7}')).toEqual(problems(['hostname', 'hostname must be a string']));
    expect(await validate('{}')).toEqual(problems(['hostname', 'hostname must be a string']));
    expect(await validate('{"hostname":""}')).toEqual(
      problems(['hostname', 'hostname must be longer than or equal to 1 characters']),
    );
    expect(await validate('{"hostname":"web 1","machineId":"a\\u0000b"}')).toEqual(
      problems(
        ['hostname', 'hostname may hold letters, digits, ".", "-" and "_" only'],
        ['machineId', 'machineId must not contain control characters'],
      ),
    );
  });
});
