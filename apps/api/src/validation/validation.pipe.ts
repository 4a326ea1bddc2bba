import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { invalidInput, type FieldProblem } from '../errors/domain-error';
import { MAX_PROBLEMS } from './wire-rules';

/** Flattens class-validator's tree into one problem per bad field, named by its path (`counts.3.port`). */
export function fieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    for (const reason of Object.values(error.constraints ?? {})) problems.push({ field, reason });
    problems.push(...fieldProblems(error.children ?? [], field));
    if (problems.length >= MAX_PROBLEMS) break;
  }
  return problems.slice(0, MAX_PROBLEMS);
}

/** Validates REST bodies: unknown fields are refused, and every problem names its field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => invalidInput(fieldProblems(errors)),
  });
}
