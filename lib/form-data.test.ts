import { expect, test } from 'vitest';
import { z } from 'zod';
import { formDataToObject, zodFieldErrors } from './form-data';

test('formDataToObject keeps single values, collects repeated keys and drops Next action keys', () => {
  const form = new FormData();
  form.append('name', 'Ana');
  form.append('tag', 'a');
  form.append('tag', 'b');
  form.append('$ACTION_ID_123', '');
  expect(formDataToObject(form)).toEqual({ name: 'Ana', tag: ['a', 'b'] });
});

test('zodFieldErrors keeps the first message per field', () => {
  const schema = z.object({ email: z.email('Bad email'), age: z.coerce.number().min(18, 'Too young').max(10, 'Never') });
  const result = schema.safeParse({ email: 'x', age: '3' });
  expect(result.success).toBe(false);
  if (!result.success) expect(zodFieldErrors(result.error)).toEqual({ email: 'Bad email', age: 'Too young' });
});
