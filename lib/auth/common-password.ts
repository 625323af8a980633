import commonPasswords from 'fxa-common-password-list';

/**
 * Whether a password is among the 50,000 most common ones of 8 or more characters (Mozilla's list,
 * the one Firefox Accounts uses), ignoring case: the first thing any guesser tries.
 */
export function isCommonPassword(password: string): boolean {
  return commonPasswords.test(password.toLowerCase());
}
