import { z } from 'zod';
import { ROLES } from '@/db/schema';
import { isCommonPassword } from '@/lib/auth/common-password';
import { PUBLIC_TOKEN } from '@/lib/route-params';
import { requiredText, textProblem } from '@/lib/validation/text';

const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'Keep the email under 254 characters')
  .refine((s) => textProblem(s) === null, 'Enter a valid email address')
  .pipe(z.email({ message: 'Enter a valid email address' }));

export const loginSchema = z.object({
  email,
  password: z.string().min(1, 'Enter your password').max(200),
});

/** Every password a person chooses or is given: the rules of OWASP ASVS level 1 (V2.1). */
export const newPasswordSchema = z
  .string()
  .min(8, 'Use at least 8 characters')
  .max(200, 'Keep it under 200 characters')
  .refine((p) => !isCommonPassword(p), 'This is one of the most common passwords: choose one that is harder to guess');

const repeated = <T extends { newPassword: string; confirmPassword: string }>(d: T) => d.newPassword === d.confirmPassword;
const repeatMessage = { path: ['confirmPassword'], message: 'The two passwords are not the same' };

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, 'Enter your current password').max(200, 'That is not your current password'),
    newPassword: newPasswordSchema,
    confirmPassword: z.string(),
  })
  .refine(repeated, repeatMessage)
  .refine((d) => d.newPassword !== d.currentPassword, { path: ['newPassword'], message: 'Choose a password other than your current one' });

export const resetPasswordSchema = z
  .object({
    token: z.string().regex(PUBLIC_TOKEN, 'This link is not valid or has expired'),
    newPassword: newPasswordSchema,
    confirmPassword: z.string(),
  })
  .refine(repeated, repeatMessage);

export const createUserSchema = z.object({
  name: requiredText({ max: 100, required: 'Enter a name', tooLong: 'Keep the name under 100 characters' }),
  email,
  role: z.enum(ROLES, { message: 'Choose a role' }),
  password: newPasswordSchema,
});

export const userIdSchema = z.coerce.number().int().positive();

export const changeRoleSchema = z.object({ userId: userIdSchema, role: z.enum(ROLES, { message: 'Choose a role' }) });

export const setActiveSchema = z.object({
  userId: userIdSchema,
  active: z.enum(['true', 'false']).transform((v) => v === 'true'),
});

export const userIdInput = z.object({ userId: userIdSchema });

export type CreateUserInput = z.infer<typeof createUserSchema>;
