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

test('formDataToObject keeps a chosen file as a file and leaves out a file input left empty, however it was named', () => {
  const form = new FormData();
  const logo = new File([new Uint8Array([1, 2, 3])], 'logo.png', { type: 'image/png' });
  form.append('logo', logo);
  form.append('attachment', new File([], ''));
  form.append('photo', new File([], 'blob'));
  const out = formDataToObject(form);
  expect(out.logo).toBeInstanceOf(File);
  expect((out.logo as File).size).toBe(3);
  expect('attachment' in out).toBe(false);
  expect('photo' in out).toBe(false);
});

test('zodFieldErrors keeps the first message per field', () => {
  const schema = z.object({ email: z.email('Bad email'), age: z.coerce.number().min(18, 'Too young').max(10, 'Never') });
  const result = schema.safeParse({ email: 'x', age: '3' });
  expect(result.success).toBe(false);
  if (!result.success) expect(zodFieldErrors(result.error)).toEqual({ email: 'Bad email', age: 'Too young' });
});
