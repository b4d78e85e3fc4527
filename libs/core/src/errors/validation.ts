import { ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError, GenericErrors } from './domain-error';

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field,
      // class-validator starts its defaults with the property's name; the field says that already.
      message: message.startsWith(`${error.property} `) ? message.slice(error.property.length + 1) : message.replace(/^property \S+ /, ''),
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

export function invalidInput(errors: FieldError[]) {
  const fields = [...new Set(errors.map((e) => e.field))].join(', ');
  return GenericErrors.validationFailed(`Check these fields: ${fields}`, errors);
}

/** One pipe for every DTO: unknown fields are refused, every bad field is listed. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => invalidInput(flatten(errors)),
  });
}
