import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { invalidInput, type FieldProblem } from '../errors/domain-error';
import { bodyShapeProblems } from './body-shape';
import { MAX_PROBLEMS } from './wire-rules';

/**
 * The one reason a field is reported with. The DTOs list a field's decorators from the most basic (its
 * type: IsString, IsArray) down to the finest (Matches), and class-validator reports them bottom up,
 * nested validation last: so the last reason before that is the most basic one that failed. A field
 * that is not a string is told so, not also that it is too short and does not match a pattern.
 */
function mainReason(constraints: Record<string, string>): string | undefined {
  const own = Object.entries(constraints).filter(([name]) => name !== 'nestedValidation');
  return own.length > 0 ? own[own.length - 1][1] : constraints.nestedValidation;
}

/** Flattens class-validator's tree into one problem per bad field, named by its path (`counts.3.port`). */
export function fieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const reason = mainReason(error.constraints ?? {});
    if (reason !== undefined) problems.push({ field, reason });
    problems.push(...fieldProblems(error.children ?? [], field));
    if (problems.length >= MAX_PROBLEMS) break;
  }
  return problems.slice(0, MAX_PROBLEMS);
}

/** Refuses reserved keys and deep nesting first (body-shape.ts), where Nest would strip or overflow. */
class RestValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.metatype && this.toValidate(metadata)) {
      const problems = bodyShapeProblems(value);
      if (problems.length > 0) throw invalidInput(problems);
    }
    return super.transform(value, metadata);
  }
}

/** Validates REST bodies: unknown fields are refused, and every problem names its field. */
export function createValidationPipe(): ValidationPipe {
  return new RestValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => invalidInput(fieldProblems(errors)),
  });
}
