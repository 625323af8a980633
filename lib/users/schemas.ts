import { z } from 'zod';
import { ROLES } from '@/db/schema';

const email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: 'Enter a valid email address' }));

export const loginSchema = z.object({
  email,
  password: z.string().min(1, 'Enter your password').max(200),
});

export const createUserSchema = z.object({
  name: z.string().trim().min(1, 'Enter a name').max(100, 'Keep the name under 100 characters'),
  email,
  role: z.enum(ROLES, { message: 'Choose a role' }),
  password: z.string().min(8, 'Use at least 8 characters').max(200, 'Keep it under 200 characters'),
});

export const userIdSchema = z.coerce.number().int().positive();

export const changeRoleSchema = z.object({ userId: userIdSchema, role: z.enum(ROLES, { message: 'Choose a role' }) });

export const setActiveSchema = z.object({
  userId: userIdSchema,
  active: z.enum(['true', 'false']).transform((v) => v === 'true'),
});

export type CreateUserInput = z.infer<typeof createUserSchema>;
